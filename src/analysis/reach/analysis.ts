import type {NetworkModel} from '../../network/types.js'
import {type Packet, type PacketSet, type PacketSpace, sharedPacketSpace} from '../packetset/index.js'
import {hostSet, subnetSet, ZoneAddresses} from './addresses.js'
import {readableWitness} from './witness.js'
import {FilterCache} from './applications.js'
import {buildHops, type Hop} from './hops.js'
import {type HopStep, type PathSearch, pathsFor, type ReachPath, shortestPath} from './paths.js'
import {type Presence, type Propagation, propagate} from './propagate.js'
import {buildTopology, type Topology} from './topology.js'

export type ReachVerdict = 'open' | 'blocked' | 'unknown'

export interface ReachResult {
  /** The packets asked about (new sessions). */
  query: PacketSet
  /** What arrives where its destination lives (or at the device it is addressed to). */
  reached: Presence
  verdict: ReachVerdict
  /** open: a packet that surely passes; unknown: one that may pass; blocked: a packet of the query. */
  witness?: Packet
  propagation: Propagation
}

/**
 * Reachability over one network model: topology, hops and compiled filters are built once and
 * reused for every query (a zone matrix, a thousand flows).
 */
export class ReachAnalysis {
  readonly space: PacketSpace
  readonly topology: Topology
  readonly zones: ZoneAddresses
  readonly hops: Hop[]
  private readonly leaving: Hop[][]
  private readonly entering: Hop[][]
  private readonly lives: {src: PacketSet[]; dst: PacketSet[]}
  private readonly byZone = new Map<string, ReachResult>()

  constructor(
    readonly net: NetworkModel,
    options: {space?: PacketSpace} = {},
  ) {
    const space = options.space ?? sharedPacketSpace()
    this.space = space
    this.topology = buildTopology(net)
    this.zones = new ZoneAddresses(net, space)
    const built = buildHops(this.topology, space, new FilterCache(space))
    this.hops = built.hops
    this.leaving = built.leaving
    this.entering = this.topology.segments.map(() => [])
    for (const h of this.hops) if (h.to !== 'local') this.entering[h.to.segment]?.push(h)
    this.lives = {src: this.livesOn('src'), dst: this.livesOn('dst')}
  }

  /**
   * Addresses that live on each segment: its own subnets, plus the addresses of its zones that
   * no subnet anywhere holds (the Internet beyond an uplink, parts of a zone not modelled).
   * Forwarders' own addresses are excluded: packets to them are delivered by a `local` hop, and
   * traffic a forwarder originates itself is management-plane traffic, not a zone's.
   */
  private livesOn(side: 'src' | 'dst'): PacketSet[] {
    const space = this.space
    const segs = this.topology.segments
    const subnets = segs.map((s) => space.union(s.subnets.map((c) => subnetSet(space, side, c))))
    const unconnected = space.union(subnets).complement()
    const own = space.union([...this.topology.forwarders.values()].flatMap((f) => f.own.map((a) => hostSet(space, side, a))))
    return segs.map((s, i) => {
      const zoned = space.union(s.zones.map((z) => this.zones.of(z, side)))
      return (subnets[i] as PacketSet).union(unconnected.intersect(zoned)).minus(own)
    })
  }

  /** Propagate new sessions of `query` (src and dst already constrained) from where their sources live. */
  run(query: PacketSet): ReachResult {
    const q = query.intersect(this.space.state('new'))
    const seeds = this.lives.src.map((l) => q.intersect(l))
    const propagation = propagate(this.space, seeds, this.leaving)
    return this.result(q, propagation, this.space.all)
  }

  /** Sessions from every address of zone `from` to every address of zone `to`; one propagation per source zone. */
  zoneToZone(from: string, to: string): ReachResult {
    let all = this.byZone.get(from)
    if (!all) {
      all = this.run(this.zones.of(from, 'src'))
      this.byZone.set(from, all)
    }
    return this.result(all.query.intersect(this.zones.of(to, 'dst')), all.propagation, this.zones.of(to, 'dst'))
  }

