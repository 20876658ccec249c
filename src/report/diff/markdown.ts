import type {DiffReport, FlowChange} from '../../diff/types.js'
import type {Finding, Lang} from '../../model/index.js'
import {DIFF_LABELS, LABELS} from '../labels.js'

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** Inline code that is safe inside a table cell too. */
function code(s: string): string {
  return `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``
}

function findingTable(fs: Finding[], lang: Lang): string[] {
  const L = LABELS[lang]
  const D = DIFF_LABELS[lang]
  return [
    `| ${D.rule} | ${D.device} | ${D.message} | ${L.at} |`,
    '|---|---|---|---|',
    ...fs.map((f) => `| **${L.severity[f.severity]}** ${code(f.rule)} | ${cell(f.device ?? '')} | ${cell(`${f.title}: ${f.message}`)} | ${f.location ? code(`${f.location.file}:${f.location.line}`) : ''} |`),
  ]
}

function flowTable(flows: FlowChange[], lang: Lang): string[] {
  const D = DIFF_LABELS[lang]
  const witness = (f: FlowChange) => code(Object.entries(f.witness).map(([k, v]) => `${k}=${v}`).join(' ')) + (f.verdict === 'unknown' ? ` (${D.mayPass})` : '')
  return [
    `| ${D.from} | ${D.to} | ${D.services} | ${LABELS[lang].witness} |`,
    '|---|---|---|---|',
    ...flows.map((f) => `| ${cell(f.from)} | ${cell(f.to)} | ${cell(f.services.join(', '))} | ${witness(f)} |`),
  ]
}

/** A Markdown diff for merge-request comments: what the change adds decides the verdict, so it comes first. */
export function renderDiffMarkdown(report: DiffReport, lang: Lang): string {
  const L = LABELS[lang]
  const D = DIFF_LABELS[lang]
  const {added, removed, unchanged} = report.findings
  const out = [
    `## ${D.title} — ${L.status[report.status]}`,
    '',
    `${code(report.before.inventory)} → ${code(report.after.inventory)} · ${report.after.policy.id} v${report.after.policy.version} · ${report.now.slice(0, 10)}`,
    '',
    `${D.findings}: **+${added.length}** / −${removed.length} (${D.unchanged} ${unchanged}) · ${D.flows}: **+${report.flows.opened.length}** / −${report.flows.closed.length}`,
  ]
  for (const [name, s] of [[D.before, report.before], [D.after, report.after]] as const) {
    if (s.status === 'incomplete') out.push('', `> **${name}**: ${D.sideIncomplete}`)
  }
  const section = (title: string, n: number, table: string[]) => {
    if (n) out.push('', `### ${title} (${n})`, '', ...table)
  }
  section(D.findingsAdded, added.length, findingTable(added, lang))
  section(D.findingsRemoved, removed.length, findingTable(removed, lang))
  section(D.flowsOpened, report.flows.opened.length, flowTable(report.flows.opened, lang))
  section(D.flowsClosed, report.flows.closed.length, flowTable(report.flows.closed, lang))
  return `${out.join('\n')}\n`
}
