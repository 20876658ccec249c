/**
 * A small universe of representative packets, and generators of constraints that only look at
 * the header bits the universe varies. Every generated constraint treats two packets alike when
 * they agree on those bits, so the universe holds one packet per equivalence class: a set is
 * empty, or two sets are equal, exactly when they are so on the universe. That turns a
 * brute-force check over a few thousand packets into a proof about the whole packet space.
 */
import fc from 'fast-check'
import {Address6} from 'ip-address'
import type {AddressMatch, IpFamily, PortRange} from '../../src/model/index.js'
import {intToIPv4} from '../../src/net/address.js'
import type {IcmpMatch, Packet, PacketState} from '../../src/analysis/packetset/index.js'

export interface UniverseShape {
  /** Top address bits that vary (per side). */
  addressBits: number
  /** Top port bits that vary (per side). */
  portBits: number
}

/** Protocols constraints name. The universe adds sctp (a port protocol nobody names) and gre (any other). */
export const PROTOCOLS = [1, 6, 17, 58]
export const ICMP_TYPES = [0, 3, 8]
export const ICMP_CODES = [0, 1]
const UNIVERSE_PROTOCOLS = [1, 6, 17, 58, 132, 47]
const UNIVERSE_ICMP_TYPES = [0, 3, 8, 200]
const UNIVERSE_ICMP_CODES = [0, 1, 9]

/** Host bits below the varying ones are a fixed non-zero pattern, so code ignoring them is tested. */
export function v4(top: number, shape: UniverseShape): string {
  const low = 0x5a5a5a5a & (2 ** (32 - shape.addressBits) - 1)
  return intToIPv4(((top * 2 ** (32 - shape.addressBits)) | low) >>> 0)
}

export function v6(top: number, shape: UniverseShape): string {
  const lowBits = BigInt(128 - shape.addressBits)
  const low = 0x5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5an & ((1n << lowBits) - 1n)
  return Address6.fromBigInt((BigInt(top) << lowBits) | low).correctForm()
}

function blockEnd(top: number, family: IpFamily, shape: UniverseShape): string {
  const width = family === 4 ? 32 : 128
  const last = ((BigInt(top) + 1n) << BigInt(width - shape.addressBits)) - 1n
  return family === 4 ? intToIPv4(Number(last)) : Address6.fromBigInt(last).correctForm()
}

function blockStart(top: number, family: IpFamily, shape: UniverseShape): string {
  const width = family === 4 ? 32 : 128
  const first = BigInt(top) << BigInt(width - shape.addressBits)
  return family === 4 ? intToIPv4(Number(first)) : Address6.fromBigInt(first).correctForm()
}

export function port(top: number, shape: UniverseShape): number {
  return top * 2 ** (16 - shape.portBits) + (0x1234 & (2 ** (16 - shape.portBits) - 1))
}

export function universe(shape: UniverseShape): Packet[] {
  const packets: Packet[] = []
  const tops = (bits: number): number[] => Array.from({length: 2 ** bits}, (_, i) => i)
  for (const family of [4, 6] as const)
    for (const state of ['new', 'established'] as const)
      for (const s of tops(shape.addressBits))
        for (const d of tops(shape.addressBits)) {
          const src = family === 4 ? v4(s, shape) : v6(s, shape)
          const dst = family === 4 ? v4(d, shape) : v6(d, shape)
          for (const protocol of UNIVERSE_PROTOCOLS) {
            const base = {family, state, src, dst, protocol}
            if (protocol === 6 || protocol === 17 || protocol === 132) {
              for (const sp of tops(shape.portBits))
                for (const dp of tops(shape.portBits)) packets.push({...base, srcPort: port(sp, shape), dstPort: port(dp, shape)})
            } else if (protocol === 1 || protocol === 58) {
              for (const icmpType of UNIVERSE_ICMP_TYPES)
                for (const icmpCode of UNIVERSE_ICMP_CODES) packets.push({...base, icmpType, icmpCode})
            } else packets.push(base)
          }
        }
  return packets
}

export const familyArb = fc.constantFrom<IpFamily>(4, 6)
const top = (shape: UniverseShape): fc.Arbitrary<number> => fc.integer({min: 0, max: 2 ** shape.addressBits - 1})

/** Address matches; with `only`, all of that family (wildcards are IPv4-only). */
export function addressMatchArb(shape: UniverseShape, only?: IpFamily): fc.Arbitrary<AddressMatch> {
  const family = only === undefined ? familyArb : fc.constant(only)
  return fc.oneof(
    fc.constant<AddressMatch>({kind: 'any'}),
    fc
      .tuple(family, top(shape), fc.integer({min: 0, max: shape.addressBits}))
      .map(([f, t, length]): AddressMatch => ({kind: 'prefix', family: f, address: f === 4 ? v4(t, shape) : v6(t, shape), length})),
    fc.tuple(family, top(shape), top(shape)).map(
      ([f, a, b]): AddressMatch => ({kind: 'range', family: f, first: blockStart(a, f, shape), last: blockEnd(b, f, shape)}),
    ),
    ...(only === 6 ? [] : [wildcardArb(shape)]),
  )
}

function wildcardArb(shape: UniverseShape): fc.Arbitrary<AddressMatch> {
  return fc.tuple(top(shape), top(shape)).map(([t, care]): AddressMatch => {
    const shift = 2 ** (32 - shape.addressBits)
    return {kind: 'wildcard', address: v4(t, shape), wildcard: intToIPv4(~(care * shift) >>> 0)}
  })
}

export function portRangeArb(shape: UniverseShape): fc.Arbitrary<PortRange> {
  const t = fc.integer({min: 0, max: 2 ** shape.portBits - 1})
  const block = 2 ** (16 - shape.portBits)
  // Mostly well-formed; now and then from > to, which matches no port.
  return fc.tuple(t, t, fc.integer({min: 0, max: 9})).map(([a, b, odd]) => {
    const [lo, hi] = odd === 0 || a <= b ? [a, b] : [b, a]
    return {from: lo * block, to: (hi + 1) * block - 1}
  })
}

export const protocolsArb = fc.subarray(PROTOCOLS)

export const icmpArb: fc.Arbitrary<IcmpMatch[]> = fc.array(
  fc.record({type: fc.constantFrom(...ICMP_TYPES), code: fc.option(fc.constantFrom(...ICMP_CODES), {nil: undefined})}),
  {minLength: 1, maxLength: 3},
)

export const stateArb = fc.constantFrom<PacketState>('new', 'established')

