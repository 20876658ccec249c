import {existsSync} from 'node:fs'
import path from 'node:path'
import {durationMs, formatDuration, parseDuration} from '../inventory/durations.js'
import type {EmergencyPlan} from '../inventory/types.js'
import type {FindingDraft} from '../model/index.js'
import {day, latestBy, overdue} from './dates.js'
import type {EmergencyPlanParams} from './params/emergency-plan.js'
import {paramsOf} from './params/index.js'
import {say} from './text.js'
import type {AuditContext, Control} from './types.js'

const NETWORK = 'network'

function coverage(ctx: AuditContext, p: EmergencyPlanParams): FindingDraft[] {
  const inv = ctx.inventory
  const covered = new Set(inv.inventory.plans.flatMap((x) => x.covers))
  const out: FindingDraft[] = []
  inv.inventory.systems.forEach((s, k) => {
    if (!p.scope.includes(s.importance) || covered.has(s.id)) return
    const ref = inv.locate(['systems', k])
    out.push({rule: 'EP-NOT-COVERED', subject: `system:${s.id}`, location: ref, evidence: [ref], message: say(`系统 ${s.id}（${s.importance}）没有被任何应急预案覆盖。`, `System ${s.id} (${s.importance}) is covered by no emergency plan.`)})
  })
  if (p.coverNetwork && !covered.has(NETWORK)) {
    const ref = inv.locate(inv.inventory.plans.length ? ['plans'] : [])
    out.push({rule: 'EP-NOT-COVERED', subject: 'network', location: ref, evidence: [ref], message: say('没有覆盖网络本身（covers: [network]）的应急预案。', 'No emergency plan covers the network itself (covers: [network]).')})
  }
  return out
}

/** Missing required fields: `key` names them stably (a contact by name, not by position). */
function missingFields(plan: EmergencyPlan, p: EmergencyPlanParams): {field: string; key: string; at: (string | number)[]}[] {
  const out = p.requiredFields
    .filter((f) => {
      const v = plan[f]
      return v === undefined || (Array.isArray(v) && v.length === 0)
    })
    .map((f): {field: string; key: string; at: (string | number)[]} => ({field: f, key: f, at: []}))
  plan.contacts.forEach((c, i) => {
    for (const f of p.contactFields) if (!c[f]) out.push({field: `contacts[${i}].${f}`, key: `contact:${c.name}:${f}`, at: ['contacts', i]})
  })
  return out
}

/** RPO shorter than a covered system's backup interval: the backups cannot meet it. */
function rpoChecks(ctx: AuditContext, plan: EmergencyPlan, k: number): FindingDraft[] {
  const rpo = plan.rpo ? parseDuration(plan.rpo) : undefined
  if (!rpo) return []
  const inv = ctx.inventory
  const ref = inv.locate(['plans', k, 'rpo'])
  const out: FindingDraft[] = []
  for (const id of plan.covers) {
    const jobs = inv.inventory.backups.filter((b) => b.system === id)
    if (!jobs.length) continue
    const intervals = jobs.flatMap((j) => (j.interval ? [parseDuration(j.interval)] : [])).flatMap((d) => (d ? [d] : []))
    const best = intervals.sort((a, b) => durationMs(a) - durationMs(b))[0]
    if (!best) {
      out.push({rule: 'EP-NEEDS-REVIEW', subject: `rpo:${plan.id}:${id}`, location: ref, evidence: [ref], message: say(`预案 ${plan.id} 声明 RPO ${plan.rpo}，但系统 ${id} 的备份作业没有记录备份周期，无法判定，请人工核实。`, `Plan ${plan.id} declares RPO ${plan.rpo}, but the backup job of ${id} records no interval; the records cannot decide, review it.`)})
    } else if (durationMs(rpo) < durationMs(best)) {
      out.push({rule: 'EP-RPO-BACKUP', subject: `rpo:${plan.id}:${id}`, location: ref, evidence: [ref], message: say(`预案 ${plan.id} 的 RPO ${plan.rpo} 短于系统 ${id} 的备份周期 ${formatDuration(best)}，备份无法满足该恢复点目标。`, `Plan ${plan.id} declares RPO ${plan.rpo}, shorter than the ${formatDuration(best)} backup interval of ${id}: the backups cannot meet it.`)})
    }
  }
  return out
}

