import type {BackupJob, InfoSystem} from '../inventory/types.js'
import {durationMs, formatDuration, parseDuration} from '../inventory/durations.js'
import type {FindingDraft, SourceRef} from '../model/index.js'
import {day, latestBy, overdue} from './dates.js'
import type {BackupParams} from './params/backup.js'
import {forImportance, isDuration} from './params/common.js'
import {paramsOf} from './params/index.js'
import {say} from './text.js'
import type {AuditContext, Control} from './types.js'

const LOCATION_ZH: Record<string, string> = {local: '本地', 'same-city': '同城', remote: '异地', 'off-site': '异地或同城'}

/** Required copy locations the jobs do not provide; `off-site` is met by same-city or remote. */
function missingCopies(required: string[], jobs: BackupJob[]): string[] {
  const have = new Set(jobs.flatMap((j) => j.copies.map((c) => c.location)))
  return required.filter((r) => (r === 'off-site' ? !have.has('same-city') && !have.has('remote') : !have.has(r as never)))
}

function checkSystem(ctx: AuditContext, p: BackupParams, s: InfoSystem, k: number): FindingDraft[] {
  const inv = ctx.inventory
  const idx = inv.inventory.backups.flatMap((b, i) => (b.system === s.id ? [i] : []))
  const jobs = idx.map((i) => inv.inventory.backups[i] as BackupJob)
  const at = (field?: string): SourceRef => (idx[0] === undefined ? inv.locate(['systems', k]) : inv.locate(['backups', idx[0], ...(field ? [field] : [])]))
  const subject = (what: string) => `${what}:${s.id}`
  const name = s.name ? `${s.id}（${s.name}）` : s.id
  const out: FindingDraft[] = []
  const draft = (rule: string, what: string, ref: SourceRef, zh: string, en: string): void => {
    out.push({rule, subject: subject(what), location: ref, evidence: [ref], message: say(zh, en)})
  }
  if (!jobs.length) {
    draft('BK-NO-JOB', 'job', inv.locate(['systems', k]), `${s.importance === 'critical' ? '关键' : '重要'}系统 ${name} 没有备份作业记录。`, `${s.importance} system ${s.id} has no backup job.`)
    return out
  }

  const maxAge = forImportance(p.maxAge, s.importance, isDuration)
  if (maxAge) {
    const {latest, text, future} = latestBy(jobs.map((j) => j.lastSuccess), ctx.now)
    if (future.length) {
      draft('BK-NEEDS-REVIEW', 'last-success', at('lastSuccess'), `${s.id} 的最近成功备份时间 ${future.join('、')} 晚于审计时间 ${day(ctx.now)}，记录无法判定，请人工核实。`, `${s.id}: last successful backup ${future.join(', ')} is after the audit date ${day(ctx.now)}; the record cannot decide, review it.`)
    } else if (!latest) {
      draft('BK-STALE', 'age', at(), `${s.id} 的备份作业没有成功记录（lastSuccess）。`, `${s.id}: the backup job has no recorded success (lastSuccess).`)
    } else if (overdue(latest, maxAge, ctx.now)) {
      draft('BK-STALE', 'age', at('lastSuccess'), `${s.id} 最近一次成功备份在 ${text}，超过 ${formatDuration(maxAge)} 的要求（审计时间 ${day(ctx.now)}）。`, `${s.id}: last successful backup at ${text} is older than ${formatDuration(maxAge)} (audit date ${day(ctx.now)}).`)
    }
    const intervals = jobs.flatMap((j, i) => {
      const d = j.interval ? parseDuration(j.interval) : undefined
      return d ? [{d, i}] : []
    })
    const shortest = intervals.sort((a, b) => durationMs(a.d) - durationMs(b.d))[0]
    if (shortest && durationMs(shortest.d) > durationMs(maxAge)) {
      const ref = inv.locate(['backups', idx[shortest.i] as number, 'interval'])
      draft('BK-INTERVAL', 'interval', ref, `${s.id} 的备份周期 ${formatDuration(shortest.d)} 长于允许的最长间隔 ${formatDuration(maxAge)}。`, `${s.id}: backup interval ${formatDuration(shortest.d)} is longer than the allowed age ${formatDuration(maxAge)}.`)
    }
  }

  const missing = missingCopies(p.requiredCopies[s.importance] ?? [], jobs)
  if (missing.length) {
    draft('BK-NO-OFFSITE', 'copies', at('copies'), `${s.id} 缺少${missing.map((m) => LOCATION_ZH[m]).join('、')}备份副本。`, `${s.id} lacks a ${missing.join(' and a ')} backup copy.`)
  }

  const period = forImportance(p.restoreTestPeriod, s.importance, isDuration)
  if (period) {
    const {latest, text, future} = latestBy(jobs.map((j) => j.lastRestoreTest), ctx.now)
    if (future.length) {
      draft('BK-NEEDS-REVIEW', 'restore-test', at('lastRestoreTest'), `${s.id} 的恢复测试日期 ${future.join('、')} 晚于审计时间，请人工核实。`, `${s.id}: restore test date ${future.join(', ')} is after the audit date; review it.`)
    } else if (!latest) {
      draft('BK-RESTORE-TEST', 'restore-test', at(), `${s.id} 没有恢复测试记录。`, `${s.id} has no restore test on record.`)
    } else if (overdue(latest, period, ctx.now)) {
      draft('BK-RESTORE-TEST', 'restore-test', at('lastRestoreTest'), `${s.id} 最近一次恢复测试在 ${text}，超过 ${formatDuration(period)} 的周期。`, `${s.id}: last restore test on ${text} is older than ${formatDuration(period)}.`)
    }
  }
  return out
}

/** Device configurations are backed up too: the audited copy must be recent (snapshot or file time). */
function configSnapshots(ctx: AuditContext, p: BackupParams): FindingDraft[] {
  const maxAge = p.configMaxAge
  if (!maxAge) return []
  const out: FindingDraft[] = []
  ctx.inventory.inventory.devices.forEach((d, k) => {
    const taken = ctx.configTakenAt.get(d.id)
    if (!d.config || !taken || !overdue(taken, maxAge, ctx.now)) return
    const ref = ctx.inventory.locate(['devices', k, 'config'])
    out.push({rule: 'BK-CONFIG-STALE', subject: `config:${d.id}`, device: d.id, location: ref, evidence: [ref], message: say(`${d.id} 的配置副本采集于 ${day(taken)}，超过 ${formatDuration(maxAge)}，请重新采集（segaudit collect）。`, `The configuration copy of ${d.id} was taken on ${day(taken)}, more than ${formatDuration(maxAge)} ago; collect it again (segaudit collect).`)})
  })
  return out
}

/** Tianjin Art. 18, 20(1); Guangzhou Art. 27: regular, fresh, off-site and restorable backups. */
export const backup: Control = {
  id: 'backup',
  run(ctx) {
    const p = paramsOf(ctx.policy, 'backup')
    if (!p) return []
    return [...ctx.inventory.inventory.systems.flatMap((s, k) => (p.scope.includes(s.importance) ? checkSystem(ctx, p, s, k) : [])), ...configSnapshots(ctx, p)]
  },
}
