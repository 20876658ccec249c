import {describe, expect, it} from 'vitest'
import {deviceHardening} from '../../src/controls/device-hardening.js'
import type {ModelDevice} from '../../src/network/types.js'
import {rules, sampleContext} from './harness.js'

describe('device-hardening', () => {
  it('passes on the compliant sample', async () => {
    expect(await rules(deviceHardening, await sampleContext())).toEqual([])
  })

  it('SNMP default community, community without ACL, idle timeout off or too long, no lockout, FTP', async () => {
    const ctx = await sampleContext()
    const d = ctx.network.devices.get('nw-core-1') as ModelDevice
    const m = d.config?.management
    if (!m) throw new Error('no config')
    const ref = {file: 'x.cfg', line: 1}
    m.snmp.communities = [
      {isDefault: true, access: 'ro', acl: '2001', ref},
      {isDefault: false, access: 'rw', ref},
    ]
    const vty = m.lines.find((l) => l.kind === 'vty')
    const con = m.lines.find((l) => l.kind === 'console')
    if (vty) vty.idleTimeoutMinutes = 0
    if (con) con.idleTimeoutMinutes = 11
    delete m.loginFailureLimit
    m.services.push({name: 'ftp', enabled: true, ref}, {name: 'tftp', enabled: false, ref})
    expect(await rules(deviceHardening, ctx)).toEqual([
      'DH-SNMP-DEFAULT-COMMUNITY snmp-default:nw-core-1:ro:1',
      'DH-SNMP-NO-ACL snmp-acl:nw-core-1:rw:1',
      'DH-IDLE-TIMEOUT idle:nw-core-1:con 0',
      'DH-IDLE-TIMEOUT idle:nw-core-1:vty 0 4',
      'DH-LOGIN-LIMIT login-limit:nw-core-1',
      'DH-SERVICE service:nw-core-1:ftp',
    ])
  })

  it('thresholds are the pack\'s: exactly at the limit passes, one over fails', async () => {
    const ctx = await sampleContext()
    const d = ctx.network.devices.get('ww-acc-2') as ModelDevice
    const m = d.config?.management
    if (!m?.loginFailureLimit) throw new Error('sample changed')
    m.loginFailureLimit.attempts = 6
    expect(await rules(deviceHardening, ctx)).toEqual(['DH-LOGIN-LIMIT login-limit:ww-acc-2'])
    ;(ctx.policy.parameters['device-hardening'] as Record<string, unknown>).maxLoginAttempts = 6
    ;(ctx.policy.parameters['device-hardening'] as Record<string, unknown>).maxIdleMinutes = 9
    const after = await rules(deviceHardening, ctx)
    expect(after.filter((r) => !r.startsWith('DH-IDLE-TIMEOUT'))).toEqual([])
    expect(after).toContain('DH-IDLE-TIMEOUT idle:ww-acc-2:vty 5 15')
  })
})
