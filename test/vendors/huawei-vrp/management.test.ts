import {describe, expect, it} from 'vitest'
import {parseFixture} from './helpers.js'

describe('Huawei VRP accounts and management extraction', () => {
  const c = parseFixture('management.cfg')
  const user = (name: string) => c.accounts.users.find((u) => u.username === name)

  it('records the storage kind of each local-user password, never the secret', () => {
    expect(user('admin')?.secret).toMatchObject({storage: 'hash'})
    expect(user('operator')?.secret).toMatchObject({storage: 'reversible'})
    expect(user('guest')?.secret).toMatchObject({storage: 'plaintext'})
    expect(user('admin')?.secret?.ref.line).toBe(13)
  })

  it('reads privilege and services', () => {
    expect(user('admin')).toMatchObject({privilege: 15, services: ['terminal', 'ssh']})
    expect(user('operator')).toMatchObject({privilege: 3, services: ['telnet']})
    expect(user('guest')?.privilege).toBeUndefined()
  })

  it('takes the global wrong-password lockout as the login failure limit', () => {
    expect(c.management.loginFailureLimit).toMatchObject({attempts: 3})
    expect(c.management.loginFailureLimit?.ref.line).toBe(12)
  })

  it('records server switches', () => {
    const svc = Object.fromEntries(c.management.services.map((s) => [s.name, s.enabled]))
    expect(svc).toEqual({telnet: true, ssh: true, http: true, https: false, ftp: true, snmp: true})
  })

  it('records SNMP communities by access and default-ness only', () => {
    expect(c.management.snmp.communities.map((x) => [x.access, x.isDefault, x.acl])).toEqual([
      ['ro', true, undefined],
      ['rw', false, '2001'],
      ['ro', false, '2001'],
    ])
    expect(c.management.snmp.versions).toEqual(['v2c', 'v3'])
  })

  it('reads user-interface blocks', () => {
    const [con, vty, vty16] = c.management.lines
    expect(con).toMatchObject({name: 'con 0', kind: 'console', authMode: 'password', idleTimeoutMinutes: 5.5})
    expect(vty).toMatchObject({name: 'vty 0 4', kind: 'vty', authMode: 'aaa', transports: ['ssh'], accessAcl: '2001', idleTimeoutMinutes: 0})
    // No idle-timeout line: VRP's 10-minute default, attributed to the header.
    expect(vty16).toMatchObject({name: 'vty 16 20', transports: ['all'], idleTimeoutMinutes: 10})
  })

  it('binds the vty ACL with a deny-by-default copy', () => {
    const binding = c.filterBindings.find((b) => b.kind === 'management')
    expect(binding).toMatchObject({kind: 'management', filter: '2001@user-interface', line: 'vty 0 4'})
    const f = c.filters.find((x) => x.name === '2001@user-interface')
    expect(f?.defaultAction).toBe('deny')
    expect(f?.rules.map((r) => r.action)).toEqual(['permit'])
    // The ACL itself keeps the traffic-filter default.
    expect(c.filters.find((x) => x.name === '2001')?.defaultAction).toBe('permit')
  })

  it('recognizes every line', () => {
    expect(c.coverage.unrecognized).toEqual([])
  })
})
