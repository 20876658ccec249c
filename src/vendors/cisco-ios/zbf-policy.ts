import type {Filter, FilterRule, SourceRef} from '../../model/index.js'
import type {IosContext} from './context.js'
import {classMatch} from './zbf-classes.js'
import {ANY_MATCH, returnMatch} from './zbf-match.js'
import type {InspectPolicy, PolicyClass} from './zbf-types.js'

/** A policy-map as ordered rules of one zone pair, with the sessions its `inspect` classes open. */
export interface PairPolicy {
  rules: FilterRule[]
  /** Return traffic of inspected sessions (addresses and ports swapped, established). */
  returns: FilterRule[]
  defaultAction: 'permit' | 'deny'
  defaultRef: SourceRef
  /** Some class inspects: sessions (and their return traffic) exist. */
  inspects: boolean
}

/** Why a class's verdict cannot be told, if it cannot. */
function problemOf(pc: PolicyClass, classReason: string | undefined): string | undefined {
  return pc.problem ?? classReason ?? (pc.action === undefined ? `class ${pc.className} has no action` : undefined)
}

function classRules(ctx: IosContext, pc: PolicyClass, acls: Map<string, Filter[]>, out: PairPolicy): void {
  const cm = classMatch(ctx, pc.className, acls)
  const reason = problemOf(pc, cm.reason)
  const kind = pc.action?.kind
  const action: FilterRule['action'] = reason !== undefined ? 'unknown' : kind === 'drop' ? 'deny' : 'permit'
  const refs = [...(pc.action ? [ctx.ref(pc.action.line)] : []), ...cm.refs]
  // An undecided class may still inspect: its return traffic is undecided too (fail closed).
  const opensSessions = kind === 'inspect' || (reason !== undefined && kind !== 'drop' && kind !== 'pass')
  cm.matches.forEach((match, k) => {
    const id = cm.matches.length > 1 ? `${pc.className}/${k + 1}` : pc.className
    const rule: FilterRule = {id, action, match, ref: ctx.ref(pc.line), refs}
    if (reason !== undefined) rule.reason = reason
    out.rules.push(rule)
    if (opensSessions) out.returns.push({...rule, id: `${id}:return`, match: returnMatch(match)})
  })
  if (kind === 'inspect') out.inspects = true
}

/**
 * Classes in order (first match), then class-default, whose action is drop unless written
 * otherwise ("class class-default … drop" is the implicit default of every inspect policy-map).
 */
export function pairPolicy(ctx: IosContext, policy: InspectPolicy, acls: Map<string, Filter[]>): PairPolicy {
  const out: PairPolicy = {rules: [], returns: [], defaultAction: 'deny', defaultRef: ctx.ref(policy.header), inspects: false}
  for (const pc of policy.classes) classRules(ctx, pc, acls, out)
  const cd = policy.classDefault
  if (!cd) return out
  out.defaultRef = ctx.ref(cd.action?.line ?? cd.line)
  if (cd.problem !== undefined) {
    out.rules.push({id: 'class-default', action: 'unknown', match: ANY_MATCH, ref: ctx.ref(cd.line), reason: cd.problem})
    if (cd.action?.kind !== 'drop' && cd.action?.kind !== 'pass') out.returns.push({id: 'class-default:return', action: 'unknown', match: returnMatch(ANY_MATCH), ref: ctx.ref(cd.line), reason: cd.problem})
    return out
  }
  if (cd.action?.kind === 'pass' || cd.action?.kind === 'inspect') out.defaultAction = 'permit'
  if (cd.action?.kind === 'inspect') {
    out.inspects = true
    out.returns.push({id: 'class-default:return', action: 'permit', match: returnMatch(ANY_MATCH), ref: ctx.ref(cd.line)})
  }
  return out
}

/** The policy of a zone pair whose `service-policy` names no inspect policy-map: nothing can be told. */
export function undefinedPolicy(name: string, ref: SourceRef): PairPolicy {
  const reason = `undefined inspect policy-map ${name}`
  const rule: FilterRule = {id: name, action: 'unknown', match: ANY_MATCH, ref, reason}
  return {rules: [rule], returns: [{...rule, id: `${name}:return`, match: returnMatch(ANY_MATCH)}], defaultAction: 'deny', defaultRef: ref, inspects: false}
}
