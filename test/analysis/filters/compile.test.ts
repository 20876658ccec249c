import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {type CompiledFilter, compileFilter, evaluateFilter, type ZonePair} from '../../../src/analysis/filters/index.js'
import {type Packet, PacketSpace} from '../../../src/analysis/packetset/index.js'
import type {Filter} from '../../../src/model/index.js'
import {intToIPv4} from '../../../src/net/address.js'
import {type UniverseShape, universe} from '../universe.js'
import {fullFilterArb, smallFilterArb, ZONES} from './generators.js'

const space = new PacketSpace()
const shape: UniverseShape = {addressBits: 2, portBits: 2}
const packets = universe(shape)
const zonesArb = fc.option(
  fc.record({from: fc.constantFrom(...ZONES, 'untrust'), to: fc.constantFrom(...ZONES, 'untrust')}),
  {nil: undefined},
)

/** Packets worth asking about: a witness of every rule's match and decided set, and of each verdict. */
function probes(c: CompiledFilter): Packet[] {
  const sets = [...c.rules.flatMap((r) => [r.match, r.decides]), c.defaultDecides, c.permitted, c.denied, c.unknown, c.session]
  return sets.flatMap((s) => s.witness() ?? [])
}

function agree(filter: Filter, c: CompiledFilter, p: Packet, zones: ZonePair | undefined): void {
  const expected = evaluateFilter(filter, p, zones)
  expect(c.decidingRule(p)).toEqual(expected)
  const sets = {permit: c.permitted, deny: c.denied, unknown: c.unknown}
  for (const [verdict, set] of Object.entries(sets)) expect(set.contains(p)).toBe(verdict === expected.verdict)
  if (expected.by === 'rule') expect(c.rules[expected.index]?.decides.contains(p)).toBe(true)
  if (expected.by === 'default') expect(c.defaultDecides.contains(p)).toBe(true)
}

describe('compiled filters against the reference evaluator', () => {
  it('agree on verdict and deciding rule in a small universe', () => {
    fc.assert(
      fc.property(
        smallFilterArb(shape, 6, true),
        zonesArb,
        fc.array(fc.nat(packets.length - 1), {maxLength: 60}),
        (filter, zones, picks) => {
          const c = compileFilter(filter, {space, zones})
          for (const p of [...picks.map((i) => packets[i] as Packet), ...probes(c)]) agree(filter, c, p, zones)
        },
      ),
      {numRuns: 150},
    )
  })

  it('agree on the full header space: any prefix, wildcard, range, port and protocol', () => {
    const packetArb = fc.record({
      family: fc.constant(4 as const),
      src: fc.integer({min: 0, max: 0xffffffff}).map(intToIPv4),
      dst: fc.integer({min: 0, max: 0xffffffff}).map(intToIPv4),
      protocol: fc.constantFrom(1, 6, 17, 47),
      srcPort: fc.integer({min: 0, max: 65535}),
      dstPort: fc.integer({min: 0, max: 65535}),
      icmpType: fc.integer({min: 0, max: 255}),
      icmpCode: fc.integer({min: 0, max: 255}),
      state: fc.constantFrom('new' as const, 'established' as const),
    })
    fc.assert(
      fc.property(fullFilterArb(8), zonesArb, fc.array(packetArb, {maxLength: 20}), (filter, zones, randomPackets) => {
        const c = compileFilter(filter, {space, zones})
        for (const p of [...randomPackets, ...probes(c)]) agree(filter, c, p, zones)
      }),
      {numRuns: 120},
    )
  })

  it('partition every packet into permitted, denied and unknown, with unknown only from unknown or zone-unresolved rules', () => {
    fc.assert(
      fc.property(smallFilterArb(shape, 8, true), zonesArb, (filter, zones) => {
        const c = compileFilter(filter, {space, zones})
        expect(c.permitted.overlaps(c.denied)).toBe(false)
        expect(c.permitted.overlaps(c.unknown)).toBe(false)
        expect(c.denied.overlaps(c.unknown)).toBe(false)
        expect(space.union([c.permitted, c.denied, c.unknown]).isAll()).toBe(true)
        const undecided = space.union(c.rules.filter((r) => r.verdict === 'unknown').map((r) => r.decides))
        expect(c.unknown.equals(undecided)).toBe(true)
        // Decided sets are disjoint and, with the default and the pass-through sets, cover everything.
        const parts = [...c.rules.map((r) => r.decides), c.defaultDecides, c.session, c.otherFamily]
        expect(space.union(parts).isAll()).toBe(true)
        for (const [i, a] of parts.entries()) for (const b of parts.slice(i + 1)) expect(a.overlaps(b)).toBe(false)
      }),
      {numRuns: 100},
    )
  })
})

