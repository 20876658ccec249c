import fc from 'fast-check'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {huaweiUsg} from '../../../src/vendors/huawei-usg/index.js'

const fixtures = ['zones.cfg', 'objects.cfg', 'unknown-rules.cfg', 'management.cfg'].map((f) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/huawei-usg/${f}`, import.meta.url)), 'utf8').split('\n'),
)

const WORDS = ['rule', 'name', 'address-set', 'service-set', 'source-address', 'mask', 'range', 'to', '0', '999999', '10.0.0.1', '::', 'return', 'switch', 'vsys', '#', 'action', 'permit', 'deny', 'service', 'protocol', 'destination-port']

describe('huawei-usg property: parseConfig never throws', () => {
  it('on mutated fixtures (dropped, duplicated, re-indented, token-swapped lines)', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom(...WORDS)), {maxLength: 20}))
      .map(([lines, edits]) => {
        const out = [...lines]
        for (const [pos, op, word] of edits) {
          const i = pos % Math.max(out.length, 1)
          const line = out[i] ?? ''
          if (op === 0) out.splice(i, 1)
          else if (op === 1) out.splice(i, 0, line)
          else if (op === 2) out[i] = ` ${line}`
          else if (op === 3) out[i] = line.replace(/\S+$/, word)
          else out[i] = `${line} ${word}`
        }
        return out.join('\n')
      })
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
