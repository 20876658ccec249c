import type {SourceRef} from './source.js'

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

export const CONTROL_IDS = [
  'physical-isolation',
  'logical-isolation',
  'backup',
  'tiered-access',
  'emergency-plan',
  'network-approval',
  'device-hardening',
  'input-coverage',
  // Not a regulation control: reports on the waivers file itself (expired or unmatched waivers).
  'waivers',
] as const
export type ControlId = (typeof CONTROL_IDS)[number]

export const LANGS = ['zh-CN', 'en'] as const
export type Lang = (typeof LANGS)[number]
export type I18nText = Record<Lang, string>

export interface Evidence {
  file: string
  line: number
  text: string
}

/** A finding as a control reports it, before policy texts, severity and fingerprint are applied. */
export interface FindingDraft {
  rule: string
  /** Stable identity of what is wrong, independent of line numbers (e.g. `vlan:20`, `link:a/x~b/y`). */
  subject: string
  message: I18nText
  device?: string
  zones?: string[]
  location?: SourceRef
  evidence?: SourceRef[]
  /** Logical isolation: the concrete packet that proves a flow passes. */
  witness?: Record<string, string | number>
  /** Overrides the policy severity (e.g. a rule with variable severity). */
  severity?: Severity
}

/** A finding as reported (SPEC §4). */
export interface Finding {
  fingerprint: string
  control: ControlId
  rule: string
  severity: Severity
  title: string
  message: string
  device?: string
  zones?: string[]
  location?: {file: string; line: number}
  evidence: Evidence[]
  refs: string[]
  remediation: string
  witness?: Record<string, string | number>
  /** In the `--baseline` report already: shown, but not counted toward the exit code. */
  baseline?: boolean
}
