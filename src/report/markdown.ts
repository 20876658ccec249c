import {CONTROL_IDS, SEVERITIES} from '../model/index.js'
import type {RenderContext} from './context.js'
import {LABELS} from './labels.js'
import type {Report} from './types.js'

function md(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** A Markdown report for tickets and merge requests. */
export function renderMarkdown(report: Report, ctx: RenderContext): string {
  const L = LABELS[ctx.lang]
  const out = [
    `# segaudit — ${L.status[report.status]}`,
    '',
    `${report.inventory} · ${report.policy.id} v${report.policy.version} · ${report.now.slice(0, 10)}`,
    '',
    `| ${SEVERITIES.map((s) => L.severity[s]).join(' | ')} |`,
    `|${SEVERITIES.map(() => '---').join('|')}|`,
    `| ${SEVERITIES.map((s) => report.summary[s]).join(' | ')} |`,
  ]
  for (const control of CONTROL_IDS) {
    const fs = report.findings.filter((f) => f.control === control)
    if (!fs.length) continue
    out.push('', `## ${L.controls[control] ?? control} (${control})`, '')
    for (const f of fs) {
      out.push(`### ${L.severity[f.severity]} · ${f.rule} · ${md(f.device ?? '')}`, '', `**${md(f.title)}** — ${md(f.message)}`, '')
      if (f.location) out.push(`- ${L.at}: \`${f.location.file}:${f.location.line}\``)
      for (const e of f.evidence.slice(0, 10)) out.push(`- ${L.evidence}: \`${e.file}:${e.line}\` \`${e.text.replace(/`/g, "'")}\``)
      if (f.refs.length) out.push(`- ${L.ref}: ${md(f.refs.join('; '))}`)
      if (f.remediation) out.push(`- ${L.fix}: ${md(f.remediation)}`)
      out.push('')
    }
  }
  if (!report.findings.length) out.push('', L.noFindings)
  return `${out.join('\n')}\n`
}
