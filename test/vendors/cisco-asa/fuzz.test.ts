import fc from 'fast-check'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {ciscoAsa} from '../../../src/vendors/cisco-asa/index.js'

const fixtures = ['levels.cfg', 'objects.cfg', 'management.cfg'].map((f) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/cisco-asa/${f}`, import.meta.url)), 'utf8').split('\n'),
)
const WORDS = ['object-group', 'object', 'any', 'any6', 'host', 'eq', 'range', 'neq', 'inactive', 'interface', 'global', 'group-object', '999999', '10.0.0.1', '255.255.0.0', '::/0', 'time-range', 'icmp', 'nameif', 'security-level', '101']

describe('cisco-asa property: parseConfig never throws', () => {
  it('on mutated fixtures', () => {
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
