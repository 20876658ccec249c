import {describe, expect, it} from 'vitest'
import {parseFixture} from './helpers.js'

describe('cisco-ios extraction: accounts and management plane', () => {
  const cfg = parseFixture('management.cfg')
  const users = cfg.accounts.users
  const mgmt = cfg.management

  it('records privilege, view and only the storage kind of each secret', () => {
    expect(users.map((u) => [u.username, u.privilege, u.secret?.storage])).toEqual([
      ['admin', 15, 'hash'],
      ['helpdesk', undefined, 'reversible'],
      ['legacy', 1, 'plaintext'],
      ['opsview', undefined, 'hash'],
    ])
    expect(users[3]?.roles).toEqual(['NOC'])
    expect(users[0]?.secret?.ref.line).toBe(7)
  })

  it('records enable secrets with their level', () => {
    expect(cfg.accounts.enable).toMatchObject([
      {storage: 'hash', ref: {line: 4}},
      {level: 7, storage: 'reversible', ref: {line: 5}},
    ])
  })

  it('reads console and vty lines with transport, ACL, timeout and login', () => {
    expect(mgmt.lines.map((l) => [l.name, l.kind, l.transports, l.accessAcl, l.idleTimeoutMinutes, l.authMode])).toEqual([
      ['con 0', 'console', [], undefined, 5.5, 'local'],
      ['vty 0 4', 'vty', ['telnet', 'ssh'], '23', 0, 'password'],
      ['vty 5 15', 'vty', ['ssh'], undefined, 10, 'local'],
    ])
  })

  it('derives services: telnet and ssh from vty, http on, https explicitly off, snmp', () => {
    const svc = Object.fromEntries(mgmt.services.map((s) => [s.name, s.enabled]))
    expect(svc).toEqual({http: true, https: false, snmp: true, telnet: true, ssh: true})
    expect(mgmt.services.find((s) => s.name === 'http')?.ref.line).toBe(16)
  })

  it('flags the default SNMP community without keeping any community name', () => {
    expect(mgmt.snmp.communities).toMatchObject([
      {isDefault: true, access: 'ro', ref: {line: 21}},
      {isDefault: false, access: 'rw', acl: '15', ref: {line: 22}},
    ])
    expect(mgmt.snmp.versions).toEqual(['v1', 'v2c', 'v3'])
  })

  it('reads the login failure limit and management ACL bindings', () => {
    expect(mgmt.loginFailureLimit).toMatchObject({attempts: 3, ref: {line: 14}})
    expect(cfg.filterBindings).toMatchObject([
      {kind: 'management', filter: '23', line: 'http'},
      {kind: 'management', filter: '23', line: 'line vty 0 4'},
    ])
  })

  it('understands every line of the fixture', () => {
    expect(cfg.coverage.unrecognized).toEqual([])
  })

  it('a vty without transport input is assumed to accept everything (release-dependent default)', () => {
    const other = parseFixture('acl.cfg')
    expect(other.management.lines[0]?.transports).toEqual(['ssh'])
  })
})
