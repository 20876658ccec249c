import {Flags} from '@oclif/core'
import {EXIT, SegauditCommand} from '../cli/base.js'
import {failOnFlag, inventoryArg, langFlag, nowFlag, outputFlag, policyFlag, resolveNow} from '../cli/flags.js'
import {emit, wantsColor} from '../cli/output.js'
import type {Lang, Severity} from '../model/index.js'
import {REPORT_FORMATS, type ReportFormat, renderContext, renderReport} from '../report/render.js'
import type {Report} from '../report/types.js'

export default class Audit extends SegauditCommand {
  static override summary = 'Audit the network: parse every config, build the model, run every control of the policy.'
  static override description = `Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or input error; 3 audit incomplete (unreadable config, unknown vendor, unrecognized lines) unless --allow-incomplete.`
  static override examples = [
    '<%= config.bin %> audit inventories/sample-city/inventory.yaml --now 2026-11-21',
    '<%= config.bin %> audit inventory.yaml --format json --output report.json --fail-on critical',
  ]
  static override args = {inventory: inventoryArg}
  static override flags = {
    policy: policyFlag,
    format: Flags.string({char: 'f', description: 'report format', options: [...REPORT_FORMATS], default: 'text'}),
    output: outputFlag,
    'fail-on': failOnFlag,
    now: nowFlag,
    lang: langFlag,
    snapshot: Flags.string({description: 'audit the files of a collected snapshot (`segaudit collect --out DIR`: DIR, DIR/latest or DIR/<timestamp>)'}),
    waivers: Flags.string({description: 'waivers file (YAML): silence findings by fingerprint with owner, reason and expiry'}),
    baseline: Flags.string({description: 'an earlier JSON report: findings already in it are marked baseline and do not fail the audit'}),
    'allow-incomplete': Flags.boolean({description: 'exit by the findings even when some input could not be read or understood'}),
  }

  async run(): Promise<Report> {
    const {args, flags} = await this.parse(Audit)
    const lang = flags.lang as Lang
    // The engine loads only when a command runs: `--help` and `--version` stay fast.
    const {runAudit} = await import('../audit/run.js')
    const {report, policy} = await runAudit({
      inventory: args.inventory,
      ...(flags.policy ? {policy: flags.policy} : {}),
      ...(flags.snapshot ? {snapshot: flags.snapshot} : {}),
      now: resolveNow(flags.now),
      lang,
      failOn: flags['fail-on'] as Severity | 'none',
      ...(flags.waivers ? {waivers: flags.waivers} : {}),
      ...(flags.baseline ? {baseline: flags.baseline} : {}),
    })
    await emit(renderReport(report, flags.format as ReportFormat, renderContext(policy, lang, wantsColor(flags.output))), flags.output)
    if (report.status === 'incomplete' && !flags['allow-incomplete']) this.exit(EXIT.incomplete)
    const failOn = flags['fail-on'] as Severity | 'none'
    if (report.status === 'fail' || (report.status === 'incomplete' && hasFailing(report, failOn))) this.exit(EXIT.findings)
    return report
  }
}

function hasFailing(report: Report, failOn: Severity | 'none'): boolean {
  if (failOn === 'none') return false
  const order = ['critical', 'high', 'medium', 'low', 'info']
  return report.findings.some((f) => !f.baseline && order.indexOf(f.severity) <= order.indexOf(failOn))
}
