import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {ciscoAsa} from '../../../src/vendors/cisco-asa/index.js'
import {fixtureLines, mutatedConfig} from '../mutate.js'

const fixtures = fixtureLines('cisco-asa', ['levels.cfg', 'objects.cfg', 'management.cfg'])
const WORDS = ['object-group', 'object', 'any', 'any6', 'host', 'eq', 'range', 'neq', 'inactive', 'interface', 'global', 'group-object', '999999', '10.0.0.1', '255.255.0.0', '::/0', 'time-range', 'icmp', 'nameif', 'security-level', '101']

describe('cisco-asa property: parseConfig never throws', () => {
  it('on mutated fixtures', () => {
    const mutated = mutatedConfig(fixtures, WORDS)
    fc.assert(
      fc.property(mutated, (text) => {
        const cfg = ciscoAsa.parseConfig(text, 'm.cfg')
        expect(cfg.coverage.recognized + cfg.coverage.unrecognized.length).toBe(cfg.coverage.lines)
        expect(cfg.coverage.unrecognized.every((u) => !u.reason?.startsWith('parser error'))).toBe(true)
      }),
      {numRuns: 300},
    )
  })

  it('on random bytes and text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({maxLength: 400}), fc.string({maxLength: 400})), (input) => {
        expect(ciscoAsa.parseConfig(input, 'r.cfg').vendor).toBe('cisco-asa')
      }),
      {numRuns: 300},
    )
  })
})
