import {Args, Errors, Flags} from '@oclif/core'
import {parseIsoDate} from '../inventory/dates.js'
import {LANGS, SEVERITIES} from '../model/index.js'

export const inventoryArg = Args.string({
  description: 'inventory file (YAML, SPEC §2)',
  default: './inventory.yaml',
  required: false,
})

export const policyFlag = Flags.string({description: 'policy pack (YAML); default: the inventory\'s `policy:` or the built-in tianjin-egov pack'})
export const langFlag = Flags.string({description: 'language of titles, messages and remediations', options: [...LANGS], default: 'zh-CN'})
export const outputFlag = Flags.string({char: 'o', description: 'write the report to this file instead of standard output'})

export const nowFlag = Flags.string({
  description: 'the clock for every date-based rule, ISO date or date-time (default: now)',
  parse: async (input) => {
    if (!parseIsoDate(input)) throw new Errors.CLIError(`--now: '${input}' is not an ISO date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+08:00`)
    return input
  },
})

export const failOnFlag = Flags.string({
  description: 'exit 1 when a finding is at or above this severity',
  options: [...SEVERITIES.filter((s) => s !== 'info'), 'info', 'none'],
  default: 'high',
})

export function resolveNow(text: string | undefined): Date {
  return text ? (parseIsoDate(text) as Date) : new Date()
}
