import {describe, expect, it} from 'vitest'
import {ciscoIos} from '../../../src/vendors/cisco-ios/index.js'
import {parseFixture} from './helpers.js'

// Every secret written in the fixtures: none may survive into the parse result.
const SECRETS = [
  '$9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM',
  '0822455D0A16',
  '$8$dsYGNam3K1SIJO$7nv/35M/qr6t.dVc7UY9zrJDWRVqncHub1PE9UlMQFs',
  '094F471A1A0A',
  'Sup3rS3cret!',
  '$1$mERr$hx5rVt7rPNoS4wqbXKX7m0',
  'N0tP4bl1c',
  '045802150C2E',
]

describe('cisco-ios secrets', () => {
  it('no password, secret or community text appears anywhere in the result', () => {
    const json = JSON.stringify(parseFixture('management.cfg'))
    for (const s of SECRETS) expect(json).not.toContain(s)
    expect(json).not.toContain('public') // default community is flagged, not named
  })

  it('certificate hex never leaks', () => {
    const json = JSON.stringify(parseFixture('basics.cfg'))
    expect(json).not.toContain('3082022B')
    expect(json).not.toContain('494F532D')
  })

  it('secrets on unrecognized or malformed lines are redacted too', () => {
    const text = [
      'username bob privilege 99 secret 0 Hunter2Hunter2',
      'snmp-server community S3cretComm RW bogus extra',
      'frobnicate password 0 PlainPass99',
      'line vty 0 4',
      ' password 0 LinePass77',
      ' frobnicate key TopKey55',
      'key chain K',
      ' key 1',
      '  key-string 7 05080F1C2243',
    ].join('\n')
    const json = JSON.stringify(ciscoIos.parseConfig(text, 's.cfg'))
    for (const s of ['Hunter2Hunter2', 'S3cretComm', 'PlainPass99', 'LinePass77', 'TopKey55', '05080F1C2243']) expect(json).not.toContain(s)
  })
})
