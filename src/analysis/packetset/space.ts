import type {AddressMatch, IpFamily, PortRange} from '../../model/index.js'
import {ipv4ToInt, isIPv4, parseAddress, addressToBigInt} from '../../net/address.js'
import {Bdd, FALSE, TRUE} from './bdd.js'
import {fieldEquals, fieldMasked, fieldPrefix, fieldRange} from './fields.js'
import {type Field, type FieldName, Layout} from './layout.js'
import {
  decodePacket,
  encodePacket,
  HeaderValueError,
  ICMP_PROTOCOLS,
  type Packet,
  type PacketState,
  PORT_PROTOCOLS,
} from './packet.js'
import {PacketSet} from './packet-set.js'
import {minimalAssignment} from './witness.js'

export type Side = 'src' | 'dst'

export interface IcmpMatch {
  type: number
  /** Undefined: every code of the type. */
  code?: number
}

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
  private readonly portProtocols: number
  private readonly icmpProtocols: number
  /** Witness preferences, tried group by group: the first alternative that keeps the set non-empty wins. */
  private readonly preferences: number[][]

  constructor(options: PacketSpaceOptions = {}) {
    this.layout = new Layout(options.order)
    this.bdd = new Bdd(this.layout.varCount, options.capacity)
    this.empty = new PacketSet(this, FALSE)
    this.all = new PacketSet(this, TRUE)
    this.portProtocols = this.protocols(PORT_PROTOCOLS).node
    this.icmpProtocols = this.protocols(ICMP_PROTOCOLS).node
    const f = this.layout.fields
    this.preferences = [
      [this.family(4).node],
      [this.state('new').node],
      [6, 17, 1, 58].map((p) => fieldEquals(this.bdd, f.protocol, BigInt(p))),
      // A client-looking source port reads better than 0; ICMP and other sets leave ports free.
      [fieldRange(this.bdd, f.srcPort, 1024n, 65535n)],
    ]
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
    const v = this.layout.fields.family.offset
    return this.wrap(family === 4 ? this.bdd.mk(v, TRUE, FALSE) : this.bdd.mk(v, FALSE, TRUE))
  }

  state(state: PacketState): PacketSet {
    return this.wrap(fieldEquals(this.bdd, this.layout.fields.state, state === 'established' ? 1n : 0n))
  }

  protocols(protocols: readonly number[]): PacketSet {
    let node = FALSE
    for (const p of protocols) node = this.bdd.or(node, fieldEquals(this.bdd, this.layout.fields.protocol, BigInt(int('protocol', p, 255))))
    return this.wrap(node)
  }

  /** Packets of a port protocol (tcp, udp, sctp) whose port lies in one of the ranges. */
  ports(side: Side, ranges: readonly PortRange[]): PacketSet {
    const field = side === 'src' ? this.layout.fields.srcPort : this.layout.fields.dstPort
    let node = FALSE
    for (const r of ranges) {
      const lo = BigInt(int('port', r.from, 65535))
      const hi = BigInt(int('port', r.to, 65535))
      node = this.bdd.or(node, fieldRange(this.bdd, field, lo, hi))
    }
    return this.wrap(this.bdd.and(node, this.portProtocols))
  }

  /** ICMP / ICMPv6 packets of one of the types (and codes). Exact: type and code are variables. */
  icmp(matches: readonly IcmpMatch[]): PacketSet {
    const f = this.layout.fields
    let node = FALSE
    for (const m of matches) {
      let one = fieldEquals(this.bdd, f.icmpType, BigInt(int('ICMP type', m.type, 255)))
      if (m.code !== undefined) one = this.bdd.and(one, fieldEquals(this.bdd, f.icmpCode, BigInt(int('ICMP code', m.code, 255))))
      node = this.bdd.or(node, one)
    }
    return this.wrap(this.bdd.and(node, this.icmpProtocols))
  }

  /** Packets whose src or dst address lies in the prefix; host bits beyond `length` are ignored. */
  prefix(side: Side, address: string, length: number): PacketSet {
    const {family, value} = this.parse(address)
    int('prefix length', length, family === 4 ? 32 : 128)
    return this.wrap(this.bdd.and(this.familyNode(family), fieldPrefix(this.bdd, this.ipField(side, family), value, length)))
  }

  /** Inclusive address range; empty when first > last. */
  range(side: Side, first: string, last: string): PacketSet {
    const a = this.parse(first)
    const b = this.parse(last)
    if (a.family !== b.family) throw new HeaderValueError(`address range mixes families: ${first} - ${last}`)
    return this.wrap(this.bdd.and(this.familyNode(a.family), fieldRange(this.bdd, this.ipField(side, a.family), a.value, b.value)))
  }

  /** IPv4 address + wildcard: wildcard 1-bits are "don't care", contiguous or not. */
  wildcard(side: Side, address: string, wildcard: string): PacketSet {
    if (!isIPv4(address) || !isIPv4(wildcard)) throw new HeaderValueError(`not an IPv4 address/wildcard: ${address} ${wildcard}`)
    const care = BigInt(~ipv4ToInt(wildcard) >>> 0)
    const node = fieldMasked(this.bdd, this.ipField(side, 4), BigInt(ipv4ToInt(address)), care)
    return this.wrap(this.bdd.and(this.familyNode(4), node))
  }

  address(side: Side, match: AddressMatch): PacketSet {
    switch (match.kind) {
      case 'any':
        return this.all
      case 'prefix':
        this.checkFamily(match.address, match.family)
        return this.prefix(side, match.address, match.length)
      case 'range':
        this.checkFamily(match.first, match.family)
        return this.range(side, match.first, match.last)
      case 'wildcard':
        return this.wildcard(side, match.address, match.wildcard)
    }
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

  private familyNode(family: IpFamily): number {
    return this.family(family).node
  }

  private ipField(side: Side, family: IpFamily): Field {
    const field = side === 'src' ? this.layout.fields.srcIp : this.layout.fields.dstIp
    return family === 4 ? this.layout.ipv4(field) : field
  }

  private parse(address: string): {family: IpFamily; value: bigint} {
    const parsed = parseAddress(address)
    if (!parsed) throw new HeaderValueError(`not an IP address: ${address}`)
    return {family: parsed.family, value: addressToBigInt(parsed.address, parsed.family)}
  }

  private checkFamily(address: string, family: IpFamily): void {
    if (this.parse(address).family !== family) throw new HeaderValueError(`${address} is not an IPv${family} address`)
  }
}

function int(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new HeaderValueError(`${name} out of range: ${value}`)
  return value
}

let shared: PacketSpace | undefined

/** The process-wide space: sets made by different analyses of one run must combine. */
export function sharedPacketSpace(): PacketSpace {
  shared ??= new PacketSpace()
  return shared
}