function checkPlan(ctx: AuditContext, p: EmergencyPlanParams, plan: EmergencyPlan, k: number): FindingDraft[] {
  const inv = ctx.inventory
  const out: FindingDraft[] = []
  const add = (rule: string, what: string, field: (string | number)[], zh: string, en: string) => {
    const ref = inv.locate(['plans', k, ...field])
    out.push({rule, subject: `plan:${plan.id}:${what}`, location: ref, evidence: [ref], message: say(zh, en)})
  }
  const approved = latestBy([plan.approved], ctx.now)
  if (!approved.latest) {
    const zh = plan.approved ? `预案 ${plan.id} 的批准日期 ${plan.approved} 晚于审计时间，尚未生效。` : `预案 ${plan.id} 没有批准日期（approved）。`
    const en = plan.approved ? `Plan ${plan.id} is approved on ${plan.approved}, after the audit date: not yet in force.` : `Plan ${plan.id} has no approval date (approved).`
    add('EP-NOT-APPROVED', 'approved', plan.approved ? ['approved'] : [], zh, en)
  }
  const reviewed = latestBy([plan.approved, plan.lastReview], ctx.now).latest
  if (reviewed && overdue(reviewed, p.reviewPeriod, ctx.now)) {
    add('EP-REVIEW-OVERDUE', 'review', [plan.lastReview ? 'lastReview' : 'approved'], `预案 ${plan.id} 最近一次审核在 ${day(reviewed)}，超过 ${formatDuration(p.reviewPeriod)} 的修订周期。`, `Plan ${plan.id} was last reviewed on ${day(reviewed)}, more than ${formatDuration(p.reviewPeriod)} ago.`)
  }
  const drilled = latestBy(plan.drills, ctx.now).latest
  if (!drilled) {
    add('EP-DRILL-OVERDUE', 'drill', plan.drills.length ? ['drills'] : [], `预案 ${plan.id} 没有已完成的演练记录。`, `Plan ${plan.id} has no drill on record.`)
  } else if (overdue(drilled, p.drillPeriod, ctx.now)) {
    add('EP-DRILL-OVERDUE', 'drill', ['drills'], `预案 ${plan.id} 最近一次演练在 ${day(drilled)}，超过 ${formatDuration(p.drillPeriod)} 的演练周期。`, `Plan ${plan.id} was last drilled on ${day(drilled)}, more than ${formatDuration(p.drillPeriod)} ago.`)
  }
  for (const m of missingFields(plan, p)) {
    add('EP-MISSING-FIELD', `field:${m.key}`, m.at, `预案 ${plan.id} 缺少必填项 ${m.field}。`, `Plan ${plan.id} lacks the required field ${m.field}.`)
  }
  if (plan.document && !existsSync(path.resolve(inv.dir, plan.document))) {
    add('EP-DOCUMENT-MISSING', 'document', ['document'], `预案 ${plan.id} 的文档 ${plan.document} 不存在。`, `The document of plan ${plan.id}, ${plan.document}, does not exist.`)
  }
  out.push(...rpoChecks(ctx, plan, k))
  return out
}

/** Tianjin Art. 20(3); GB/T 22239 8.1.10.13: current, drilled, complete plans that backups can meet. */
export const emergencyPlan: Control = {
  id: 'emergency-plan',
  run(ctx) {
    const p = paramsOf(ctx.policy, 'emergency-plan')
    if (!p) return []
    return [...coverage(ctx, p), ...ctx.inventory.inventory.plans.flatMap((plan, k) => checkPlan(ctx, p, plan, k))]
  },
}
