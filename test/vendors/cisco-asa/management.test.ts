import {describe, expect, it} from 'vitest'
import {parseFixture} from './fixture.js'

describe('cisco-asa extraction: accounts and management', () => {
  const cfg = parseFixture('management.cfg')

  it('reads every line', () => {
    expect(cfg.coverage.unrecognized).toEqual([])
  })

  it('reads users with privilege and secret storage kind only', () => {
    expect(cfg.accounts.users.map((u) => [u.username, u.privilege, u.secret?.storage, u.roles])).toEqual([
      ['admin', 15, 'hash', []],
      ['operator', 3, 'plaintext', []],
      ['vpnuser', 0, 'plaintext', ['remote-access']],
    ])
    expect(cfg.accounts.enable.map((e) => e.storage)).toEqual(['hash'])
  })

  it('never keeps a secret anywhere in the result', () => {
    const json = JSON.stringify(cfg)
    for (const secret of ['8Ry2YjIyt7RRXU24', '2KFQnbNIdI', 'TOPSECRETSALT', 'PlainTextPw', 'Abc123', 'S3cretCommunity', 'AnotherSecret']) {
      expect(json).not.toContain(secret)
    }
  })

  it('reads ssh/telnet/http access as services and lines', () => {
    expect(cfg.management.services.map((s) => [s.name, s.enabled])).toEqual([
      ['https', true],
      ['ssh', true],
      ['telnet', true],
      ['snmp', true],
    ])
    expect(cfg.management.lines.map((l) => [l.name, l.kind, l.transports, l.idleTimeoutMinutes, l.authMode])).toEqual([
      ['ssh', 'vty', ['ssh'], 10, 'aaa'],
      ['telnet', 'vty', ['telnet'], 5, undefined],
      ['console', 'console', [], 15, undefined],
    ])
  })

  it('flags the default community only', () => {
    expect(cfg.management.snmp.communities.map((c) => [c.isDefault, c.access])).toEqual([
      [true, 'ro'],
      [false, 'rw'],
      [false, 'unknown'],
    ])
    expect(cfg.management.snmp.versions).toEqual(['2c'])
  })
})