const ref = (line: number) => ({file: 'fw.cfg', line})
const tcp = (dst: string, dstPort: number, state: Packet['state'] = 'new'): Packet => ({
  family: 4,
  src: '192.0.2.1',
  dst,
  protocol: 6,
  srcPort: 40000,
  dstPort,
  state,
})
function acl(rules: Filter['rules'], more: Partial<Filter> = {}): Filter {
  return {name: 'acl', kind: 'acl', rules, defaultAction: 'deny', stateful: false, ref: ref(1), ...more}
}

describe('filter semantics', () => {
  it('an unknown rule makes its packets unknown, never denied (fail closed)', () => {
    const f = acl([
      {id: '10', action: 'unknown', match: {src: [{kind: 'any'}], dst: [{kind: 'prefix', family: 4, address: '10.0.0.0', length: 8}]}, ref: ref(10)},
      {id: '20', action: 'permit', match: {src: [{kind: 'any'}], dst: [{kind: 'any'}], protocols: [6], dstPorts: [{from: 443, to: 443}]}, ref: ref(20)},
    ])
    const c = compileFilter(f, {space})
    expect(c.decidingRule(tcp('10.1.1.1', 443))).toMatchObject({verdict: 'unknown', by: 'rule', index: 0, ref: ref(10)})
    expect(c.decidingRule(tcp('11.1.1.1', 443))).toMatchObject({verdict: 'permit', index: 1})
    expect(c.decidingRule(tcp('11.1.1.1', 80))).toEqual({verdict: 'deny', by: 'default', ref: ref(1)})
    expect(c.unknown.witness()).toMatchObject({dst: '10.0.0.0', protocol: 6})
    expect(c.denied.overlaps(space.prefix('dst', '10.0.0.0', 8))).toBe(false)
  })

  it('state established matches only return traffic', () => {
    const f = acl([
      {id: '10', action: 'permit', match: {src: [{kind: 'any'}], dst: [{kind: 'any'}], protocols: [6], state: 'established'}, ref: ref(10)},
    ])
    const c = compileFilter(f, {space})
    expect(c.decidingRule(tcp('10.0.0.1', 22, 'established')).verdict).toBe('permit')
    expect(c.decidingRule(tcp('10.0.0.1', 22, 'new')).verdict).toBe('deny')
  })

  it('a stateful filter passes return traffic on its session; a family-specific one ignores the other family', () => {
    const c = compileFilter(acl([], {stateful: true, family: 6}), {space})
    expect(c.decidingRule(tcp('10.0.0.1', 22))).toEqual({verdict: 'permit', by: 'other-family', ref: ref(1)})
    const v6: Packet = {...tcp('10.0.0.1', 22, 'established'), family: 6, src: '2001:db8::1', dst: '2001:db8::2'}
    expect(c.decidingRule(v6)).toEqual({verdict: 'permit', by: 'session', ref: ref(1)})
    expect(c.decidingRule({...v6, state: 'new'})).toEqual({verdict: 'deny', by: 'default', ref: ref(1)})
  })

  it('zone-restricted rules decide unknown when no zone pair is given, and apply exactly when one is', () => {
    const f = acl([
      {id: 'p1', action: 'deny', fromZones: ['trust'], toZones: ['untrust'], match: {src: [{kind: 'any'}], dst: [{kind: 'any'}]}, ref: ref(10)},
      {id: 'p2', action: 'permit', match: {src: [{kind: 'any'}], dst: [{kind: 'any'}]}, ref: ref(20)},
    ])
    const p = tcp('10.0.0.1', 80)
    expect(compileFilter(f, {space}).decidingRule(p)).toMatchObject({verdict: 'unknown', index: 0, unresolvedZones: true})
    expect(compileFilter(f, {space, zones: {from: 'trust', to: 'untrust'}}).decidingRule(p)).toMatchObject({verdict: 'deny', index: 0})
    expect(compileFilter(f, {space, zones: {from: 'dmz', to: 'untrust'}}).decidingRule(p)).toMatchObject({verdict: 'permit', index: 1})
  })

  it('negated addresses, protocol lists and ICMP types', () => {
    const f = acl([
      {
        id: '10',
        action: 'permit',
        match: {src: [{kind: 'prefix', family: 4, address: '10.0.0.0', length: 8}], srcNegate: true, dst: [{kind: 'any'}], icmpTypes: [{type: 8, code: 0}]},
        ref: ref(10),
      },
    ])
    const c = compileFilter(f, {space})
    const ping: Packet = {family: 4, src: '192.0.2.1', dst: '10.0.0.1', protocol: 1, icmpType: 8, icmpCode: 0, state: 'new'}
    expect(c.decidingRule(ping).verdict).toBe('permit')
    expect(c.decidingRule({...ping, src: '10.9.9.9'}).verdict).toBe('deny')
    expect(c.decidingRule({...ping, icmpType: 0}).verdict).toBe('deny')
    expect(c.permitted.witness()).toMatchObject({protocol: 1, icmpType: 8, src: '0.0.0.0'})
  })
})
