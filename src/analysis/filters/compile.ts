import type {Filter, FilterRule} from '../../model/index.js'
import {FALSE} from '../packetset/bdd.js'
import {firstMatchAll, label, select, terminalsWithin} from '../packetset/decision-diagram.js'
import {encodePacket} from '../packetset/packet.js'
import {type Packet, type PacketSet, type PacketSpace, sharedPacketSpace} from '../packetset/index.js'
import {type Decision, ruleAppliesToZones, ruleDecision, type Verdict, type ZonePair} from './decision.js'
import {packetMatchSet} from './match.js'

export interface CompileOptions {
  space?: PacketSpace
  /** The zone pair a security policy is evaluated for; without it zone-restricted rules decide `unknown`. */
  zones?: ZonePair
}

/** One rule of a compiled filter; its packet sets are computed when first asked for. */
export class CompiledRule {
  private matchSet: PacketSet | undefined
  private decidesSet: PacketSet | undefined

  constructor(
    private readonly owner: CompiledFilter,
    readonly index: number,
    readonly rule: FilterRule,
    /** The rule's action, or `unknown` when its zones cannot be resolved. */
    readonly verdict: Verdict,
    /** Zone-restricted rule compiled without a zone pair: it may or may not apply. */
    readonly unresolvedZones: boolean,
    private readonly rawMatch: PacketSet,
  ) {}

  /** Packets the rule matches among those the rules inspect (`scope`). */
  get match(): PacketSet {
    this.matchSet ??= this.rawMatch.intersect(this.owner.scope)
    return this.matchSet
  }

  /** Packets this rule decides: its match minus everything earlier rules matched. */
  get decides(): PacketSet {
    this.decidesSet ??= this.owner.decidedBy(this.index)
    return this.decidesSet
  }
}

/**
 * A filter as one decision diagram whose leaves are its rules (plus the session and other-family
 * pass-throughs); FALSE is "no rule matched", the default. permitted, denied and unknown
 * partition every packet.
 */
export class CompiledFilter {
  readonly space: PacketSpace
  readonly rules: CompiledRule[] = []
  /** Packets the rules look at: the filter's family, and new sessions only when stateful. */
  readonly scope: PacketSet
  /** Return traffic a stateful filter passes on its session table (state `established`). */
  readonly session: PacketSet
  /** Packets of the other address family, which a family-specific filter does not inspect. */
  readonly otherFamily: PacketSet
  /** The decision diagram: a walk from it to a leaf finds the deciding rule. */
  private readonly diagram: number
  /** Leaf node of each rule, then of other-family and session. */
  private readonly leaves: number[]
  private present: Set<number> | undefined
  /** Verdict sets, built when first asked for: most callers need one or two of them. */
  private readonly verdictSets = new Map<Verdict | 'default', PacketSet>()

  constructor(
    readonly filter: Filter,
    options: CompileOptions = {},
  ) {
    const space = options.space ?? sharedPacketSpace()
    this.space = space
    const bdd = space.bdd
    const n = filter.rules.length
    this.otherFamily = filter.family === undefined ? space.empty : space.family(filter.family).complement()
    const inspected = space.all.minus(this.otherFamily)
    this.session = filter.stateful ? inspected.intersect(space.state('established')) : space.empty
    this.scope = inspected.minus(this.session)
    this.leaves = Array.from({length: n + 2}, (_, i) => bdd.leaf(i))

    const diagrams = [label(bdd, this.otherFamily.node, this.leaves[n] as number), label(bdd, this.session.node, this.leaves[n + 1] as number)]
    filter.rules.forEach((rule, index) => {
      const applies = ruleAppliesToZones(rule, options.zones)
      const verdict = ruleDecision(rule, index, applies).verdict
      const match = applies === false ? space.empty : packetMatchSet(space, rule.match)
      this.rules.push(new CompiledRule(this, index, rule, verdict, applies === undefined, match))
      diagrams.push(label(bdd, match.node, this.leaves[index] as number))
    })
    this.diagram = firstMatchAll(bdd, diagrams)
  }

  get permitted(): PacketSet {
    return this.verdictSet('permit')
  }

  get denied(): PacketSet {
    return this.verdictSet('deny')
  }

  /** Decided by rules the parser could not understand, or whose zones are unresolved: neither permitted nor denied. */
  get unknown(): PacketSet {
    return this.verdictSet('unknown')
  }

  /** Packets no rule matches: the default action decides them. */
  get defaultDecides(): PacketSet {
    return this.verdictSet('default')
  }

  private verdictSet(which: Verdict | 'default'): PacketSet {
    let set = this.verdictSets.get(which)
    if (set === undefined) {
      const bdd = this.space.bdd
      const verdictOf = (terminal: number): Verdict | 'default' => {
        if (terminal === FALSE) return which === 'default' ? 'default' : this.filter.defaultAction
        return this.rules[bdd.leafValue(terminal)]?.verdict ?? 'permit'
      }
      set = this.space.wrap(select(bdd, this.diagram, (t) => verdictOf(t) === which))
      this.verdictSets.set(which, set)
    }
    return set
  }

  /** The rule (or default, session, family rule) that decides this packet, with its source line. */
  decidingRule(packet: Packet): Decision {
    const f = this.filter
    const terminal = this.space.bdd.terminalOf(this.diagram, encodePacket(this.space.layout, packet))
    if (terminal === FALSE) return {verdict: f.defaultAction, by: 'default', ref: f.defaultRef ?? f.ref}
    const index = this.space.bdd.leafValue(terminal)
    const decided = this.rules[index]
    if (decided === undefined) return {verdict: 'permit', by: index === this.rules.length ? 'other-family' : 'session', ref: f.ref}
    return ruleDecision(decided.rule, index, decided.unresolvedZones ? undefined : true)
  }

  /** Does rule `index` decide at least one packet? One walk of the diagram answers it for all rules. */
  decidesAnything(index: number): boolean {
    this.present ??= terminalsWithin(this.space.bdd, this.diagram)
    return this.present.has(this.leaves[index] as number)
  }

  /** Indexes of the rules that decide some packet of `set`, in rule order. */
  decidersOf(set: PacketSet): number[] {
    const bdd = this.space.bdd
    return [...terminalsWithin(bdd, this.diagram, set.node)]
      .filter((t) => t !== FALSE && bdd.leafValue(t) < this.rules.length)
      .map((t) => bdd.leafValue(t))
      .sort((a, b) => a - b)
  }

  /** Packets rule `index` decides. */
  decidedBy(index: number): PacketSet {
    const leaf = this.leaves[index]
    return this.space.wrap(select(this.space.bdd, this.diagram, (t) => t === leaf))
  }
}

export function compileFilter(filter: Filter, options?: CompileOptions): CompiledFilter {
  return new CompiledFilter(filter, options)
}
