import type {Filter, FilterRule, IpFamily, SourceRef} from '../../model/index.js'
import {and, ANY, type Condition, toPacketMatch} from './condition.js'
import type {Chain, ChainRule, Table} from './ruleset.js'

/** Beyond this many flattened rules the rest of the chain decides `unknown` (RETURN copies continuations). */
export const MAX_FLAT_RULES = 20_000

/** Where traversal resumes: rule `index` of `chain`, reached through `via` (the jump lines). */
interface Frame {
  chain: Chain
  index: number
}

interface Walk {
  table: Table
  builtin: Chain
  family: IpFamily
  policy: 'permit' | 'deny'
  out: FilterRule[]
  truncated: boolean
}

const verdictOf = (p: Chain['policy']): 'permit' | 'deny' => (p === 'DROP' ? 'deny' : 'permit')

function emit(w: Walk, cond: Condition, action: FilterRule['action'], id: string, ref: SourceRef, via: SourceRef[], reason?: string): void {
  if (w.out.length >= MAX_FLAT_RULES) {
    w.truncated = true
    return
  }
  const rule: FilterRule = {id, action, match: toPacketMatch(cond, w.family), ref}
  if (via.length > 0) rule.refs = [...via]
  const why = [...(reason ? [reason] : []), ...cond.inexact]
  if (action === 'unknown' || cond.inexact.length > 0) {
    rule.action = 'unknown'
    rule.reason = why.join('; ') || 'not understood'
  }
  w.out.push(rule)
}

const ruleId = (frames: Frame[], chain: Chain, index: number): string =>
  [...frames.slice(1).reverse().map((f) => `${f.chain.name}#${f.index}`), `${chain.name}#${index + 1}`].join(' > ')

/**
 * Emit the rules of `frames[0]` from its index on, for packets in `ctx`. Packets the chain does not
 * decide fall through to whatever the caller emits next — exactly the kernel's return after a jump.
 * `frames[1..]` are the callers to resume on RETURN.
 */
function walkChain(w: Walk, frames: Frame[], ctx: Condition, via: SourceRef[]): void {
  const top = frames[0] as Frame
  for (let i = top.index; i < top.chain.rules.length && !w.truncated; i++) {
    const rule = top.chain.rules[i] as ChainRule
    const here: Frame[] = [{chain: top.chain, index: i + 1}, ...frames.slice(1)]
    const id = ruleId(frames, top.chain, i)
    for (const variant of rule.spec.variants)
      for (const term of variant) {
        const k = and(ctx, term)
        if (k !== null) applyRule(w, rule, here, k, id, via)
      }
  }
}

function applyRule(w: Walk, rule: ChainRule, here: Frame[], k: Condition, id: string, via: SourceRef[]): void {
  const t = rule.spec.target
  if (t.kind === 'continue') return
  const unknown = [...rule.spec.unknown, ...(t.kind === 'unknown' ? [t.reason] : [])]
  if (unknown.length > 0) return emit(w, k, 'unknown', id, rule.ref, via, unknown.join('; '))
  switch (t.kind) {
    case 'accept':
      return emit(w, k, 'permit', id, rule.ref, via)
    case 'drop':
    case 'reject':
      return emit(w, k, 'deny', id, rule.ref, via)
    case 'return':
      // Packets that return skip the rest of this chain: their whole continuation goes here.
      return resume(w, here.slice(1), k, [...via, rule.ref], id)
    case 'jump':
    case 'goto': {
      const callee = w.table.chains.get(t.name) as Chain
      const stack = t.kind === 'jump' ? here : here.slice(1)
      if (stack.some((f) => f.chain === callee) || callee === w.builtin) {
        return emit(w, k, 'unknown', id, rule.ref, via, `chain ${t.name} calls itself (the kernel refuses such a ruleset)`)
      }
      const inner = [...via, rule.ref]
      walkChain(w, [{chain: callee, index: 0}, ...stack], k, inner)
      // A goto chain that falls through returns to the caller's caller, not to the next rule here.
      if (t.kind === 'goto') resume(w, stack, k, inner, id)
    }
  }
}

/** Decide every packet in `k` by resuming the callers in order, ending with the built-in policy. */
function resume(w: Walk, frames: Frame[], k: Condition, via: SourceRef[], id: string): void {
  for (let n = 0; n < frames.length && !w.truncated; n++) walkChain(w, frames.slice(n), k, via)
  emit(w, k, w.policy, `${id} > policy ${w.builtin.policy ?? 'ACCEPT'}`, w.builtin.ref, via)
}

/** A built-in chain as one first-match filter, user chains inlined. */
export function flattenChain(table: Table, chainName: string, filterName: string): Filter {
  const builtin = table.chains.get(chainName) as Chain
  const w: Walk = {table, builtin, family: table.family, policy: verdictOf(builtin.policy), out: [], truncated: false}
  walkChain(w, [{chain: builtin, index: 0}], {...ANY, inexact: []}, [])
  if (w.truncated) {
    w.out.length = MAX_FLAT_RULES - 1
    w.out.push({
      id: `${chainName} (rest)`,
      action: 'unknown',
      match: toPacketMatch({inexact: []}, table.family),
      ref: builtin.ref,
      reason: `the chain flattens to more than ${MAX_FLAT_RULES} rules; the rest is not analysed`,
    })
  }
  const stateful = acceptsEveryEstablished(w.out, w.policy)
  return {
    name: filterName,
    kind: 'chain',
    family: table.family,
    rules: stateful ? withoutSessionAccept(w.out) : w.out,
    defaultAction: w.policy,
    defaultRef: builtin.ref,
    stateful,
    ref: builtin.ref,
  }
}

function unconditional(m: FilterRule['match']): boolean {
  return (
    m.src.every((a) => a.kind === 'any') &&
    m.dst.every((a) => a.kind === 'any') &&
    !m.srcNegate &&
    !m.dstNegate &&
    m.protocols === undefined &&
    m.srcPorts === undefined &&
    m.dstPorts === undefined &&
    m.icmpTypes === undefined &&
    m.inInterfaces === undefined &&
    m.outInterfaces === undefined
  )
}

/**
 * In a stateful chain the unconditional `--ctstate ESTABLISHED(,RELATED) -j ACCEPT` is what
 * `stateful: true` says (return traffic passes on its session); as a rule it would match no
 * packet of the new sessions the rules decide, and read as an empty, redundant rule.
 */
function withoutSessionAccept(rules: FilterRule[]): FilterRule[] {
  for (const [i, r] of rules.entries()) {
    if (r.match.state === 'new') continue
    if (r.action !== 'permit') return rules
    if (unconditional(r.match)) return r.match.state === 'established' ? rules.filter((_, n) => n !== i) : rules
  }
  return rules
}

/**
 * `stateful` means "return traffic passes before any rule". It holds only when no rule that can see
 * an established packet denies it or is unknown, and either an unconditional established-accept
 * comes first or the policy accepts. Otherwise the rules keep their state tests and decide
 * established packets one by one, which is exact too.
 */
function acceptsEveryEstablished(rules: FilterRule[], policy: 'permit' | 'deny'): boolean {
  for (const r of rules) {
    const m = r.match
    if (m.state === 'new') continue
    if (r.action !== 'permit') return false
    if (unconditional(m)) return true
  }
  return policy === 'permit'
}
