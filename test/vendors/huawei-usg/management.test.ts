import {describe, expect, it} from 'vitest'
import {parseFixture} from './fixture.js'

describe('huawei-usg extraction: accounts and management', () => {
  const cfg = parseFixture('management.cfg')

  it('reads manager-users and local-users with storage kind, level, services and roles', () => {
    const users = Object.fromEntries(cfg.accounts.users.map((u) => [u.username, u]))
    expect(users.admin).toMatchObject({privilege: 15, roles: ['system-admin'], services: ['web', 'terminal', 'ssh']})
    expect(users.admin?.secret?.storage).toBe('reversible')
    expect(users.auditor?.secret?.storage).toBe('hash')
    expect(users.legacy).toMatchObject({privilege: 15, services: ['telnet']})
    expect(users.legacy?.secret?.storage).toBe('plaintext')
  })

  it('never keeps a secret anywhere in the result', () => {
    const json = JSON.stringify(cfg)
    for (const secret of ['K2Xh', 'TOPSECRETHASHVALUE', 'Huawei@123', 'SECRETCOMMUNITY', 's3cretRO']) {
      expect(json).not.toContain(secret)
    }
  })

  it('flags only the plaintext well-known SNMP community as default', () => {
    expect(cfg.management.snmp.communities.map((c) => [c.isDefault, c.access, c.acl])).toEqual([
      [true, 'ro', undefined],
      [false, 'rw', undefined],
      [false, 'ro', '2000'],
    ])
    expect(cfg.management.snmp.versions).toEqual(['v2c', 'v3'])
  })

  it('reads server switches and user-interfaces', () => {
    const on = cfg.management.services.filter((s) => s.enabled).map((s) => s.name)
    expect(on).toEqual(['telnet', 'ssh', 'http', 'snmp'])
    expect(cfg.management.lines).toEqual([
      expect.objectContaining({name: 'con 0', kind: 'console', authMode: 'aaa', idleTimeoutMinutes: 5}),
      expect.objectContaining({name: 'vty 0 4', kind: 'vty', transports: ['ssh'], accessAcl: '2001', idleTimeoutMinutes: 10}),
    ])
  })

  it('parses the root system and reports each vsys line with its vsys as context', () => {
    expect(cfg.securityZones).toEqual([])
    const vsys = cfg.coverage.unrecognized.filter((u) => u.context === 'switch vsys tenant-a')
    expect(vsys.map((u) => u.text)).toEqual([
      'firewall zone trust',
      'add interface GigabitEthernet1/0/5',
      'security-policy',
      'default action permit',
      'return',
    ])
    expect(cfg.coverage.unrecognized.length).toBe(vsys.length)
  })
})
