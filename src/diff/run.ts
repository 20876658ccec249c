import {runAudit} from '../audit/run.js'
import {type Lang, SEVERITIES, type Severity} from '../model/index.js'
import type {Report} from '../report/types.js'
import {compareFindings} from './findings.js'
import {compareFlows} from './flows.js'
import {snapshotInventory} from './snapshot.js'
import type {DiffReport, DiffSide} from './types.js'

export interface DiffOptions {
  before: string
  after: string
  /** One policy for both sides; without it each side uses its inventory's `policy:` (or the built-in pack). */
  policy?: string
  now: Date
  lang: Lang
  failOn: Severity | 'none'
}

function side(report: Report): DiffSide {
  return {inventory: report.inventory, policy: report.policy, status: report.status, summary: report.summary}
}

/** Does the change add a finding at or above `failOn`? */
export function addsFailing(report: DiffReport): boolean {
  if (report.failOn === 'none') return false
  const limit = SEVERITIES.indexOf(report.failOn)
  return report.findings.added.some((f) => SEVERITIES.indexOf(f.severity) <= limit)
}

/** Audit BEFORE and AFTER under the same options and compare them. Bad input throws InputError. */
export async function runDiff(opts: DiffOptions): Promise<DiffReport> {
  const common = {...(opts.policy ? {policy: opts.policy} : {}), now: opts.now, lang: opts.lang, failOn: opts.failOn}
  const before = await runAudit({inventory: await snapshotInventory(opts.before), ...common})
  const after = await runAudit({inventory: await snapshotInventory(opts.after), ...common})
  const report: DiffReport = {
    schema: 'segaudit/diff@1',
    tool: after.report.tool,
    now: after.report.now,
    failOn: opts.failOn,
    status: 'pass',
    before: side(before.report),
    after: side(after.report),
    findings: compareFindings(before.report.findings, after.report.findings),
    flows: compareFlows(before.network, after.network),
  }
  report.status = after.report.status === 'incomplete' ? 'incomplete' : addsFailing(report) ? 'fail' : 'pass'
  return report
}
