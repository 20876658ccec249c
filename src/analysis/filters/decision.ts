import type {FilterRule, SourceRef} from '../../model/index.js'

/** The zone pair a security policy is evaluated for (device-local zone names). */
export interface ZonePair {
  from: string
  to: string
}

export type Verdict = 'permit' | 'deny' | 'unknown'

/**
 * Why a filter treats a packet as it does. `session`: return traffic on a stateful filter passes
 * on its session, before any rule. `other-family`: a filter of one address family does not look
 * at packets of the other. Both pass this filter; whether a session exists is the path's question.
 */
export type Decision =
  | {
      verdict: Verdict
      by: 'rule'
      index: number
      rule: FilterRule
      ref: SourceRef
      /** Set when the rule is zone-restricted and no zone pair was given: it may or may not apply. */
      unresolvedZones?: true
    }
  | {verdict: 'permit' | 'deny'; by: 'default'; ref: SourceRef}
  | {verdict: 'permit'; by: 'session' | 'other-family'; ref: SourceRef}

/** Whether a rule applies to the zone pair: `true`, `false`, or `undefined` when it cannot be told. */
export function ruleAppliesToZones(rule: FilterRule, zones: ZonePair | undefined): boolean | undefined {
  if (rule.fromZones === undefined && rule.toZones === undefined) return true
  if (zones === undefined) return undefined
  return (rule.fromZones?.includes(zones.from) ?? true) && (rule.toZones?.includes(zones.to) ?? true)
}

/** The decision a matching rule makes, zone uncertainty included (fail closed: unknown, never deny). */
export function ruleDecision(rule: FilterRule, index: number, applies: boolean | undefined): Decision {
  if (applies === undefined) return {verdict: 'unknown', by: 'rule', index, rule, ref: rule.ref, unresolvedZones: true}
  return {verdict: rule.action, by: 'rule', index, rule, ref: rule.ref}
}
