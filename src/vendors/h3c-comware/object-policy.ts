/**
 * Comware 7 object policies (`object-policy ip|ipv6 NAME`, applied in a zone pair with
 * `object-policy apply ip|ipv6 NAME`). H3C Object Policy Configuration Guide: the policy "matches
 * the first packet of a traffic flow against the rules … in the order the rules were configured",
 * and the action covers the whole flow (stateful). `inspect` passes the flow to DPI: it is let
 * through at the network layer. Disabled rules take no part.
 */
import type {FilterRule, IpFamily, SourceRef} from '../../model/index.js'
import type {ObjectGroup} from './object-policy-groups.js'
import {conditionRules, emptyConditions, type RuleConditions} from './object-policy-match.js'
import type {BlockHandler, Statement} from './walker.js'

export interface PolicyRuleDraft {
  id: string
  action?: 'permit' | 'deny'
  conditions: RuleConditions
  disabled: boolean
  fromZones?: string[]
  toZones?: string[]
  ref: SourceRef
  refs: SourceRef[]
}

export interface ObjectPolicy {
  name: string
  family: IpFamily
  rules: PolicyRuleDraft[]
  ref: SourceRef
}

/** Options that log or count but never change which packets match. */
const NEUTRAL = new Set(['logging', 'counting'])
/** Conditions evaluated against run-time state (users, applications, schedules, tracked objects, VRFs). */
const DYNAMIC = new Set(['application', 'app-group', 'time-range', 'track', 'vrf', 'source-user', 'user', 'user-group'])

const ACTIONS: Record<string, 'permit' | 'deny'> = {pass: 'permit', drop: 'deny', inspect: 'permit'}

/** `rule [N] pass|drop|inspect PROFILE [source-ip G|any] [destination-ip G|any] [service G|any] …`; undefined when not a rule. */
export function objectPolicyRule(s: Statement, ref: SourceRef, next: number): {rule: PolicyRuleDraft; ok: boolean} | undefined {
  const w = s.words
  if (w[0]?.toLowerCase() !== 'rule') return undefined
  let i = 1
  const id = /^\d+$/.test(w[i] ?? '') ? (w[i++] as string) : String(next)
  const verb = w[i++]?.toLowerCase() ?? ''
  const rule: PolicyRuleDraft = {id, conditions: emptyConditions(), disabled: false, ref, refs: []}
  const c = rule.conditions
  const action = ACTIONS[verb]
  if (action === undefined) {
    c.problem = `unrecognized rule action "${verb}"`
    return {rule, ok: false}
  }
  rule.action = action
  if (verb === 'inspect') i++ // the DPI application profile
  let ok = true
  while (i < w.length) {
    const key = w[i]?.toLowerCase() ?? ''
    const arg = w[i + 1]
    if ((key === 'source-ip' || key === 'destination-ip' || key === 'service') && arg !== undefined) {
      if (arg.toLowerCase() !== 'any') (key === 'source-ip' ? c.srcGroups : key === 'destination-ip' ? c.dstGroups : c.serviceGroups).push(arg)
      i += 2
    } else if (NEUTRAL.has(key)) i++
    else if (key === 'disable') {
      rule.disabled = true
      i++
    } else if (DYNAMIC.has(key)) {
      c.problem ??= `condition "${key}" depends on run-time state`
      i += key === 'track' ? 3 : 2
    } else {
      c.problem ??= `unrecognized rule option "${key}"`
      ok = false
      break
    }
  }
  return {rule, ok}
}

/** `object-policy ip|ipv6 NAME` and its rules, in configuration order. */
export function openObjectPolicy(s: Statement, ref: (s: Statement) => SourceRef, policies: ObjectPolicy[]): BlockHandler | undefined {
  const low = s.words.map((x) => x.toLowerCase())
  if ((low[1] !== 'ip' && low[1] !== 'ipv6') || s.words[2] === undefined || s.words.length !== 3) return undefined
  const policy: ObjectPolicy = {name: s.words[2], family: low[1] === 'ipv6' ? 6 : 4, rules: [], ref: ref(s)}
  policies.push(policy)
  return {
    child: (c) => {
      const k = c.words[0]?.toLowerCase()
      if (k === 'description' || k === 'accelerate') return true
      const last = policy.rules.reduce((m, r) => Math.max(m, Number(r.id)), -1)
      const parsed = objectPolicyRule(c, ref(c), last + 1)
      if (!parsed) return false
      policy.rules.push(parsed.rule)
      return parsed.ok
    },
  }
}

/** Rules of a policy for a filter: disabled rules dropped, conditions resolved against the object groups. */
export function policyRules(drafts: PolicyRuleDraft[], groups: Map<string, ObjectGroup>, family: IpFamily, prefix = ''): FilterRule[] {
  const out: FilterRule[] = []
  for (const d of drafts) {
    if (d.disabled) continue
    const base: Omit<FilterRule, 'match'> = {id: `${prefix}${d.id}`, action: d.action ?? 'unknown', ref: d.ref}
    if (d.refs.length > 0) base.refs = d.refs
    if (d.fromZones) base.fromZones = d.fromZones
    if (d.toZones) base.toZones = d.toZones
    out.push(...conditionRules(base, d.conditions, groups, family))
  }
  return out
}

/** Rules an `object-policy apply` in a zone pair brings; an undefined policy makes the pair undecided. */
export function appliedPolicyRules(use: {name: string; family: IpFamily; ref: SourceRef}, policies: ObjectPolicy[], groups: Map<string, ObjectGroup>): FilterRule[] {
  const policy = policies.find((p) => p.name === use.name && p.family === use.family)
  if (!policy) {
    const reason = `undefined object-policy ${use.name}`
    return [{id: `${use.name}:missing`, action: 'unknown', reason, match: {src: [{kind: 'any'}], dst: [{kind: 'any'}], family: use.family}, ref: use.ref}]
  }
  return policyRules(policy.rules, groups, policy.family, `${policy.name}:`).map((r) => ({...r, refs: [...(r.refs ?? []), use.ref]}))
}
