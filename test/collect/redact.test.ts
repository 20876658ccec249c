import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {scrubSecrets} from '../../src/collect/redact.js'

describe('scrubSecrets', () => {
  it('removes every occurrence of a secret wherever it sits', () => {
    fc.assert(
      fc.property(fc.string({minLength: 4, maxLength: 20}).filter((s) => !s.includes('*')), fc.array(fc.string({maxLength: 10}), {maxLength: 5}), (secret, parts) => {
        expect(scrubSecrets(parts.join(secret) + secret, [secret])).not.toContain(secret)
      }),
    )
  })

  it('removes short secrets as tokens without blanking the letters of other words', () => {
    expect(scrubSecrets('password p for /tmp/kh: p', ['p'])).toBe('password *** for /tmp/kh: ***')
  })
})
