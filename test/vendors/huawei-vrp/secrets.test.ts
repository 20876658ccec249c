import {describe, expect, it} from 'vitest'
import {huaweiVrp} from '../../../src/vendors/huawei-vrp/index.js'
import {parseFixture} from './helpers.js'

const SECRETS = [
  'Sup3rS3cr3tHashValue',
  'OperatorCipherText',
  'Guest@123',
  'WriteCommunityCipher',
  'S3cretRead',
  'ConsolePasswordText',
]

describe('Huawei VRP secrets never reach the model', () => {
  it('no password, cipher or community text in the parse result', () => {
    const json = JSON.stringify(parseFixture('management.cfg'))
    for (const s of SECRETS) expect(json, s).not.toContain(s)
    // The default community is reported as such, never by name.
    expect(json).not.toMatch(/community read public/)
  })

  it('no secret leaks through unrecognized lines either', () => {
    // The same secrets in commands the parser does not understand.
    const text = [
      'aaa',
      ' local-user admin password irreversible-cipher Sup3rS3cr3tHashValue extra-token',
      ' local-user admin frobnicate',
      'snmp-agent community read S3cretRead mib-view iso-view frobnicate',
      'snmp-agent usm-user-x v3 ops authentication-mode sha cipher WriteCommunityCipher privacy-mode aes128 cipher OperatorCipherText',
      'radius-server shared-key cipher ConsolePasswordText',
      'user-interface vty 0 4',
      ' set authentication password simple Guest@123 now',
    ].join('\n')
    const json = JSON.stringify(huaweiVrp.parseConfig(text, 'inline.cfg'))
    for (const s of SECRETS) expect(json, s).not.toContain(s)
  })

  it('key blocks and banners are skipped without reporting their content', () => {
    const json = JSON.stringify(parseFixture('unrecognized.cfg'))
    expect(json).not.toContain('00C3A1B2')
    expect(json).not.toContain('Authorized users only')
  })
})
