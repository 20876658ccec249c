import fc from 'fast-check'
import type {AddressMatch, Filter, FilterRule, IpFamily, PacketMatch, PortRange} from '../../../src/model/index.js'
import {intToIPv4} from '../../../src/net/address.js'
import {addressMatchArb, familyArb, icmpArb, portRangeArb, protocolsArb, stateArb, type UniverseShape} from '../universe.js'

export const ZONES = ['trust', 'dmz']

/** Undefined four times out of five. */
const rare = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({weight: 4, arbitrary: fc.constant(undefined)}, {weight: 1, arbitrary: a})

interface Parts {
  /** Addresses of one family mostly, as real rules have them; undefined family mixes them. */
  address: (family: IpFamily | undefined) => fc.Arbitrary<AddressMatch>
  ports: fc.Arbitrary<PortRange>
  protocols: fc.Arbitrary<number[]>
}

function matchArb(p: Parts, filterFamily: IpFamily | undefined): fc.Arbitrary<PacketMatch> {
  // Services as rules write them: most are "any", a protocol list, tcp/udp ports or ICMP types.
  const service: fc.Arbitrary<Partial<PacketMatch>> = fc.oneof(
    {weight: 3, arbitrary: fc.constant({})},
    {weight: 2, arbitrary: p.protocols.map((protocols) => ({protocols}))},
    {
      weight: 3,
      arbitrary: fc.record(
        {protocols: fc.subarray([6, 17], {minLength: 1}), srcPorts: fc.array(p.ports, {minLength: 1, maxLength: 2}), dstPorts: fc.array(p.ports, {minLength: 1, maxLength: 2})},
        {requiredKeys: ['dstPorts']},
      ),
    },
    {weight: 1, arbitrary: fc.record({icmpTypes: icmpArb, protocols: fc.subarray([1, 58], {minLength: 1})}, {requiredKeys: ['icmpTypes']})},
    {
      weight: 1,
      arbitrary: fc.record(
        {protocols: p.protocols, srcPorts: fc.array(p.ports, {maxLength: 2}), dstPorts: fc.array(p.ports, {maxLength: 2}), icmpTypes: icmpArb},
        {requiredKeys: []},
      ),
    },
  )
  const family = filterFamily !== undefined ? fc.constant(filterFamily) : fc.constantFrom<IpFamily | undefined>(4, 4, 4, 6, undefined)
  return family.chain((f) =>
    fc
    .record({
      src: fc.array(p.address(f), {minLength: 1, maxLength: 2}),
      dst: fc.array(p.address(f), {minLength: 1, maxLength: 2}),
      srcNegate: rare(fc.boolean()),
      dstNegate: rare(fc.boolean()),
      service,
      state: rare(stateArb),
      family: rare(f === undefined ? familyArb : fc.constant(f)),
      empty: fc.constantFrom(true, ...Array<false>(15).fill(false)),
    })
    .map(({service: svc, empty, ...m}) => {
      const match: PacketMatch = {...m, ...svc}
      // Now and then an empty address list, which matches nothing (or everything, negated).
      if (empty) match.src = []
      for (const k of ['srcNegate', 'dstNegate', 'state', 'family'] as const) if (match[k] === undefined) delete match[k]
      return match
    }),
  )
}

function ruleArb(p: Parts, withZones: boolean, family: IpFamily | undefined): fc.Arbitrary<Omit<FilterRule, 'id' | 'ref'>> {
  const zones = withZones ? rare(fc.subarray(ZONES, {minLength: 1})) : fc.constant(undefined)
  return fc
    .record({
      action: fc.constantFrom<FilterRule['action']>('permit', 'permit', 'deny', 'deny', 'unknown'),
      match: matchArb(p, family),
      fromZones: zones,
      toZones: zones,
    })
    .map((r) => {
      const rule: Omit<FilterRule, 'id' | 'ref'> = {action: r.action, match: r.match}
      if (r.fromZones !== undefined) rule.fromZones = r.fromZones
      if (r.toZones !== undefined) rule.toZones = r.toZones
      return rule
    })
}

function filterArb(p: Parts, maxRules: number, withZones: boolean): fc.Arbitrary<Filter> {
  return rare(familyArb).chain((family) =>
    fc
      .record({
        rules: fc.array(ruleArb(p, withZones, family), {maxLength: maxRules}),
        defaultAction: fc.constantFrom<Filter['defaultAction']>('permit', 'deny'),
        stateful: fc.boolean(),
      })
      .map((f) => ({
        name: 'acl',
        kind: 'acl' as const,
        ...(family === undefined ? {} : {family}),
        ...f,
        rules: f.rules.map((r, i) => ({...r, id: `r${i}`, ref: {file: 'fw.cfg', line: 10 + i}})),
        defaultRef: {file: 'fw.cfg', line: 99},
        ref: {file: 'fw.cfg', line: 1},
      })),
  )
}

/** Filters whose rules only look at the bits a small universe varies (see universe.ts). */
export function smallFilterArb(shape: UniverseShape, maxRules: number, withZones = false): fc.Arbitrary<Filter> {
  return filterArb({address: (f) => addressMatchArb(shape, f), ports: portRangeArb(shape), protocols: protocolsArb}, maxRules, withZones)
}

const u32 = fc.integer({min: 0, max: 0xffffffff})
const fullAddressArb: fc.Arbitrary<AddressMatch> = fc.oneof(
  fc.constant<AddressMatch>({kind: 'any'}),
  fc.tuple(u32, fc.integer({min: 0, max: 32})).map(([a, length]): AddressMatch => ({kind: 'prefix', family: 4, address: intToIPv4(a), length})),
  fc.tuple(u32, u32).map(([a, b]): AddressMatch => ({kind: 'range', family: 4, first: intToIPv4(Math.min(a, b)), last: intToIPv4(Math.max(a, b))})),
  fc.tuple(u32, u32).map(([a, w]): AddressMatch => ({kind: 'wildcard', address: intToIPv4(a), wildcard: intToIPv4(w)})),
)
const fullAddress6Arb: fc.Arbitrary<AddressMatch> = fc.oneof(
  fc.constant<AddressMatch>({kind: 'any'}),
  fc
    .tuple(fc.bigInt({min: 0n, max: (1n << 128n) - 1n}), fc.integer({min: 0, max: 128}))
    .map(([a, length]): AddressMatch => ({kind: 'prefix', family: 6, address: v6Text(a), length})),
)
const fullPortArb = fc
  .tuple(fc.integer({min: 0, max: 65535}), fc.integer({min: 0, max: 65535}))
  .map(([a, b]) => ({from: Math.min(a, b), to: Math.max(a, b)}))

/** Filters over the full header space, with any address, wildcard, port and protocol. */
export function fullFilterArb(maxRules: number): fc.Arbitrary<Filter> {
  const protocols = fc.array(fc.oneof(fc.constantFrom(1, 6, 17, 58, 132), fc.integer({min: 0, max: 255})), {maxLength: 3})
  return filterArb({address: (f) => (f === 6 ? fullAddress6Arb : f === 4 ? fullAddressArb : fc.oneof(fullAddressArb, fullAddress6Arb)), ports: fullPortArb, protocols}, maxRules, true)
}

function v6Text(x: bigint): string {
  return (x.toString(16).padStart(32, '0').match(/.{4}/g) as string[]).join(':')
}
