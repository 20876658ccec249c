import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {iptables} from '../../../src/vendors/iptables/index.js'
import {fixtureLines, mutatedConfig} from '../mutate.js'

const fixtures = fixtureLines('iptables')
const WORDS = ['!', '-j', '-g', 'RETURN', 'web', 'mgmt', '-s', '-d', '10.0.0.0/33', '::/0', '-p', 'tcp', '--dport', '65536', '1:0', '-m', 'multiport', '--ports', ',', '--ctstate', 'NEW', '*nat', 'COMMIT', ':X -', '-i', 'eth+', '"', '--tcp-flags', 'ALL', '-I', '0']

describe('iptables property: parseConfig never throws', () => {
  it('on mutated fixtures (dropped, duplicated, token-swapped lines)', () => {
    const mutated = mutatedConfig(fixtures, WORDS)
    fc.assert(
      fc.property(mutated, (text) => {
        const cfg = iptables.parseConfig(text, 'fuzz.rules')
        expect(cfg.coverage.recognized).toBeGreaterThanOrEqual(0)
        for (const f of cfg.filters) for (const r of f.rules) if (r.action === 'unknown') expect(r.reason).toBeTruthy()
      }),
      {numRuns: 300},
    )
  })

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 400}), (bytes) => {
        iptables.parseConfig(bytes, 'bytes.rules')
      }),
      {numRuns: 200},
    )
  })
})
