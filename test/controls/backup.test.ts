import {describe, expect, it} from 'vitest'
import {backup} from '../../src/controls/backup.js'
import {rules, sampleContext} from './harness.js'

describe('backup', () => {
  it('passes on the compliant sample at --now 2026-11-21', async () => {
    expect(await rules(backup, await sampleContext())).toEqual([])
  })

  it('BK-NO-JOB: an important system without a job; general systems are out of scope', async () => {
    const ctx = await sampleContext()
    ctx.inventory.inventory.backups = ctx.inventory.inventory.backups.filter((b) => b.system !== 'oa')
    expect(await rules(backup, ctx)).toEqual(['BK-NO-JOB job:oa'])
    ;(ctx.inventory.inventory.systems[0] as {importance: string}).importance = 'general'
    expect(await rules(backup, ctx)).toEqual([])
  })

  it('BK-STALE: exactly at the age passes, one day over fails (critical 2d)', async () => {
    // portal's last success is 2026-11-20T02:00+08:00 = 2026-11-19T18:00Z; 2d later is 2026-11-21T18:00Z.
    expect(await rules(backup, await sampleContext('2026-11-21T18:00:00Z'))).toEqual([])
    expect(await rules(backup, await sampleContext('2026-11-21T18:00:00.001Z'))).toEqual(['BK-STALE age:portal'])
    expect(await rules(backup, await sampleContext('2026-11-22T18:00:00Z'))).toEqual(['BK-STALE age:portal'])
  })

  it('BK-STALE without a success; BK-NEEDS-REVIEW for a success after --now', async () => {
    const ctx = await sampleContext()
    const [oa, exchange] = ctx.inventory.inventory.backups
    delete oa?.lastSuccess
    if (exchange) exchange.lastSuccess = '2026-12-01'
    expect(await rules(backup, ctx)).toEqual(['BK-STALE age:oa', 'BK-NEEDS-REVIEW last-success:exchange'])
  })

  it('BK-INTERVAL: an interval longer than the age', async () => {
    const ctx = await sampleContext()
    if (ctx.inventory.inventory.backups[0]) ctx.inventory.inventory.backups[0].interval = '8d'
    expect(await rules(backup, ctx)).toEqual(['BK-INTERVAL interval:oa'])
  })

  it('BK-NO-OFFSITE: critical needs same-city and remote; important any off-site copy', async () => {
    const ctx = await sampleContext()
    const [oa, , portal] = ctx.inventory.inventory.backups
    if (portal) portal.copies = portal.copies.filter((c) => c.location !== 'same-city')
    if (oa) oa.copies = [{location: 'same-city'}]
    expect(await rules(backup, ctx)).toEqual(['BK-NO-OFFSITE copies:portal'])
  })

  it('BK-RESTORE-TEST: critical every 6 months, calendar months (2026-10-12 + 6mo = 2027-04-12)', async () => {
    expect(await rules(backup, await sampleContext('2027-04-12'))).toContain('BK-STALE age:portal')
    const at = (await rules(backup, await sampleContext('2027-04-12'))).filter((r) => r.startsWith('BK-RESTORE'))
    expect(at).toEqual([])
    const over = (await rules(backup, await sampleContext('2027-04-13'))).filter((r) => r.startsWith('BK-RESTORE'))
    expect(over).toEqual(['BK-RESTORE-TEST restore-test:portal'])
  })

  it('policy overrides change the verdict: a longer critical age, no same-city requirement', async () => {
    const ctx = await sampleContext('2026-11-23')
    expect(await rules(backup, ctx)).toEqual(['BK-STALE age:portal'])
    ;(ctx.policy.parameters.backup as Record<string, unknown>).maxAge = '1w'
    expect(await rules(backup, ctx)).toEqual([])
  })

  it('BK-CONFIG-STALE: a configuration copy older than configMaxAge', async () => {
    const ctx = await sampleContext()
    ctx.configTakenAt = new Map([['nw-core-1', new Date('2026-10-22T00:00:00Z')], ['nw-acc-1', new Date('2026-10-21T23:59:59Z')]])
    expect(await rules(backup, ctx)).toEqual(['BK-CONFIG-STALE config:nw-acc-1'])
  })

  it('a pack without parameters.backup turns the control off', async () => {
    const ctx = await sampleContext()
    ctx.inventory.inventory.backups = []
    delete ctx.policy.parameters.backup
    expect(await rules(backup, ctx)).toEqual([])
  })
})
