import type {Log, ReportingDescriptor, Result} from 'sarif'
import type {Severity} from '../model/index.js'
import type {RenderContext} from './context.js'
import type {Report} from './types.js'

const LEVEL: Record<Severity, Result.level> = {critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note'}
// GitHub code scanning reads `security-severity` (0–10) to rank alerts.
const SCORE: Record<Severity, string> = {critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0'}

/** SARIF 2.1.0 for code-scanning dashboards: one result per finding, fingerprinted. */
export function renderSarif(report: Report, ctx: RenderContext): string {
  const rules: ReportingDescriptor[] = ctx.rules.map((r) => ({
    id: r.id,
    name: r.id,
    shortDescription: {text: r.title},
    fullDescription: {text: [r.title, ...r.refs].join(' — ')},
    help: {text: r.remediation},
    defaultConfiguration: {level: LEVEL[r.severity]},
    properties: {tags: [r.control, 'security'], 'security-severity': SCORE[r.severity]},
  }))
  const index = new Map(rules.map((r, i) => [r.id, i]))
  const results: Result[] = report.findings.map((f) => ({
    ruleId: f.rule,
    ...(index.has(f.rule) ? {ruleIndex: index.get(f.rule) as number} : {}),
    level: LEVEL[f.severity],
    message: {text: `${f.title}: ${f.message}`},
    ...(f.location
      ? {locations: [{physicalLocation: {artifactLocation: {uri: f.location.file}, region: {startLine: f.location.line}}}]}
      : {}),
    ...(f.evidence.length
      ? {relatedLocations: f.evidence.map((e, id) => ({id, physicalLocation: {artifactLocation: {uri: e.file}, region: {startLine: e.line, snippet: {text: e.text}}}}))}
      : {}),
    partialFingerprints: {'segaudit/v1': f.fingerprint},
    properties: {control: f.control, severity: f.severity, ...(f.device ? {device: f.device} : {}), ...(f.zones ? {zones: f.zones} : {})},
  }))
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'segaudit', version: report.tool.version, rules}},
        results,
        properties: {status: report.status, policy: report.policy, now: report.now},
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
