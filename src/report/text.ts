import pc from 'picocolors'
import {CONTROL_IDS, type Finding, type Lang, SEVERITIES, type Severity} from '../model/index.js'
import {LABELS} from './labels.js'
import type {Report} from './types.js'

type Paint = (s: string) => string

export function painter(color: boolean): Record<Severity | 'dim' | 'bold' | 'pass', Paint> {
  const c = pc.createColors(color)
  return {
    critical: (s) => c.bold(c.red(s)),
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
    info: c.gray,
    dim: c.dim,
    bold: c.bold,
    pass: c.green,
  }
}

/** A finding's lines in the text report (also used by the diff report). */
export function findingLines(f: Finding, lang: Lang, p: ReturnType<typeof painter>): string[] {
  const L = LABELS[lang]
  const lines = [`  ${p[f.severity](L.severity[f.severity].padEnd(8))} ${p.bold(f.rule)}  ${f.device ?? ''}  ${f.title}`, `    ${f.message}`]
  if (f.location) {
    const ev = f.evidence.find((e) => e.file === f.location?.file && e.line === f.location?.line)
    lines.push(`    ${L.at} ${f.location.file}:${f.location.line}${ev?.text ? `  ${p.dim(ev.text)}` : ''}`)
  }
  const more = f.evidence.filter((e) => !(e.file === f.location?.file && e.line === f.location?.line)).slice(0, 8)
  for (const e of more) lines.push(`    ${p.dim(`${L.evidence} ${e.file}:${e.line}  ${e.text}`)}`)
  if (f.witness) lines.push(`    ${L.witness}: ${Object.entries(f.witness).map(([k, v]) => `${k}=${v}`).join(' ')}`)
  if (f.refs.length) lines.push(`    ${p.dim(`${L.ref}: ${f.refs.join('; ')}`)}`)
  if (f.remediation) lines.push(`    ${p.dim(`${L.fix}: ${f.remediation}`)}`)
  return lines
}

/** Human report: grouped by control, severity first; just the summary line when clean. */
export function renderText(report: Report, lang: Lang, color: boolean): string {
  const L = LABELS[lang]
  const p = painter(color)
  const out: string[] = []
  for (const control of CONTROL_IDS) {
    const fs = report.findings.filter((f) => f.control === control)
    if (!fs.length) continue
    out.push(p.bold(`${L.controls[control] ?? control} (${control}) — ${fs.length} ${L.findings}`))
    for (const f of fs) out.push(...findingLines(f, lang, p), '')
  }
  const lines = report.coverage.reduce((n, c) => n + c.lines, 0)
  const recognized = report.coverage.reduce((n, c) => n + c.recognized, 0)
  const share = lines ? ((100 * recognized) / lines).toFixed(1) : '100.0'
  const status = report.status === 'pass' ? p.pass(L.status.pass) : report.status === 'fail' ? p.critical(L.status.fail) : p.high(L.status.incomplete)
  const counts = report.findings.length
    ? SEVERITIES.map((s) => `${L.severity[s].toLowerCase()} ${report.summary[s]}`).join(' · ')
    : L.noFindings
  out.push(`${status}  ${counts}  (${report.coverage.length} ${L.configs}, ${share}% ${L.recognized}; ${report.policy.id} v${report.policy.version}; ${report.now.slice(0, 10)})`)
  return `${out.join('\n')}\n`
}
