import type {Finding} from '../model/index.js'
import type {RenderContext} from './context.js'
import type {Report} from './types.js'

function xml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
}

function failureText(f: Finding): string {
  const at = f.location ? `${f.location.file}:${f.location.line}\n` : ''
  return `${at}${f.message}\n${f.evidence.map((e) => `${e.file}:${e.line}  ${e.text}`).join('\n')}\n${f.refs.join('; ')}\n${f.remediation}`
}

/** JUnit XML for CI dashboards: a suite per control, a test case per rule and device, failing per finding. */
export function renderJunit(report: Report, ctx: RenderContext): string {
  const controls = [...new Set([...ctx.rules.map((r) => r.control), ...report.findings.map((f) => f.control)])]
  const suites = controls.map((control) => {
    const cases: string[] = []
    const rules = ctx.rules.filter((r) => r.control === control)
    for (const r of rules) {
      const fs = report.findings.filter((f) => f.rule === r.id)
      if (!fs.length) cases.push(`    <testcase classname="${xml(control)}" name="${xml(`${r.id} ${r.title}`)}"/>`)
      for (const f of fs) {
        cases.push(
          `    <testcase classname="${xml(control)}" name="${xml(`${f.rule} ${f.device ?? ''} [${f.fingerprint}]`)}">\n` +
            `      <failure type="${f.severity}" message="${xml(f.title)}">${xml(failureText(f))}</failure>\n    </testcase>`,
        )
      }
    }
    for (const f of report.findings.filter((x) => x.control === control && !rules.some((r) => r.id === x.rule))) {
      cases.push(`    <testcase classname="${xml(control)}" name="${xml(`${f.rule} ${f.device ?? ''}`)}">\n      <failure type="${f.severity}" message="${xml(f.title)}">${xml(failureText(f))}</failure>\n    </testcase>`)
    }
    const failures = report.findings.filter((f) => f.control === control).length
    return `  <testsuite name="${xml(control)}" tests="${cases.length}" failures="${failures}" errors="0" timestamp="${report.now}">\n${cases.join('\n')}\n  </testsuite>`
  })
  const total = report.findings.length
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="segaudit ${xml(report.inventory)}" failures="${total}">\n${suites.join('\n')}\n</testsuites>\n`
}
