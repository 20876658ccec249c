import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {type Packet, type PacketSet, PacketSpace} from '../../../src/analysis/packetset/index.js'
import {encodePacket} from '../../../src/analysis/packetset/packet.js'
import type {AddressMatch, IpFamily, PortRange} from '../../../src/model/index.js'
import {addressToBigInt, ipv4ToInt} from '../../../src/net/address.js'
import {
  addressMatchArb,
  familyArb,
  icmpArb,
  portRangeArb,
  protocolsArb,
  stateArb,
  type UniverseShape,
  universe,
} from '../universe.js'

const shape: UniverseShape = {addressBits: 2, portBits: 2}
const space = new PacketSpace()
const packets = universe(shape)
// Encoded once: the brute-force side then costs one diagram walk per packet.
const encoded = packets.map((p) => encodePacket(space.layout, p))

type Atom =
  | {kind: 'address'; side: 'src' | 'dst'; match: AddressMatch}
  | {kind: 'protocols'; list: number[]}
  | {kind: 'ports'; side: 'src' | 'dst'; ranges: PortRange[]}
  | {kind: 'icmp'; list: {type: number; code?: number}[]}
  | {kind: 'family'; family: IpFamily}
  | {kind: 'state'; state: 'new' | 'established'}
type Expr = Atom | {kind: 'union' | 'intersect' | 'minus'; a: Expr; b: Expr} | {kind: 'complement'; a: Expr}

const side = fc.constantFrom<'src' | 'dst'>('src', 'dst')
const atomArb: fc.Arbitrary<Atom> = fc.oneof(
  fc.record({kind: fc.constant('address' as const), side, match: addressMatchArb(shape)}),
  fc.record({kind: fc.constant('protocols' as const), list: protocolsArb}),
  fc.record({kind: fc.constant('ports' as const), side, ranges: fc.array(portRangeArb(shape), {maxLength: 3})}),
  fc.record({kind: fc.constant('icmp' as const), list: icmpArb}),
  fc.record({kind: fc.constant('family' as const), family: familyArb}),
  fc.record({kind: fc.constant('state' as const), state: stateArb}),
)
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{expr: Expr}>((tie) => ({
  expr: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    atomArb,
    fc.record({kind: fc.constantFrom('union' as const, 'intersect' as const, 'minus' as const), a: tie('expr'), b: tie('expr')}),
    fc.record({kind: fc.constant('complement' as const), a: tie('expr')}),
  ),
})).expr

function build(e: Expr): PacketSet {
  switch (e.kind) {
    case 'address':
      return space.address(e.side, e.match)
    case 'protocols':
      return space.protocols(e.list)
    case 'ports':
      return space.ports(e.side, e.ranges)
    case 'icmp':
      return space.icmp(e.list)
    case 'family':
      return space.family(e.family)
    case 'state':
      return space.state(e.state)
    case 'union':
      return build(e.a).union(build(e.b))
    case 'intersect':
      return build(e.a).intersect(build(e.b))
    case 'minus':
      return build(e.a).minus(build(e.b))
    case 'complement':
      return build(e.a).complement()
  }
}

/** Address values of the universe, parsed once: the oracle runs millions of times. */
const values = new Map<string, bigint>()
function numericValue(address: string, family: IpFamily): bigint {
  let v = values.get(address)
  if (v === undefined) {
    v = addressToBigInt(address, family)
    values.set(address, v)
  }
  return v
}

/** Brute-force meaning of an address match, straight from the numbers. */
function addressHolds(m: AddressMatch, address: string, family: IpFamily): boolean {
  const x = numericValue(address, family)
  switch (m.kind) {
    case 'any':
      return true
    case 'prefix': {
      if (m.family !== family) return false
      const shift = BigInt((family === 4 ? 32 : 128) - m.length)
      return x >> shift === numericValue(m.address, family) >> shift
    }
    case 'range':
      return m.family === family && numericValue(m.first, family) <= x && x <= numericValue(m.last, family)
    case 'wildcard':
      return family === 4 && ((Number(x) ^ ipv4ToInt(m.address)) & ~ipv4ToInt(m.wildcard)) === 0
  }
}

function holds(e: Expr, p: Packet): boolean {
  const hasPorts = p.protocol === 6 || p.protocol === 17 || p.protocol === 132
  const isIcmp = p.protocol === 1 || p.protocol === 58
  switch (e.kind) {
    case 'address':
      return addressHolds(e.match, e.side === 'src' ? p.src : p.dst, p.family)
    case 'protocols':
      return e.list.includes(p.protocol)
    case 'ports': {
      const value = (e.side === 'src' ? p.srcPort : p.dstPort) ?? 0
      return hasPorts && e.ranges.some((r) => r.from <= value && value <= r.to)
    }
    case 'icmp':
      return isIcmp && e.list.some((m) => m.type === p.icmpType && (m.code === undefined || m.code === p.icmpCode))
    case 'family':
      return p.family === e.family
    case 'state':
      return p.state === e.state
    case 'union':
      return holds(e.a, p) || holds(e.b, p)
    case 'intersect':
      return holds(e.a, p) && holds(e.b, p)
    case 'minus':
      return holds(e.a, p) && !holds(e.b, p)
    case 'complement':
      return !holds(e.a, p)
  }
}

