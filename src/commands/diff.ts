import {Args, Flags} from '@oclif/core'
import {EXIT, SegauditCommand} from '../cli/base.js'
import {failOnFlag, langFlag, nowFlag, outputFlag, policyFlag, resolveNow} from '../cli/flags.js'
import {emit, wantsColor} from '../cli/output.js'
import type {DiffReport} from '../diff/types.js'
import type {Lang, Severity} from '../model/index.js'
import {DIFF_FORMATS, type DiffFormat, renderDiff} from '../report/diff/render.js'

const snapshot = (description: string) => Args.string({description, required: true})

export default class Diff extends SegauditCommand {
  static override summary = 'Validate a change before deployment: findings added and removed, zone-to-zone flows opened and closed.'
  static override description = `BEFORE and AFTER are each an inventory file or a folder holding inventory.yaml. Both are audited with the same --policy, --now and --lang; findings are matched by fingerprint.
Exit codes: 0 the change adds nothing at or above --fail-on; 1 it does; 2 usage or input error; 3 AFTER is incomplete (unreadable config, unknown vendor, unrecognized lines) unless --allow-incomplete.`
  static override examples = [
    '<%= config.bin %> diff inventories/sample-city inventories/sample-city-violations --now 2026-11-21',
    '<%= config.bin %> diff main/inventory.yaml change/inventory.yaml --format markdown --output diff.md',
  ]
  static override args = {before: snapshot('the network before the change'), after: snapshot('the network after the change')}
  static override flags = {
    policy: policyFlag,
    format: Flags.string({char: 'f', description: 'report format', options: [...DIFF_FORMATS], default: 'text'}),
    output: outputFlag,
    'fail-on': failOnFlag,
    now: nowFlag,
    lang: langFlag,
    'allow-incomplete': Flags.boolean({description: 'exit by the added findings even when AFTER could not be fully read or understood'}),
  }

  async run(): Promise<DiffReport> {
    const {args, flags} = await this.parse(Diff)
    const lang = flags.lang as Lang
    const {addsFailing, runDiff} = await import('../diff/run.js')
    const report = await runDiff({
      before: args.before,
      after: args.after,
      ...(flags.policy ? {policy: flags.policy} : {}),
      now: resolveNow(flags.now),
      lang,
      failOn: flags['fail-on'] as Severity | 'none',
    })
    await emit(renderDiff(report, flags.format as DiffFormat, lang, wantsColor(flags.output)), flags.output)
    if (report.status === 'incomplete' && !flags['allow-incomplete']) this.exit(EXIT.incomplete)
    if (addsFailing(report)) this.exit(EXIT.findings)
    return report
  }
}
