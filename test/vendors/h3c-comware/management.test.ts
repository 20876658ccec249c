import {describe, expect, it} from 'vitest'
import {lineOf, parseFixture} from './helpers.js'

describe('H3C Comware 7 management extraction', () => {
  const c = parseFixture('management.cfg')
  const svc = (name: string) => c.management.services.find((s) => s.name === name)

  it('services: enable and undo, last one wins', () => {
    expect(svc('telnet')).toMatchObject({enabled: false, ref: {line: lineOf('management.cfg', 'undo telnet server enable')}})
    expect(svc('ssh')?.enabled).toBe(true)
    expect(svc('http')?.enabled).toBe(true)
    expect(svc('https')?.enabled).toBe(true)
    expect(svc('ftp')?.enabled).toBe(true)
    expect(svc('snmp')?.enabled).toBe(true)
  })

  it('login-failure limit from password-control login-attempt', () => {
    expect(c.management.loginFailureLimit).toMatchObject({attempts: 5, ref: {line: lineOf('management.cfg', 'login-attempt')}})
  })

  it('SNMP: default community flagged, cipher one not, access and ACL kept, versions', () => {
    const [pub, cipher, rbac] = c.management.snmp.communities
    expect(pub).toMatchObject({isDefault: true, access: 'ro'})
    expect(cipher).toMatchObject({isDefault: false, access: 'rw', acl: '2001'})
    expect(rbac).toMatchObject({isDefault: false, access: 'ro'})
    expect(c.management.snmp.versions).toEqual(['v2c', 'v3'])
  })

  it('lines: console and VTYs with auth mode, transports, idle timeout and ACL', () => {
    const lines = Object.fromEntries(c.management.lines.map((l) => [l.name, l]))
    expect(lines['con 0']).toMatchObject({kind: 'console', authMode: 'password', idleTimeoutMinutes: 0})
    expect(lines['vty 0 15']).toMatchObject({kind: 'vty', authMode: 'scheme', transports: ['ssh'], idleTimeoutMinutes: 5, accessAcl: '2001'})
    expect(lines['vty 16 63']).toMatchObject({authMode: 'none', transports: ['telnet'], idleTimeoutMinutes: 10})
    expect(lines['vty 0 15']?.ref.line).toBe(lineOf('management.cfg', 'line vty 0 15'))
    expect(c.management.lines).toHaveLength(3)
  })

  it('management ACL bindings for the VTY, the SSH server and SNMP', () => {
    const mgmt = c.filterBindings.filter((b) => b.kind === 'management')
    expect(mgmt.map((b) => (b.kind === 'management' ? [b.line, b.filter] : []))).toEqual(
      expect.arrayContaining([['ssh', '2001'], ['vty 0 15', '2001'], ['snmp', '2001']]),
    )
    // Used only for login control: clients the ACL does not permit are refused.
    expect(c.filters.find((f) => f.name === '2001')?.defaultAction).toBe('deny')
  })

  it('local users: storage kind of the secret, services, roles, privilege', () => {
    const u = Object.fromEntries(c.accounts.users.map((x) => [x.username, x]))
    expect(u.admin).toMatchObject({secret: {storage: 'hash'}, services: ['ssh', 'terminal'], roles: ['network-admin']})
    expect(u.admin?.privilege).toBeUndefined()
    expect(u.oper).toMatchObject({secret: {storage: 'plaintext'}, services: ['telnet', 'http'], privilege: 3, roles: ['level-3', 'network-operator']})
    expect(u.backup).toMatchObject({secret: {storage: 'reversible'}, privilege: 2})
    expect(u.guest).toMatchObject({services: ['lan-access']})
    expect(u.oper?.secret?.ref.line).toBe(lineOf('management.cfg', 'password simple Pl41nT3xtSecret!'))
    expect(c.coverage.unrecognized).toEqual([])
  })
})

describe('H3C Comware 5 management extraction', () => {
  const c = parseFixture('comware5-pager.cfg')

  it('local-user with authorization-attribute level and accumulated service-type lines', () => {
    expect(c.accounts.users).toHaveLength(1)
    expect(c.accounts.users[0]).toMatchObject({username: 'admin', privilege: 3, services: ['telnet', 'ssh', 'terminal'], secret: {storage: 'reversible'}})
  })

  it('user-interface vty with protocol inbound all and minutes+seconds idle timeout', () => {
    const vty = c.management.lines.find((l) => l.kind === 'vty')
    expect(vty).toMatchObject({name: 'vty 0 4', transports: ['ssh', 'telnet'], idleTimeoutMinutes: 15.5, accessAcl: '2000', authMode: 'scheme'})
    expect(c.management.lines.find((l) => l.kind === 'aux')).toBeDefined()
  })

  it('plain public community is a default; versions all expand', () => {
    expect(c.management.snmp.communities.map((x) => [x.isDefault, x.access])).toEqual([
      [true, 'ro'],
      [false, 'rw'],
    ])
    expect(c.management.snmp.versions).toEqual(['v1', 'v2c', 'v3'])
    expect(c.management.services.find((s) => s.name === 'telnet')?.enabled).toBe(true)
    expect(c.management.loginFailureLimit?.attempts).toBe(3)
  })
})