const explicit = (e: Expr): boolean[] => packets.map((p) => holds(e, p))
const members = (s: PacketSet): boolean[] => encoded.map((bits) => space.bdd.evaluate(s.node, bits))

describe('packet set algebra against explicit sets', () => {
  it('membership of every operation agrees with the brute-force model', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        expect(members(build(e))).toEqual(explicit(e))
      }),
      {numRuns: 150},
    )
  })

  it('emptiness, subset and equality are exact', () => {
    fc.assert(
      fc.property(exprArb, exprArb, (ea, eb) => {
        const a = build(ea)
        const b = build(eb)
        const xa = explicit(ea)
        const xb = explicit(eb)
        expect(a.isEmpty()).toBe(!xa.includes(true))
        expect(a.subsetOf(b)).toBe(xa.every((m, i) => !m || xb[i]))
        expect(a.equals(b)).toBe(xa.every((m, i) => m === xb[i]))
        expect(a.overlaps(b)).toBe(xa.some((m, i) => m && xb[i]))
        expect(a.isAll()).toBe(xa.every(Boolean))
      }),
      {numRuns: 100},
    )
  })

  it('every witness is a member of its set, by the set and by the brute-force model', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const s = build(e)
        const w = s.witness()
        if (s.isEmpty()) {
          expect(w).toBeUndefined()
          return
        }
        expect(w).toBeDefined()
        const packet = w as Packet
        expect(s.contains(packet)).toBe(true)
        expect(holds(e, packet)).toBe(true)
        expect(space.packet(packet).subsetOf(s)).toBe(true)
      }),
      {numRuns: 150},
    )
  })

  it('obeys the boolean laws on the diagrams themselves', () => {
    fc.assert(
      fc.property(exprArb, exprArb, (ea, eb) => {
        const a = build(ea)
        const b = build(eb)
        expect(a.complement().complement().equals(a)).toBe(true)
        expect(a.union(b).complement().equals(a.complement().intersect(b.complement()))).toBe(true)
        expect(a.minus(b).equals(a.intersect(b.complement()))).toBe(true)
        expect(a.intersect(b).subsetOf(a)).toBe(true)
        expect(a.subsetOf(a.union(b))).toBe(true)
      }),
      {numRuns: 100},
    )
  })
})

describe('packet set constructors', () => {
  it('a single packet set holds that packet and no other universe packet', () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: packets.length - 1}), (i) => {
        const one = space.packet(packets[i] as Packet)
        expect(members(one).filter(Boolean)).toHaveLength(1)
        expect(one.witness()).toEqual(packets[i])
      }),
      {numRuns: 50},
    )
  })

  it('full-width IPv6 ranges agree with bigint comparison', () => {
    const big = fc.bigInt({min: 0n, max: (1n << 128n) - 1n})
    fc.assert(
      fc.property(big, big, fc.array(big, {maxLength: 8}), (a, b, probes) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const text = (x: bigint): string => addressText6(x)
        const r = space.range('dst', text(lo), text(hi))
        for (const x of [...probes, lo, hi, lo - 1n, hi + 1n].filter((x) => x >= 0n && x < 1n << 128n)) {
          const p: Packet = {family: 6, src: '::', dst: text(x), protocol: 6, srcPort: 1, dstPort: 2, state: 'new'}
          expect(r.contains(p)).toBe(lo <= x && x <= hi)
        }
      }),
      {numRuns: 100},
    )
  })

  it('ports match only tcp, udp and sctp', () => {
    const https = space.ports('dst', [{from: 443, to: 443}])
    const base = {family: 4 as const, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 5000, dstPort: 443, state: 'new' as const}
    expect([6, 17, 132, 1, 47].map((protocol) => https.contains({...base, protocol}))).toEqual([true, true, true, false, false])
  })

  it('rejects values that are not header values', () => {
    expect(() => space.prefix('src', '10.0.0.300', 8)).toThrow(/not an IP address/)
    expect(() => space.prefix('src', '10.0.0.0', 33)).toThrow(/out of range/)
    expect(() => space.ports('src', [{from: 0, to: 70000}])).toThrow(/out of range/)
    expect(() => space.range('src', '10.0.0.1', '::1')).toThrow(/mixes families/)
    expect(() => space.address('src', {kind: 'prefix', family: 6, address: '10.0.0.0', length: 8})).toThrow(/not an IPv6/)
  })

  it('refuses to mix sets of different spaces', () => {
    const other = new PacketSpace()
    expect(() => space.family(4).union(other.family(4))).toThrow(/different packet spaces/)
  })
})

function addressText6(x: bigint): string {
  const hex = x.toString(16).padStart(32, '0')
  return (hex.match(/.{4}/g) as string[]).join(':')
}
