import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compileFilter, evaluateFilter} from '../../../src/analysis/filters/index.js'
import type {Packet} from '../../../src/analysis/packetset/index.js'
import {parseFixture} from './helpers.js'

const ZONES = ['Trust', 'Untrust', 'DMZ']
const ADDRESSES = ['10.10.0.9', '10.30.1.5', '192.0.2.10', '198.51.100.7', '8.8.8.8']
const packetArb: fc.Arbitrary<Packet> = fc.record({
  family: fc.constant(4 as const),
  src: fc.constantFrom(...ADDRESSES),
  dst: fc.constantFrom(...ADDRESSES),
  protocol: fc.constantFrom(1, 6, 17),
  srcPort: fc.constantFrom(53, 999, 40000),
  dstPort: fc.constantFrom(22, 23, 53, 80, 443, 8443),
  icmpType: fc.constantFrom(0, 8),
  icmpCode: fc.constant(0),
  state: fc.constantFrom('new' as const, 'established' as const),
})

describe('h3c-comware policies: packet sets agree with the reference evaluator', () => {
  const filters = [...parseFixture('object-policy.cfg').filters, ...parseFixture('security-policy.cfg').filters].filter((f) => f.kind !== 'acl')

  it('every policy filter decides each packet as evaluateFilter does, for every zone pair', () => {
    const compiled = filters.flatMap((f) => ZONES.flatMap((from) => ZONES.map((to) => ({f, zones: {from, to}, c: compileFilter(f, {zones: {from, to}})}))))
    fc.assert(
      fc.property(packetArb, fc.nat(compiled.length - 1), (p, i) => {
        const entry = compiled[i]
        if (!entry) return
        expect(entry.c.decidingRule(p).verdict).toBe(evaluateFilter(entry.f, p, entry.zones).verdict)
      }),
      {numRuns: 500},
    )
  })
})