  /** Packets of one query (src, dst, service given as sets). */
  flow(src: PacketSet, dst: PacketSet, service: PacketSet = this.space.all): ReachResult {
    return this.run(src.intersect(dst).intersect(service))
  }

  private result(query: PacketSet, p: Propagation, dst: PacketSet): ReachResult {
    const space = this.space
    const parts = {surely: [] as PacketSet[], maybe: [] as PacketSet[], bare: [] as PacketSet[]}
    p.at.forEach((at, i) => {
      const l = (this.lives.dst[i] as PacketSet).intersect(dst)
      parts.surely.push(at.surely.intersect(l))
      parts.maybe.push(at.maybe.intersect(l))
      parts.bare.push(at.bare.intersect(l))
    })
    for (const d of p.delivered.values()) {
      parts.surely.push(d.surely.intersect(dst))
      parts.maybe.push(d.maybe.intersect(dst))
      parts.bare.push(d.bare.intersect(dst))
    }
    const reached = {surely: space.union(parts.surely), maybe: space.union(parts.maybe), bare: space.union(parts.bare)}
    const verdict: ReachVerdict = reached.maybe.isEmpty() ? 'blocked' : reached.surely.isEmpty() ? 'unknown' : 'open'
    // A blocked query's example is a packet that could be sent at all (its source lives somewhere).
    const placed = verdict === 'blocked' ? this.placed(query) : query
    const witness = readableWitness(verdict === 'open' ? reached.surely : verdict === 'unknown' ? reached.maybe : placed.isEmpty() ? query : placed)
    return {query, reached, verdict, ...(witness ? {witness} : {}), propagation: p}
  }

  /**
   * Packets of `set` that can be placed at all (their source lives on some segment, their
   * destination lives somewhere or is a device) and still cannot pass: the broken part of a flow.
   */
  cannotPass(set: PacketSet): PacketSet {
    const placed = this.placed(set)
    if (placed.isEmpty()) return placed
    return placed.minus(this.run(placed).reached.maybe)
  }

  /** New packets of `set` whose source lives on a segment and whose destination lives somewhere or is a device. */
  placed(set: PacketSet): PacketSet {
    this.placeable ??= this.placeableSet()
    return set.intersect(this.placeable)
  }

  private placeable?: PacketSet

  private placeableSet(): PacketSet {
    const space = this.space
    const own = space.union([...this.topology.forwarders.values()].flatMap((f) => f.own.map((a) => hostSet(space, 'dst', a))))
    return space.state('new').intersect(space.union(this.lives.src)).intersect(space.union(this.lives.dst).union(own))
  }

  /** Every path (capped) that `packet` can take, with each hop's verdict and deciding rule. */
  paths(packet: Packet, limit?: number, accept?: (step: HopStep) => boolean): ReachPath[] {
    const found = pathsFor(this.search(), packet, limit, accept)
    // The capped search may miss the open path an open verdict promises: find the shortest one.
    if (!found.some((p) => p.verdict === 'open')) {
      const open = shortestPath(this.search(), packet, (s) => s.verdict === 'permit' && (accept?.(s) ?? true))
      if (open) found.unshift(open)
    }
    return found
  }

  /** The fewest-hop path whose hops all satisfy `accept`. */
  shortest(packet: Packet, accept: (step: HopStep) => boolean): ReachPath | undefined {
    return shortestPath(this.search(), packet, accept)
  }

  private search(): PathSearch {
    return {
      segmentIds: this.topology.segments.map((s) => s.id),
      leaving: this.leaving,
      entering: this.entering,
      srcLives: (s) => this.lives.src[s] as PacketSet,
      dstLives: (s) => this.lives.dst[s] as PacketSet,
    }
  }
}

const cache = new WeakMap<NetworkModel, ReachAnalysis>()

/** One analysis per network model: the audit's controls and commands share compiled filters. */
export function reachAnalysisOf(net: NetworkModel): ReachAnalysis {
  let a = cache.get(net)
  if (!a) {
    a = new ReachAnalysis(net)
    cache.set(net, a)
  }
  return a
}
