import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {juniperJunos} from '../../../src/vendors/juniper-junos/index.js'
import {fixtureLines, mutatedConfig} from '../mutate.js'

const fixtures = fixtureLines('juniper-junos')
const WORDS = ['{', '}', ';', '[', ']', '/*', '*/', '#', 'inactive:', 'set', 'deactivate', 'term', 'from', 'then', 'except', 'address', '10.0.0.0/33', '"', 'unit', 'family', 'inet6', 'policy', 'any', 'junos-nothing']

describe('juniper-junos property: parseConfig never throws', () => {
  it('on mutated fixtures (dropped, duplicated, token-swapped lines)', () => {
    const mutated = mutatedConfig(fixtures, WORDS)
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
