import {Address6} from 'ip-address'
import type {IpFamily} from '../../model/index.js'
import {addressToBigInt, intToIPv4, parseAddress} from '../../net/address.js'
import type {Field, Layout} from './layout.js'

export type PacketState = 'new' | 'established'

/** One concrete packet: what a witness is and what `decidingRule` explains. */
export interface Packet {
  family: IpFamily
  src: string
  dst: string
  /** IP protocol number. */
  protocol: number
  /** Only for port protocols (tcp, udp, sctp); read as 0 when absent. */
  srcPort?: number
  dstPort?: number
  /** Only for icmp / icmpv6; read as 0 when absent. */
  icmpType?: number
  icmpCode?: number
  /** `established`: return traffic of a session. */
  state: PacketState
}

/** Protocols whose packets carry ports: port constraints match only these. */
export const PORT_PROTOCOLS: readonly number[] = [6, 17, 132]
/** Protocols whose packets carry an ICMP type and code. */
export const ICMP_PROTOCOLS: readonly number[] = [1, 58]

/** An address, port, protocol or mask that is not a valid header value: a bug in whoever built it. */
export class HeaderValueError extends Error {
  override readonly name = 'HeaderValueError'
}

/** Canonical address value of `text`, checked against the packet family. */
export function addressValue(text: string, family: IpFamily): bigint {
  const parsed = parseAddress(text)
  if (!parsed || parsed.family !== family) throw new HeaderValueError(`not an IPv${family} address: ${text}`)
  return addressToBigInt(parsed.address, family)
}

function checkInt(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new HeaderValueError(`${name} out of range: ${value}`)
  return value
}

/** The packet as one assignment of every variable (free variables set to 0). */
export function encodePacket(layout: Layout, p: Packet): Uint8Array {
  const bits = new Uint8Array(layout.varCount)
  const f = layout.fields
  const put = (field: Field, value: bigint): void => {
    let v = value
    for (let i = field.width - 1; i >= 0; i--) {
      bits[field.offset + i] = Number(v & 1n)
      v >>= 1n
    }
  }
  if (p.family !== 4 && p.family !== 6) throw new HeaderValueError(`unknown address family: ${String(p.family)}`)
  put(f.family, p.family === 6 ? 1n : 0n)
  put(f.state, p.state === 'established' ? 1n : 0n)
  put(f.protocol, BigInt(checkInt('protocol', p.protocol, 255)))
  const ip = (field: Field): Field => (p.family === 4 ? layout.ipv4(field) : field)
  put(ip(f.srcIp), addressValue(p.src, p.family))
  put(ip(f.dstIp), addressValue(p.dst, p.family))
  put(f.srcPort, BigInt(checkInt('source port', p.srcPort ?? 0, 65535)))
  put(f.dstPort, BigInt(checkInt('destination port', p.dstPort ?? 0, 65535)))
  put(f.icmpType, BigInt(checkInt('ICMP type', p.icmpType ?? 0, 255)))
  put(f.icmpCode, BigInt(checkInt('ICMP code', p.icmpCode ?? 0, 255)))
  return bits
}

/** The packet an assignment stands for; fields its protocol does not carry are left out. */
export function decodePacket(layout: Layout, bits: Uint8Array): Packet {
  const f = layout.fields
  const read = (field: Field): bigint => {
    let v = 0n
    for (let i = 0; i < field.width; i++) v = (v << 1n) | BigInt(bits[field.offset + i] ?? 0)
    return v
  }
  const family: IpFamily = read(f.family) === 1n ? 6 : 4
  const address = (field: Field): string =>
    family === 4 ? intToIPv4(Number(read(layout.ipv4(field)))) : Address6.fromBigInt(read(field)).correctForm()
  const protocol = Number(read(f.protocol))
  const packet: Packet = {
    family,
    src: address(f.srcIp),
    dst: address(f.dstIp),
    protocol,
    state: read(f.state) === 1n ? 'established' : 'new',
  }
  if (PORT_PROTOCOLS.includes(protocol)) {
    packet.srcPort = Number(read(f.srcPort))
    packet.dstPort = Number(read(f.dstPort))
  }
  if (ICMP_PROTOCOLS.includes(protocol)) {
    packet.icmpType = Number(read(f.icmpType))
    packet.icmpCode = Number(read(f.icmpCode))
  }
  return packet
}
