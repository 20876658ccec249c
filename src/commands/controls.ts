import {Flags} from '@oclif/core'
import {SegauditCommand} from '../cli/base.js'
import {langFlag, policyFlag} from '../cli/flags.js'
import {CONTROL_IDS, type Lang} from '../model/index.js'
import {LABELS} from '../report/labels.js'

interface RuleRow {
  control: string
  rule: string
  severity: string
  title: string
  refs: string[]
}

export default class Controls extends SegauditCommand {
  static override summary = 'List the controls and rules of the policy with severity and the regulation articles they enforce.'
  static override flags = {policy: policyFlag, lang: langFlag, json: Flags.boolean({description: 'print JSON'})}

  async run(): Promise<RuleRow[]> {
    const {flags} = await this.parse(Controls)
    const lang = flags.lang as Lang
    const {loadPolicy} = await import('../policy/load.js')
    const {policy} = await loadPolicy(flags.policy, process.cwd())
    const rows: RuleRow[] = Object.entries(policy.rules)
      .map(([rule, r]) => ({control: r.control, rule, severity: r.severity, title: r.title[lang], refs: r.refs[lang]}))
      .sort((a, b) => CONTROL_IDS.indexOf(a.control as never) - CONTROL_IDS.indexOf(b.control as never) || a.rule.localeCompare(b.rule))
    if (flags.json) {
      this.log(JSON.stringify(rows, null, 2))
      return rows
    }
    this.log(`${policy.name[lang]} (${policy.id} v${policy.version})`)
    for (const control of CONTROL_IDS) {
      const rs = rows.filter((r) => r.control === control)
      if (!rs.length) continue
      this.log(`\n${LABELS[lang].controls[control]} (${control})`)
      for (const r of rs) this.log(`  ${r.rule.padEnd(22)} ${r.severity.padEnd(8)} ${r.title}${r.refs.length ? `  [${r.refs.join('; ')}]` : ''}`)
    }
    return rows
  }
}
