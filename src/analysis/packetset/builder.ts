import type {AddressMatch, IpFamily, PortRange} from '../../model/index.js'
import {addressToBigInt, isIPv4, parseAddress} from '../../net/address.js'
import {type Bdd, FALSE, TRUE} from './bdd.js'
import {type FieldValue, fieldEquals, fieldMasked, fieldPrefix, fieldRange} from './fields.js'
import type {Field, Layout} from './layout.js'
import {HeaderValueError, ICMP_PROTOCOLS, type PacketState, PORT_PROTOCOLS} from './packet.js'

export type Side = 'src' | 'dst'

export interface IcmpMatch {
  type: number
  /** Undefined: every code of the type. */
  code?: number
}

/**
 * The set constructors as bare node ids in one store: `PacketSpace` wraps them for its own store,
 * and filter compilation uses them in a scratch store whose nodes are thrown away afterwards.
 */
export class NodeBuilder {
  private portProtocols = FALSE
  private icmpProtocols = FALSE

  constructor(
    readonly bdd: Bdd,
    readonly layout: Layout,
  ) {
    this.reset()
  }

  /** Rebuilds the cached protocol sets: needed after `bdd.clear()`. */
  reset(): void {
    this.portProtocols = this.protocols(PORT_PROTOCOLS)
    this.icmpProtocols = this.protocols(ICMP_PROTOCOLS)
  }

  family(family: IpFamily): number {
    const v = this.layout.fields.family.offset
    return family === 4 ? this.bdd.mk(v, TRUE, FALSE) : this.bdd.mk(v, FALSE, TRUE)
  }

  state(state: PacketState): number {
    return fieldEquals(this.bdd, this.layout.fields.state, state === 'established' ? 1 : 0)
  }

  protocols(protocols: readonly number[]): number {
    let node = FALSE
    for (const p of protocols) node = this.bdd.or(node, fieldEquals(this.bdd, this.layout.fields.protocol, int('protocol', p, 255)))
    return node
  }

  /** Packets of a port protocol (tcp, udp, sctp) whose port lies in one of the ranges. */
  ports(side: Side, ranges: readonly PortRange[]): number {
    const field = side === 'src' ? this.layout.fields.srcPort : this.layout.fields.dstPort
    let node = FALSE
    for (const r of ranges) node = this.bdd.or(node, fieldRange(this.bdd, field, int('port', r.from, 65535), int('port', r.to, 65535)))
    return this.bdd.and(node, this.portProtocols)
  }

  /** ICMP / ICMPv6 packets of one of the types (and codes). Exact: type and code are variables. */
  icmp(matches: readonly IcmpMatch[]): number {
    const f = this.layout.fields
    let node = FALSE
    for (const m of matches) {
      let one = fieldEquals(this.bdd, f.icmpType, int('ICMP type', m.type, 255))
      if (m.code !== undefined) one = this.bdd.and(one, fieldEquals(this.bdd, f.icmpCode, int('ICMP code', m.code, 255)))
      node = this.bdd.or(node, one)
    }
    return this.bdd.and(node, this.icmpProtocols)
  }

  /** Packets whose src or dst address lies in the prefix; host bits beyond `length` are ignored. */
  prefix(side: Side, address: string, length: number, expect?: IpFamily): number {
    const {family, value} = parse(address)
    if (expect !== undefined && family !== expect) throw new HeaderValueError(`${address} is not an IPv${expect} address`)
    int('prefix length', length, family === 4 ? 32 : 128)
    return this.bdd.and(this.family(family), fieldPrefix(this.bdd, this.ipField(side, family), value, length))
  }

  /** Inclusive address range; empty when first > last. */
  range(side: Side, first: string, last: string): number {
    const a = parse(first)
    const b = parse(last)
    if (a.family !== b.family) throw new HeaderValueError(`address range mixes families: ${first} - ${last}`)
    return this.bdd.and(this.family(a.family), fieldRange(this.bdd, this.ipField(side, a.family), a.value, b.value))
  }

  /** IPv4 address + wildcard: wildcard 1-bits are "don't care", contiguous or not. */
  wildcard(side: Side, address: string, wildcard: string): number {
    if (!isIPv4(address) || !isIPv4(wildcard)) throw new HeaderValueError(`not an IPv4 address/wildcard: ${address} ${wildcard}`)
    const care = ~v4(wildcard) >>> 0
    return this.bdd.and(this.family(4), fieldMasked(this.bdd, this.ipField(side, 4), v4(address), care))
  }

  address(side: Side, match: AddressMatch): number {
    switch (match.kind) {
      case 'any':
        return TRUE
      case 'prefix':
        return this.prefix(side, match.address, match.length, match.family)
      case 'range':
        checkFamily(match.first, match.family)
        return this.range(side, match.first, match.last)
      case 'wildcard':
        return this.wildcard(side, match.address, match.wildcard)
    }
  }

  private ipField(side: Side, family: IpFamily): Field {
    const field = side === 'src' ? this.layout.fields.srcIp : this.layout.fields.dstIp
    return family === 4 ? this.layout.ipv4(field) : field
  }
}

/** IPv4 takes the plain-number path: parsing through ip-address showed up in profiles. */
function parse(address: string): {family: IpFamily; value: FieldValue} {
  if (isIPv4(address)) return {family: 4, value: v4(address)}
  const parsed = parseAddress(address)
  if (!parsed) throw new HeaderValueError(`not an IP address: ${address}`)
  return {family: parsed.family, value: addressToBigInt(parsed.address, parsed.family)}
}

/** A dotted quad already checked by `isIPv4`, read without the arrays `split` makes. */
function v4(text: string): number {
  let value = 0
  let octet = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 46) {
      value = value * 256 + octet
      octet = 0
    } else octet = octet * 10 + c - 48
  }
  return value * 256 + octet
}

function checkFamily(address: string, family: IpFamily): void {
  if (parse(address).family !== family) throw new HeaderValueError(`${address} is not an IPv${family} address`)
}

export function int(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new HeaderValueError(`${name} out of range: ${value}`)
  return value
}
