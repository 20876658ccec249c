import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {tieredAccess} from '../../src/controls/tiered-access.js'
import type {ModelDevice} from '../../src/network/types.js'
import {vendorParser} from '../../src/vendors/registry.js'
import {rules, sampleContext} from './harness.js'

const FIX = path.resolve(import.meta.dirname, '../fixtures/controls')

function parse(vendor: 'huawei-vrp' | 'h3c-comware' | 'cisco-ios', file: string) {
  return vendorParser(vendor)?.parseConfig(readFileSync(path.join(FIX, file)), `test/fixtures/controls/${file}`)
}

describe('tiered-access: the vendor facts it reads', () => {
  it('Huawei local-user privilege, service-type, password simple; VTY telnet and idle-timeout', () => {
    const cfg = parse('huawei-vrp', 'huawei-access.cfg')
    expect(cfg?.accounts.users.map((u) => [u.username, u.privilege, u.services, u.secret?.storage])).toEqual([
      ['ops1', 3, ['ssh', 'telnet'], 'hash'],
      ['admin', 15, [], 'plaintext'],
    ])
    expect(cfg?.management.lines.map((l) => [l.kind, l.transports, l.idleTimeoutMinutes])).toEqual([['vty', ['telnet'], 0]])
  })

  it('H3C local-user class manage with user-role and password simple', () => {
    const cfg = parse('h3c-comware', 'h3c-access.cfg')
    expect(cfg?.accounts.users.map((u) => [u.username, u.roles, u.services, u.secret?.storage])).toEqual([['ops1', ['network-admin'], ['ssh'], 'plaintext']])
  })

  it('Cisco username privilege with type 7, enable password, transport input telnet', () => {
    const cfg = parse('cisco-ios', 'cisco-access.cfg')
    expect(cfg?.accounts.users.map((u) => [u.username, u.privilege, u.secret?.storage])).toEqual([['ops1', 15, 'reversible']])
    expect(cfg?.accounts.enable.map((e) => e.storage)).toEqual(['plaintext'])
    expect(cfg?.management.lines.find((l) => l.kind === 'vty')?.transports).toEqual(['telnet', 'ssh'])
  })
})

describe('tiered-access', () => {
  it('passes on the compliant sample', async () => {
    expect(await rules(tieredAccess, await sampleContext())).toEqual([])
  })

  it('records: clearance, duty conflict and vacancy, shared, needs-review', async () => {
    const ctx = await sampleContext()
    const access = ctx.inventory.inventory.access
    const [sys, sec, aud] = access.accounts
    if (!sys || !sec || !aud) throw new Error('sample changed')
    sys.duties = ['system-admin', 'security-admin']
    sec.duties = ['operator']
    aud.clearance = 'internal'
    access.accounts.push({id: 'noc', duties: ['operator'], logins: [], shared: true})
    access.grants.push({account: 'noc', system: 'oa', access: 'read'})
    expect(await rules(tieredAccess, ctx)).toEqual([
      'TA-CLEARANCE grant:audit1:oa',
      'TA-NEEDS-REVIEW clearance:noc:oa',
      'TA-DUTY-CONFLICT account:sysadmin1',
      'TA-SHARED-ACCOUNT account:noc',
    ])
    sys.duties = ['system-admin']
    expect((await rules(tieredAccess, ctx)).filter((r) => r.startsWith('TA-DUTY'))).toEqual(['TA-DUTY-VACANT duty:security-admin'])
  })

  it('device logins: unknown, default, privilege above duties, weak secrets, cleartext management', async () => {
    const ctx = await sampleContext()
    const d = ctx.network.devices.get('nw-acc-1') as ModelDevice
    const cfg = parse('huawei-vrp', 'huawei-access.cfg')
    if (!d.config || !cfg) throw new Error('no config')
    d.config.accounts = cfg.accounts
    d.config.management.lines = cfg.management.lines
    expect(await rules(tieredAccess, ctx)).toEqual([
      'TA-UNKNOWN-LOGIN login:nw-acc-1:ops1',
      'TA-DEFAULT-ACCOUNT login:nw-acc-1:admin',
      'TA-WEAK-SECRET secret:nw-acc-1:admin',
      'TA-INSECURE-MGMT line:nw-acc-1:vty 0 4',
      'TA-INSECURE-MGMT user-service:nw-acc-1:ops1',
    ])
    ctx.inventory.inventory.access.accounts[2]?.logins.push({device: 'nw-acc-1', username: 'ops1'})
    expect((await rules(tieredAccess, ctx)).filter((r) => /PRIVILEGE|UNKNOWN/.test(r))).toEqual(['TA-PRIVILEGE login:nw-acc-1:ops1'])
    // The pack decides: allow audit-admin level 3 and the verdict goes away.
    const p = ctx.policy.parameters['tiered-access'] as {dutyPrivilege: Record<string, {maxLevel: number}>}
    if (p.dutyPrivilege['audit-admin']) p.dutyPrivilege['audit-admin'].maxLevel = 3
    expect((await rules(tieredAccess, ctx)).filter((r) => /PRIVILEGE/.test(r))).toEqual([])
  })

  it('H3C roles beyond the duties; Cisco type 7 and enable password', async () => {
    const ctx = await sampleContext()
    const h3c = ctx.network.devices.get('ww-acc-1') as ModelDevice
    const ios = ctx.network.devices.get('ww-acc-2') as ModelDevice
    const a = parse('h3c-comware', 'h3c-access.cfg')
    const b = parse('cisco-ios', 'cisco-access.cfg')
    if (!h3c.config || !ios.config || !a || !b) throw new Error('no config')
    h3c.config.accounts = a.accounts
    ios.config.accounts = b.accounts
    const audit = ctx.inventory.inventory.access.accounts[2]
    audit?.logins.push({device: 'ww-acc-1', username: 'ops1'}, {device: 'ww-acc-2', username: 'ops1'})
    expect(await rules(tieredAccess, ctx)).toEqual([
      'TA-PRIVILEGE login:ww-acc-1:ops1',
      'TA-WEAK-SECRET secret:ww-acc-1:ops1',
      'TA-PRIVILEGE login:ww-acc-2:ops1',
      'TA-WEAK-SECRET secret:ww-acc-2:ops1',
      'TA-WEAK-SECRET enable:ww-acc-2:',
    ])
  })

  it('management ACL: a source outside the management network, a missing ACL, the own management subnet', async () => {
    const ctx = await sampleContext()
    const d = ctx.network.devices.get('nw-core-1') as ModelDevice
    expect(await rules(tieredAccess, ctx)).toEqual([])
    ;(ctx.policy.parameters['tiered-access'] as Record<string, unknown>).ownManagementSubnet = false
    expect(await rules(tieredAccess, ctx)).toEqual(['TA-MGMT-ACL mgmt-acl:nw-core-1:vty 0 4', 'TA-MGMT-ACL mgmt-acl:nw-acc-1:vty 0 4', 'TA-MGMT-ACL mgmt-acl:nw-acc-2:vty 0 4'])
    ;(ctx.policy.parameters['tiered-access'] as Record<string, unknown>).ownManagementSubnet = true
    if (!d.config) throw new Error('no config')
    d.config.filterBindings = []
    for (const l of d.config.management.lines) delete l.accessAcl
    expect(await rules(tieredAccess, ctx)).toEqual(['TA-MGMT-ACL mgmt-acl:nw-core-1:vty 0 4'])
  })
})
