import type {ControlId, I18nText, Severity} from '../model/index.js'
import type {ZoneKind} from '../inventory/types.js'

/** Texts and severity of one rule, from the policy pack. */
export interface PolicyRule {
  control: ControlId
  severity: Severity
  refs: Record<'zh-CN' | 'en', string[]>
  title: I18nText
  remediation: I18nText
}

export interface PhysicalIsolationPolicy {
  /** A zone of kind `zone` may share nothing physical with zones of the kinds in `from`. */
  zone: ZoneKind
  from: ZoneKind[]
}

export interface Policy {
  id: string
  version: string
  name: I18nText
  isolation: {
    physical: PhysicalIsolationPolicy[]
    /** Do approved isolation gateways (one-way import devices) make an intranet connection legal? */
    allowIsolationGateways: boolean
    /** Zone-kind pairs that must be logically isolated (both directions). */
    logical: [ZoneKind, ZoneKind][]
  }
  /** Per-control parameters (ages, periods…); each control validates its own section. */
  parameters: Record<string, Record<string, unknown>>
  rules: Record<string, PolicyRule>
}

export interface LoadedPolicy {
  policy: Policy
  /** Path of the pack (or `builtin:tianjin-egov`). */
  file: string
}
