import type {Filter, FilterRule} from '../../model/index.js'
import {FALSE} from '../packetset/bdd.js'
import {encodePacket} from '../packetset/packet.js'
import {type Packet, type PacketSet, type PacketSpace, sharedPacketSpace} from '../packetset/index.js'
import {type Decision, ruleAppliesToZones, ruleDecision, type Verdict, type ZonePair} from './decision.js'
import {packetMatchSet} from './match.js'

export interface CompileOptions {
  space?: PacketSpace
  /** The zone pair a security policy is evaluated for; without it zone-restricted rules decide `unknown`. */
  zones?: ZonePair
}

export interface CompiledRule {
  index: number
  rule: FilterRule
  /** The rule's action, or `unknown` when its zones cannot be resolved. */
  verdict: Verdict
  /** Zone-restricted rule compiled without a zone pair: it may or may not apply. */
  unresolvedZones: boolean
  /** Packets the rule matches among those the rules inspect (`scope`). */
  match: PacketSet
  /** Packets this rule decides: its match minus everything earlier rules matched. */
  decides: PacketSet
}

/** A filter as exact packet sets. permitted, denied and unknown partition every packet. */
export class CompiledFilter {
  readonly space: PacketSpace
  readonly rules: CompiledRule[] = []
  /** Packets the rules look at: the filter's family, and new sessions only when stateful. */
  readonly scope: PacketSet
  /** Return traffic a stateful filter passes on its session table (state `established`). */
  readonly session: PacketSet
  /** Packets of the other address family, which a family-specific filter does not inspect. */
  readonly otherFamily: PacketSet
  /** Packets no rule matches: the default action decides them. */
  readonly defaultDecides: PacketSet
  readonly permitted: PacketSet
  readonly denied: PacketSet
  /** Decided by rules the parser could not understand, or whose zones are unresolved: neither permitted nor denied. */
  readonly unknown: PacketSet
  /** Node of "matched by rules 0..i", for a binary search of the deciding rule. */
  private readonly covered: Int32Array

  constructor(
    readonly filter: Filter,
    options: CompileOptions = {},
  ) {
    const space = options.space ?? sharedPacketSpace()
    this.space = space
    const bdd = space.bdd
    this.otherFamily = filter.family === undefined ? space.empty : space.family(filter.family).complement()
    const inspected = space.all.minus(this.otherFamily)
    this.session = filter.stateful ? inspected.intersect(space.state('established')) : space.empty
    this.scope = inspected.minus(this.session)

    this.covered = new Int32Array(filter.rules.length)
    let covered = FALSE
    const byVerdict = {permit: FALSE, deny: FALSE, unknown: FALSE}
    filter.rules.forEach((rule, index) => {
      const applies = ruleAppliesToZones(rule, options.zones)
      const verdict = ruleDecision(rule, index, applies).verdict
      const match = applies === false ? space.empty : packetMatchSet(space, rule.match).intersect(this.scope)
      const decides = bdd.diff(match.node, covered)
      covered = bdd.or(covered, match.node)
      this.covered[index] = covered
      byVerdict[verdict] = bdd.or(byVerdict[verdict], decides)
      const unresolvedZones = applies === undefined
      this.rules.push({index, rule, verdict, unresolvedZones, match, decides: space.wrap(decides)})
    })
    this.defaultDecides = this.scope.minus(space.wrap(covered))
    const passing = this.session.union(this.otherFamily)
    const rest = filter.defaultAction === 'permit' ? 'permit' : 'deny'
    byVerdict[rest] = bdd.or(byVerdict[rest], this.defaultDecides.node)
    this.permitted = space.wrap(byVerdict.permit).union(passing)
    this.denied = space.wrap(byVerdict.deny)
    this.unknown = space.wrap(byVerdict.unknown)
  }

  /** The rule (or default, session, family rule) that decides this packet, with its source line. */
  decidingRule(packet: Packet): Decision {
    const f = this.filter
    if (this.otherFamily.contains(packet)) return {verdict: 'permit', by: 'other-family', ref: f.ref}
    if (this.session.contains(packet)) return {verdict: 'permit', by: 'session', ref: f.ref}
    // Coverage only grows with the rule index: the first index whose coverage holds the packet decides it.
    const bits = encodePacket(this.space.layout, packet)
    let lo = 0
    let hi = this.covered.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.space.bdd.evaluate(this.covered[mid] as number, bits)) hi = mid
      else lo = mid + 1
    }
    const decided = this.rules[lo]
    if (decided === undefined) return {verdict: f.defaultAction, by: 'default', ref: f.defaultRef ?? f.ref}
    return ruleDecision(decided.rule, lo, decided.unresolvedZones ? undefined : true)
  }
}

export function compileFilter(filter: Filter, options?: CompileOptions): CompiledFilter {
  return new CompiledFilter(filter, options)
}
