import type {Filter, FilterRule} from '../../model/index.js'
import {FALSE} from '../packetset/bdd.js'
import {firstMatchAll, label} from '../packetset/decision-diagram.js'
import {FrozenDiagram, NOBODY} from '../packetset/frozen-diagram.js'
import {encodePacket} from '../packetset/packet.js'
import {type Packet, type PacketSet, type PacketSpace, sharedPacketSpace} from '../packetset/index.js'
import {type Decision, ruleAppliesToZones, ruleDecision, type Verdict, type ZonePair} from './decision.js'
import {coreKey, type FilterCore, internedCore} from './intern.js'
import {packetMatchNode, packetMatchSet} from './match.js'
import {failClosedOnInterfaces} from '../../model/interface-binding.js'

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
    /** False when the zone pair excludes the rule: it then matches nothing. */
    readonly applies: boolean,
  ) {}

  /** Packets the rule matches among those the rules inspect (`scope`). Built in the space on demand. */
  get match(): PacketSet {
    const space = this.owner.space
    this.matchSet ??= this.applies ? packetMatchSet(space, this.rule.match).intersect(this.owner.scope) : space.empty
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
  /**
   * The decision diagram (built in the space's scratch store and copied out: its leaves are rule
   * indexes, then other-family and session; NOBODY is the default) and the sets built from it on
   * first use. The space keeps only the sets asked for, so memory follows results, not
   * intermediates. Shared with every compiled filter of the same rules (see intern.ts).
   */
  private readonly core: FilterCore

  constructor(
    readonly filter: Filter,
    options: CompileOptions = {},
  ) {
    const space = options.space ?? sharedPacketSpace()
    this.space = space
    this.otherFamily = filter.family === undefined ? space.empty : space.family(filter.family).complement()
    const inspected = space.all.minus(this.otherFamily)
    this.session = filter.stateful ? inspected.intersect(space.state('established')) : space.empty
    this.scope = inspected.minus(this.session)

    const applies = filter.rules.map((rule) => ruleAppliesToZones(rule, options.zones))
    filter.rules.forEach((rule, index) => {
      const a = applies[index]
      this.rules.push(new CompiledRule(this, index, rule, ruleDecision(rule, index, a).verdict, a === undefined, a !== false))
    })
    this.core = internedCore(space, coreKey(filter, applies), () => ({
      diagram: buildDiagram(space, filter, applies),
      verdictSets: new Map(),
      decided: new Map(),
    }))
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
    let set = this.core.verdictSets.get(which)
    if (set === undefined) {
      const verdictOf = (outcome: number): Verdict | 'default' => {
        if (outcome === NOBODY) return which === 'default' ? 'default' : this.filter.defaultAction
        return this.rules[outcome]?.verdict ?? 'permit'
      }
      set = this.space.wrap(this.core.diagram.select(this.space.bdd, (o) => verdictOf(o) === which))
      this.core.verdictSets.set(which, set)
    }
    return set
  }

  /** The rule (or default, session, family rule) that decides this packet, with its source line. */
  decidingRule(packet: Packet): Decision {
    const f = this.filter
    const index = this.core.diagram.outcomeOf(encodePacket(this.space.layout, packet))
    if (index === NOBODY) return {verdict: f.defaultAction, by: 'default', ref: f.defaultRef ?? f.ref}
    const decided = this.rules[index]
    if (decided === undefined) return {verdict: 'permit', by: index === this.rules.length ? 'other-family' : 'session', ref: f.ref}
    return ruleDecision(decided.rule, index, decided.unresolvedZones ? undefined : true)
  }

  /** Does rule `index` decide at least one packet? One walk of the diagram answers it for all rules. */
  decidesAnything(index: number): boolean {
    this.core.present ??= this.core.diagram.outcomes()
    return this.core.present.has(index)
  }

  /** Indexes of the rules that decide some packet of `set`, in rule order. */
  decidersOf(set: PacketSet): number[] {
    if (set.space !== this.space) throw new Error('packet set from another packet space')
    return [...this.core.diagram.outcomesWithin(this.space.bdd, set.node)].filter((o) => o >= 0 && o < this.rules.length).sort((a, b) => a - b)
  }

  /**
   * Whether rule `index` matches a packet the filter inspects, and the rules that decide those
   * packets, as `rules[index].match` and `decidersOf` would say — but worked out in the scratch
   * store, so shadow analysis leaves no per-rule sets in the space.
   */
  coverage(index: number): {matches: boolean; deciders: number[]} {
    const own = this.rules[index]
    if (own === undefined || !own.applies) return {matches: false, deciders: []}
    const scratch = this.space.scratch()
    const bdd = scratch.bdd
    const otherFamily = this.filter.family === undefined ? FALSE : bdd.not(scratch.family(this.filter.family))
    const session = this.filter.stateful ? bdd.diff(scratch.state('established'), otherFamily) : FALSE
    const match = bdd.diff(bdd.diff(packetMatchNode(scratch, own.rule.match), otherFamily), session)
    if (match === FALSE) return {matches: false, deciders: []}
    const deciders = [...this.core.diagram.outcomesWithin(bdd, match)].filter((o) => o >= 0 && o < this.rules.length)
    return {matches: true, deciders: deciders.sort((a, b) => a - b)}
  }

  /** Packets rule `index` decides. */
  decidedBy(index: number): PacketSet {
    let set = this.core.decided.get(index)
    if (set === undefined) {
      set = this.space.wrap(this.core.diagram.select(this.space.bdd, (o) => o === index))
      this.core.decided.set(index, set)
    }
    return set
  }
}

/**
 * The filter's decision diagram, built in the scratch store: each rule's match labelled with its
 * leaf, after the other-family and session pass-throughs, merged first-match in a balanced tree.
 */
function buildDiagram(space: PacketSpace, filter: Filter, applies: readonly (boolean | undefined)[]): FrozenDiagram {
  const n = filter.rules.length
  const scratch = space.scratch()
  const bdd = scratch.bdd
  const otherFamily = filter.family === undefined ? FALSE : bdd.not(scratch.family(filter.family))
  const session = filter.stateful ? bdd.diff(scratch.state('established'), otherFamily) : FALSE
  const diagrams = [label(bdd, otherFamily, bdd.leaf(n)), label(bdd, session, bdd.leaf(n + 1))]
  filter.rules.forEach((rule, index) => {
    if (applies[index] !== false) diagrams.push(packetMatchNode(scratch, rule.match, bdd.leaf(index)))
  })
  return FrozenDiagram.of(bdd, firstMatchAll(bdd, diagrams))
}

export function compileFilter(filter: Filter, options?: CompileOptions): CompiledFilter {
  // Interface tests the caller did not bind to a hop decide nothing: fail closed.
  return new CompiledFilter(failClosedOnInterfaces(filter), options)
}
