import fc from 'fast-check'
import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {juniperJunos} from '../../../src/vendors/juniper-junos/index.js'

const DIR = fileURLToPath(new URL('../../fixtures/juniper-junos/', import.meta.url))
const fixtures = readdirSync(DIR).map((f) => readFileSync(`${DIR}${f}`, 'utf8').split('\n'))
const WORDS = ['{', '}', ';', '[', ']', '/*', '*/', '#', 'inactive:', 'set', 'deactivate', 'term', 'from', 'then', 'except', 'address', '10.0.0.0/33', '"', 'unit', 'family', 'inet6', 'policy', 'any', 'junos-nothing']

describe('juniper-junos property: parseConfig never throws', () => {
  it('on mutated fixtures (dropped, duplicated, token-swapped lines)', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...WORDS)), {maxLength: 20}))
      .map(([lines, edits]) => {
        const out = [...lines]
        for (const [pos, op, word] of edits) {
          const i = pos % Math.max(out.length, 1)
          const line = out[i] ?? ''
          if (op === 0) out.splice(i, 1)
          else if (op === 1) out.splice(i, 0, line)
          else if (op === 2) out[i] = line.replace(/\S+\s*$/, word)
          else out[i] = `${line} ${word}`
        }
        return out.join('\n')
      })
    fc.assert(
      fc.property(mutated, (text) => {
        const cfg = juniperJunos.parseConfig(text, 'fuzz.conf')
        expect(cfg.coverage.recognized).toBeGreaterThanOrEqual(0)
        for (const f of cfg.filters) for (const r of f.rules) if (r.action === 'unknown') expect(r.reason).toBeTruthy()
      }),
      {numRuns: 300},
    )
  })

  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({maxLength: 400}), (bytes) => void juniperJunos.parseConfig(bytes, 'bytes.conf')), {numRuns: 200})
  })
})
