import type {DiffReport, FlowChange} from '../../diff/types.js'
import type {Lang} from '../../model/index.js'
import {DIFF_LABELS, LABELS} from '../labels.js'
import {findingLines, painter} from '../text.js'

function witness(w: FlowChange['witness']): string {
  return Object.entries(w).map(([k, v]) => `${k}=${v}`).join(' ')
}

function flowLines(flows: FlowChange[], lang: Lang): string[] {
  const may = (f: FlowChange) => (f.verdict === 'unknown' ? `  (${DIFF_LABELS[lang].mayPass})` : '')
  return flows.flatMap((f) => [`  ${f.from} → ${f.to}  ${f.services.join(', ')}`, `    ${LABELS[lang].witness}: ${witness(f.witness)}${may(f)}`])
}

/** Human diff: added findings first (they decide the exit code), then removed ones, then flows; a summary line last. */
export function renderDiffText(report: DiffReport, lang: Lang, color: boolean): string {
  const L = LABELS[lang]
  const D = DIFF_LABELS[lang]
  const p = painter(color)
  const out: string[] = []
  const section = (title: string, n: number, lines: string[]) => {
    if (n) out.push(p.bold(`${title} (${n})`), ...lines, '')
  }
  const {added, removed, unchanged} = report.findings
  section(D.findingsAdded, added.length, added.flatMap((f) => [...findingLines(f, lang, p), '']).slice(0, -1))
  section(D.findingsRemoved, removed.length, removed.map((f) => `  ${p.dim(`${L.severity[f.severity].padEnd(8)} ${f.rule}  ${f.device ?? ''}  ${f.title}`)}`))
  section(D.flowsOpened, report.flows.opened.length, flowLines(report.flows.opened, lang))
  section(D.flowsClosed, report.flows.closed.length, flowLines(report.flows.closed, lang))
  for (const [name, s] of [[D.before, report.before], [D.after, report.after]] as const) {
    if (s.status === 'incomplete') out.push(p.high(`${name}: ${D.sideIncomplete}`))
  }
  const status = report.status === 'pass' ? p.pass(L.status.pass) : report.status === 'fail' ? p.critical(L.status.fail) : p.high(L.status.incomplete)
  const {opened, closed} = report.flows
  const changed = added.length + removed.length + opened.length + closed.length
  const counts = changed ? `${D.findings} +${added.length} −${removed.length} (${D.unchanged} ${unchanged}) · ${D.flows} +${opened.length} −${closed.length}` : D.noChanges
  out.push(`${status}  ${counts}  (${report.before.inventory} → ${report.after.inventory}; ${report.after.policy.id} v${report.after.policy.version}; ${report.now.slice(0, 10)})`)
  return `${out.join('\n')}\n`
}
