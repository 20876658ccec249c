import {readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {fixturePath, parseFixture} from './helpers.js'

const SECRETS = [
  'Adm1nHashSecretValue',
  'Pl41nT3xtSecret',
  'R3v3rs1bleCipherSecret',
  'Gu3stNetw0rkPw',
  'C0ns0leHashSecret',
  'W1r1t3CipherCommunity',
  'Gr0upRoleComm',
  'Comware5CipherSecretXYZ',
  'Pr1vateWrite',
]

describe('H3C Comware secrets never reach the model', () => {
  const fixtures = readdirSync(fixturePath('')).filter((f) => f.endsWith('.cfg'))

  it.each(fixtures)('%s: no password, key or community text in the parse result', (name) => {
    const json = JSON.stringify(parseFixture(name))
    for (const s of SECRETS) expect(json).not.toContain(s)
    expect(json).not.toMatch(/\$h\$6\$|\$c\$3\$/)
  })

  it('the default community name is not kept either, only the flag', () => {
    const c = parseFixture('management.cfg')
    expect(JSON.stringify(c.management.snmp)).not.toMatch(/public/i)
  })

  it('secret-bearing lines that are not understood are redacted in warnings', async () => {
    const {h3cComware} = await import('../../../src/vendors/h3c-comware/index.js')
    const text = [
      'local-user x class manage',
      ' password weird-kind T0pS3cretWeird',
      '#',
      ' snmp-agent usm-user v3 u1 g1 authentication-mode sha Auth0Key privacy-mode aes128 Pr1vKey',
      ' radius-ish key authentication simple K3yS1mple',
      '#',
    ].join('\n')
    const json = JSON.stringify(h3cComware.parseConfig(text, 't.cfg'))
    expect(json).not.toMatch(/T0pS3cretWeird|Auth0Key|Pr1vKey|K3yS1mple/)
  })
})
