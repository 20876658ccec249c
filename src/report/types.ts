import type {Finding, Severity} from '../model/index.js'

export type AuditStatus = 'pass' | 'fail' | 'incomplete'

export interface CoverageEntry {
  device: string
  file: string
  vendor: string
  lines: number
  recognized: number
  unrecognized: number
}

/** The JSON report, schema `segaudit/report@1` (SPEC §4). */
export interface Report {
  schema: 'segaudit/report@1'
  tool: {name: 'segaudit'; version: string}
  inventory: string
  policy: {id: string; version: string}
  now: string
  status: AuditStatus
  summary: Record<Severity, number>
  /** With `--waivers`: how many findings a waiver in force silenced (they are not in `findings`). */
  waived?: number
  findings: Finding[]
  coverage: CoverageEntry[]
}
