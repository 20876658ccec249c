import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {huaweiUsg} from '../../../src/vendors/huawei-usg/index.js'
import {fixtureLines, mutatedConfig} from '../mutate.js'

const fixtures = fixtureLines('huawei-usg', ['zones.cfg', 'objects.cfg', 'unknown-rules.cfg', 'management.cfg'])

const WORDS = ['rule', 'name', 'address-set', 'service-set', 'source-address', 'mask', 'range', 'to', '0', '999999', '10.0.0.1', '::', 'return', 'switch', 'vsys', '#', 'action', 'permit', 'deny', 'service', 'protocol', 'destination-port']

describe('huawei-usg property: parseConfig never throws', () => {
  it('on mutated fixtures (dropped, duplicated, re-indented, token-swapped lines)', () => {
    const mutated = mutatedConfig(fixtures, WORDS)
    fc.assert(
      fc.property(mutated, (text) => {
        const cfg = huaweiUsg.parseConfig(text, 'm.cfg')
        expect(cfg.coverage.recognized).toBeGreaterThanOrEqual(0)
        expect(cfg.coverage.recognized + cfg.coverage.unrecognized.length).toBe(cfg.coverage.lines)
        expect(cfg.coverage.unrecognized.every((u) => !u.reason?.startsWith('parser error'))).toBe(true)
      }),
      {numRuns: 300},
    )
  })

  it('on random bytes and random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({maxLength: 400}), fc.string({maxLength: 400})), (input) => {
        const cfg = huaweiUsg.parseConfig(input, 'r.cfg')
        expect(cfg.vendor).toBe('huawei-usg')
      }),
      {numRuns: 300},
    )
  })
})
