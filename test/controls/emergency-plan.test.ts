import {rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {emergencyPlan} from '../../src/controls/emergency-plan.js'
import {rules, sampleContext} from './harness.js'

describe('emergency-plan', () => {
  it('passes on the compliant sample', async () => {
    expect(await rules(emergencyPlan, await sampleContext())).toEqual([])
  })

  it('EP-NOT-COVERED: a system in scope and the network', async () => {
    const ctx = await sampleContext()
    const plan = ctx.inventory.inventory.plans[0]
    if (plan) plan.covers = ['oa', 'exchange']
    expect(await rules(emergencyPlan, ctx)).toEqual(['EP-NOT-COVERED system:portal', 'EP-NOT-COVERED network'])
    ;(ctx.policy.parameters['emergency-plan'] as Record<string, unknown>).coverNetwork = false
    expect(await rules(emergencyPlan, ctx)).toEqual(['EP-NOT-COVERED system:portal'])
  })

  it('EP-REVIEW-OVERDUE: lastReview 2026-09-01 + 1y, boundary day', async () => {
    const at = await rules(emergencyPlan, await sampleContext('2027-09-01'))
    expect(at.filter((r) => r.startsWith('EP-REVIEW'))).toEqual([])
    const over = await rules(emergencyPlan, await sampleContext('2027-09-02'))
    expect(over.filter((r) => r.startsWith('EP-REVIEW'))).toEqual(['EP-REVIEW-OVERDUE plan:ep-network:review'])
  })

  it('EP-DRILL-OVERDUE: drill 2026-05-20 + 1y; a shorter drillPeriod in the pack fails earlier', async () => {
    expect(await rules(emergencyPlan, await sampleContext('2027-05-20'))).toEqual([])
    expect(await rules(emergencyPlan, await sampleContext('2027-05-21'))).toEqual(['EP-DRILL-OVERDUE plan:ep-network:drill'])
    const ctx = await sampleContext()
    ;(ctx.policy.parameters['emergency-plan'] as Record<string, unknown>).drillPeriod = '6mo'
    expect(await rules(emergencyPlan, ctx)).toEqual(['EP-DRILL-OVERDUE plan:ep-network:drill'])
  })

  it('EP-NOT-APPROVED: no date, or a date after --now', async () => {
    const ctx = await sampleContext()
    const plan = ctx.inventory.inventory.plans[0]
    if (plan) plan.approved = '2026-12-01'
    expect(await rules(emergencyPlan, ctx)).toEqual(['EP-NOT-APPROVED plan:ep-network:approved'])
    delete plan?.approved
    expect(await rules(emergencyPlan, ctx)).toEqual(['EP-NOT-APPROVED plan:ep-network:approved'])
  })

  it('EP-MISSING-FIELD: required fields and contact fields, keyed by contact name', async () => {
    const ctx = await sampleContext()
    const plan = ctx.inventory.inventory.plans[0]
    if (plan) {
      delete plan.rto
      plan.contacts = [{name: '张三'}]
    }
    expect(await rules(emergencyPlan, ctx)).toEqual(['EP-MISSING-FIELD plan:ep-network:field:rto', 'EP-MISSING-FIELD plan:ep-network:field:contact:张三:phone'])
  })

  it('EP-RPO-BACKUP: RPO shorter than an interval; equal passes; EP-NEEDS-REVIEW without an interval', async () => {
    const ctx = await sampleContext()
    const plan = ctx.inventory.inventory.plans[0]
    if (plan) plan.rpo = '23h'
    expect(await rules(emergencyPlan, ctx)).toEqual(['EP-RPO-BACKUP rpo:ep-network:oa', 'EP-RPO-BACKUP rpo:ep-network:exchange', 'EP-RPO-BACKUP rpo:ep-network:portal'])
    if (plan) plan.rpo = '1d'
    delete ctx.inventory.inventory.backups[0]?.interval
    expect(await rules(emergencyPlan, ctx)).toEqual(['EP-NEEDS-REVIEW rpo:ep-network:oa'])
  })

  it('EP-DOCUMENT-MISSING: the document must exist next to the inventory', async () => {
    const ctx = await sampleContext()
    const plan = ctx.inventory.inventory.plans[0]
    if (plan) plan.document = 'docs/nowhere.pdf'
    expect(await rules(emergencyPlan, ctx)).toEqual(['EP-DOCUMENT-MISSING plan:ep-network:document'])
    const file = path.join(ctx.inventory.dir, 'docs/nowhere.pdf')
    writeFileSync(file, '')
    try {
      expect(await rules(emergencyPlan, ctx)).toEqual([])
    } finally {
      rmSync(file)
    }
  })
})
