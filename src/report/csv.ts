import type {Report} from './types.js'

function cell(v: string | number | undefined): string {
  const s = String(v ?? '')
  // Quote per RFC 4180; a leading = + - @ would be run as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One row per finding, for spreadsheets. */
export function renderCsv(report: Report): string {
  const head = ['severity', 'control', 'rule', 'device', 'zones', 'file', 'line', 'title', 'message', 'refs', 'fingerprint']
  const rows = report.findings.map((f) =>
    [f.severity, f.control, f.rule, f.device, f.zones?.join(' '), f.location?.file, f.location?.line, f.title, f.message, f.refs.join('; '), f.fingerprint].map(cell).join(','),
  )
  return `\ufeff${[head.join(','), ...rows].join('\r\n')}\r\n`
}
