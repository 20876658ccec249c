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

describe('huawei-usg management ACLs and login lockout', () => {
  it('reads acl number N (VRP rule syntax, default deny) and lock-authentication failed-count', async () => {
    const {huaweiUsg} = await import('../../../src/vendors/huawei-usg/index.js')
    const text = [
      '#',
      'sysname fw1',
      '#',
      'acl number 2000',
      ' rule 5 permit source 172.21.255.0 0.0.0.255',
      ' rule 100 deny',
      '#',
      'aaa',
      ' lock-authentication enable',
      ' lock-authentication failed-count 5',
      '#',
      'user-interface vty 0 4',
      ' acl 2000 inbound',
      ' authentication-mode aaa',
      ' protocol inbound ssh',
      '#',
      'return',
    ].join('\n')
    const cfg = huaweiUsg.parseConfig(text, 'fw1.cfg')
    expect(cfg.coverage.unrecognized).toEqual([])
    const acl = cfg.filters.find((f) => f.name === '2000')
    expect(acl).toMatchObject({kind: 'acl', defaultAction: 'deny'})
    expect(acl?.rules.map((r) => [r.id, r.action, r.ref.line])).toEqual([
      ['5', 'permit', 5],
      ['100', 'deny', 6],
    ])
    expect(acl?.rules[0]?.match.src).toEqual([{kind: 'prefix', family: 4, address: '172.21.255.0', length: 24}])
    expect(cfg.filters[0]?.kind).toBe('security-policy')
    expect(cfg.management.loginFailureLimit).toMatchObject({attempts: 5, ref: {line: 10}})
    expect(cfg.management.lines[0]?.accessAcl).toBe('2000')
  })
})
