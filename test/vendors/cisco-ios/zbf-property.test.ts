import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compileFilter, evaluateFilter} from '../../../src/analysis/filters/index.js'
import type {Packet} from '../../../src/analysis/packetset/index.js'
import {UNZONED} from '../../../src/model/index.js'
import {parseFixture} from './helpers.js'

const cfg = parseFixture('zbf.cfg')
const zbf = cfg.filters.find((f) => f.name === 'zone-based-firewall')
const ZONES = ['INSIDE', 'DMZ', 'OUTSIDE', 'self', UNZONED]
const ADDRESSES = ['10.1.0.5', '192.0.2.10', '192.0.2.11', '203.0.113.9', '198.51.100.66', '172.16.4.9']
const PORTS = [22, 25, 53, 80, 443, 993, 40000]

const packetArb: fc.Arbitrary<Packet> = fc.record({
  family: fc.constant(4 as const),
  src: fc.constantFrom(...ADDRESSES),
  dst: fc.constantFrom(...ADDRESSES),
  protocol: fc.constantFrom(1, 6, 17, 47),
  srcPort: fc.constantFrom(...PORTS),
  dstPort: fc.constantFrom(...PORTS),
  icmpType: fc.constantFrom(0, 8),
  state: fc.constantFrom('new' as const, 'established' as const),
})

describe('cisco-ios zone-based firewall: packet sets agree with the reference evaluator', () => {
  it('for every zone pair, the compiled filter decides each packet as evaluateFilter does', () => {
    if (!zbf) throw new Error('no zone-based-firewall filter')
    const compiled = new Map(ZONES.flatMap((from) => ZONES.map((to) => [`${from}>${to}`, compileFilter(zbf, {zones: {from, to}})] as const)))
    fc.assert(
      fc.property(packetArb, fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), (p, from, to) => {
        const c = compiled.get(`${from}>${to}`)
        const expected = evaluateFilter(zbf, p, {from, to}).verdict
        expect(c?.decidingRule(p).verdict).toBe(expected)
        expect(c?.[expected === 'permit' ? 'permitted' : expected === 'deny' ? 'denied' : 'unknown'].contains(p)).toBe(true)
      }),
      {numRuns: 400},
    )
  })

  it('no packet between two different zones is permitted unless a zone-pair policy or session allows it', () => {
    if (!zbf) throw new Error('no zone-based-firewall filter')
    const c = compileFilter(zbf, {zones: {from: 'OUTSIDE', to: 'INSIDE'}})
    expect(c.permitted.isEmpty()).toBe(true)
    const u = compileFilter(zbf, {zones: {from: UNZONED, to: 'DMZ'}})
    expect(u.permitted.isEmpty()).toBe(true)
    expect(u.unknown.isEmpty()).toBe(true)
  })
})
