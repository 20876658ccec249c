import type {AddressMatch, IpFamily, PortRange} from '../../model/index.js'
import {Bdd, FALSE, TRUE} from './bdd.js'
import {type IcmpMatch, NodeBuilder, type Side} from './builder.js'
import {fieldEquals, fieldRange} from './fields.js'
import {type Field, type FieldName, Layout} from './layout.js'
import {decodePacket, encodePacket, ICMP_PROTOCOLS, type Packet, type PacketState, PORT_PROTOCOLS} from './packet.js'
import {PacketSet} from './packet-set.js'
import {minimalAssignment} from './witness.js'

export type {IcmpMatch, Side} from './builder.js'

export interface PacketSpaceOptions {
  /** Field order, top to bottom; for experiments — the default is the tuned one. */
  order?: readonly FieldName[]
  /** Initial node capacity (the store doubles as needed). */
  capacity?: number
}

/**
 * The universe of packets and the constructors of its sets. Sets from one space combine; sets
 * from different spaces do not. Nodes are never freed, so use one space per analysis run.
 */
export class PacketSpace {
  readonly bdd: Bdd
  readonly layout: Layout
  readonly empty: PacketSet
  readonly all: PacketSet
  /** The constructors on `bdd`, as bare node ids. */
  readonly builder: NodeBuilder
  /** Witness preferences, tried group by group: the first alternative that keeps the set non-empty wins. */
  private readonly preferences: number[][]
  private scratchBuilder: NodeBuilder | undefined

  constructor(options: PacketSpaceOptions = {}) {
    this.layout = new Layout(options.order)
    this.bdd = new Bdd(this.layout.varCount, options.capacity)
    this.builder = new NodeBuilder(this.bdd, this.layout)
    this.empty = new PacketSet(this, FALSE)
    this.all = new PacketSet(this, TRUE)
    const f = this.layout.fields
    this.preferences = [
      [this.builder.family(4)],
      [this.builder.state('new')],
      [6, 17, 1, 58].map((p) => fieldEquals(this.bdd, f.protocol, p)),
      // A client-looking source port reads better than 0; ICMP and other sets leave ports free.
      [fieldRange(this.bdd, f.srcPort, 1024, 65535)],
    ]
  }

  /**
   * An emptied scratch store of the same layout, for work whose intermediate nodes should not
   * outlive it (filter compilation). Its nodes are not this space's: copy results out before the
   * next call. Not re-entrant.
   */
  scratch(): NodeBuilder {
    if (this.scratchBuilder === undefined) this.scratchBuilder = new NodeBuilder(new Bdd(this.layout.varCount, 1 << 17), this.layout)
    else {
      this.scratchBuilder.bdd.clear()
      this.scratchBuilder.reset()
    }
    return this.scratchBuilder
  }

  wrap(node: number): PacketSet {
    if (node === FALSE) return this.empty
    if (node === TRUE) return this.all
    return new PacketSet(this, node)
  }

  union(sets: Iterable<PacketSet>): PacketSet {
    let node = FALSE
    for (const s of sets) node = this.bdd.or(node, this.own(s))
    return this.wrap(node)
  }

  intersection(sets: Iterable<PacketSet>): PacketSet {
    let node = TRUE
    for (const s of sets) node = this.bdd.and(node, this.own(s))
    return this.wrap(node)
  }

  family(family: IpFamily): PacketSet {
    return this.wrap(this.builder.family(family))
  }

  state(state: PacketState): PacketSet {
    return this.wrap(this.builder.state(state))
  }

  protocols(protocols: readonly number[]): PacketSet {
    return this.wrap(this.builder.protocols(protocols))
  }

  /** Packets of a port protocol (tcp, udp, sctp) whose port lies in one of the ranges. */
  ports(side: Side, ranges: readonly PortRange[]): PacketSet {
    return this.wrap(this.builder.ports(side, ranges))
  }

  /** ICMP / ICMPv6 packets of one of the types (and codes). Exact: type and code are variables. */
  icmp(matches: readonly IcmpMatch[]): PacketSet {
    return this.wrap(this.builder.icmp(matches))
  }

  /** Packets whose src or dst address lies in the prefix; host bits beyond `length` are ignored. */
  prefix(side: Side, address: string, length: number): PacketSet {
    return this.wrap(this.builder.prefix(side, address, length))
  }

  /** Inclusive address range; empty when first > last. */
  range(side: Side, first: string, last: string): PacketSet {
    return this.wrap(this.builder.range(side, first, last))
  }

  /** IPv4 address + wildcard: wildcard 1-bits are "don't care", contiguous or not. */
  wildcard(side: Side, address: string, wildcard: string): PacketSet {
    return this.wrap(this.builder.wildcard(side, address, wildcard))
  }

  address(side: Side, match: AddressMatch): PacketSet {
    return this.wrap(this.builder.address(side, match))
  }

  /** The set holding exactly this packet. */
  packet(p: Packet): PacketSet {
    const bits = encodePacket(this.layout, p)
    const f = this.layout.fields
    const fixed: Field[] = [f.family, f.state, f.protocol, p.family === 4 ? this.layout.ipv4(f.srcIp) : f.srcIp]
    fixed.push(p.family === 4 ? this.layout.ipv4(f.dstIp) : f.dstIp)
    // Fields the protocol does not carry stay free, as in every other set of the space.
    if (PORT_PROTOCOLS.includes(p.protocol)) fixed.push(f.srcPort, f.dstPort)
    if (ICMP_PROTOCOLS.includes(p.protocol)) fixed.push(f.icmpType, f.icmpCode)
    const vars = fixed.flatMap((field) => Array.from({length: field.width}, (_, i) => field.offset + i)).sort((a, b) => b - a)
    let node = TRUE
    for (const v of vars) node = bits[v] ? this.bdd.mk(v, FALSE, node) : this.bdd.mk(v, node, FALSE)
    return this.wrap(node)
  }

  containsPacket(node: number, p: Packet): boolean {
    return this.bdd.evaluate(node, encodePacket(this.layout, p))
  }

  witnessOf(node: number): Packet | undefined {
    if (node === FALSE) return undefined
    let n = node
    for (const group of this.preferences) {
      for (const preferred of group) {
        const narrowed = this.bdd.and(n, preferred)
        if (narrowed !== FALSE) {
          n = narrowed
          break
        }
      }
    }
    return decodePacket(this.layout, minimalAssignment(this.bdd, n))
  }

  private own(s: PacketSet): number {
    if (s.space !== this) throw new Error('packet set from another packet space')
    return s.node
  }
}

let shared: PacketSpace | undefined

/** The process-wide space: sets made by different analyses of one run must combine. */
export function sharedPacketSpace(): PacketSpace {
  shared ??= new PacketSpace()
  return shared
}
