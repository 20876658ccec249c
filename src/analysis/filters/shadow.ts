import type {Filter, FilterRule} from '../../model/index.js'
import {type CompiledFilter, type CompileOptions, compileFilter} from './compile.js'
import {ruleAppliesToZones, type ZonePair} from './decision.js'

/**
 * A rule that can never decide a packet. `conflict`: some of the packets it matches are decided
 * by earlier rules with a different action, so it does not do what it says. `redundant`: the
 * earlier rules that decide its packets all have its action; removing it changes nothing.
 * `empty`: it matches no packet the filter inspects (contradictory match, other family, an
 * established-only rule on a stateful filter, or zones that never occur).
 */
export interface ShadowedRule {
  index: number
  rule: FilterRule
  kind: 'conflict' | 'redundant' | 'empty'
  /** Earlier rules that together decide every packet this rule matches, in rule order. */
  by: {index: number; rule: FilterRule}[]
}

/** A zone name no rule mentions: it stands for every such zone. */
const OTHER_ZONE = '\u0000other-zone'

/**
 * Zone pairs to compile for: the one given, or every pair of zones the rules name plus a zone
 * none names. Zones the rules do not name behave alike, so these pairs cover every case.
 */
function zonePairs(filter: Filter, zones: ZonePair | undefined): (ZonePair | undefined)[] {
  if (zones !== undefined) return [zones]
  const named = new Set<string>()
  for (const r of filter.rules) for (const z of [...(r.fromZones ?? []), ...(r.toZones ?? [])]) named.add(z)
  if (!filter.rules.some((r) => r.fromZones !== undefined || r.toZones !== undefined)) return [undefined]
  const all = [...named, OTHER_ZONE]
  return all.flatMap((from) => all.map((to) => ({from, to})))
}

/**
 * Rules whose packets earlier rules always decide first — exact, so several earlier rules that
 * only together cover a rule count too. Without `zones`, a rule is shadowed only when it is
 * shadowed for every zone pair it applies to.
 */
export function shadowedRules(filter: Filter, options: CompileOptions = {}): ShadowedRule[] {
  const pairs = zonePairs(filter, options.zones)
  const compiled: {zones: ZonePair | undefined; filter: CompiledFilter}[] = pairs.map((zones) => ({
    zones,
    filter: compileFilter(filter, {...options, zones}),
  }))
  const found: ShadowedRule[] = []
  filter.rules.forEach((rule, index) => {
    let matchesSomething = false
    let decidesSomething = false
    const deciders = new Set<number>()
    for (const {zones, filter: c} of compiled) {
      if (ruleAppliesToZones(rule, zones) === false) continue
      if (c.decidesAnything(index)) {
        decidesSomething = true
        break
      }
      // In the scratch store: shadowing every filter of a network would otherwise leave a
      // match set per rule in the space.
      const coverage = c.coverage(index)
      if (!coverage.matches) continue
      matchesSomething = true
      for (const earlier of coverage.deciders) deciders.add(earlier)
    }
    if (decidesSomething) return
    const by = [...deciders].sort((a, b) => a - b).map((i) => ({index: i, rule: filter.rules[i] as FilterRule}))
    const kind = !matchesSomething ? 'empty' : by.some((b) => b.rule.action !== rule.action) ? 'conflict' : 'redundant'
    found.push({index, rule, kind, by})
  })
  return found
}
