import type {PacketSet, PacketSpace} from '../packetset/index.js'
import {hostSet} from './addresses.js'
import {type Application, applicationsFor, type FilterCache} from './applications.js'
import type {Forwarder, Port, Topology} from './topology.js'

/** One crossing of a forwarder: in at `from`, out at `to` (or delivered to the device itself). */
export interface Hop {
  index: number
  forwarder: Forwarder
  from: Port
  to: Port | 'local'
  apps: Application[]
  /** Packets every check permits: they surely cross. */
  pass: PacketSet
  /** Packets no check denies: they may cross (permitted or undecided). */
  maybe: PacketSet
  /** The packets this hop is about: those addressed to the device (`local`) or all others (transit). */
  scope: PacketSet
  /** Whether any check stands on this hop at all. */
  filtered: boolean
}

function passSets(space: PacketSpace, apps: Application[]): {pass: PacketSet; maybe: PacketSet} {
  let pass = space.all
  let maybe = space.all
  for (const a of apps) {
    if (a.kind === 'fixed') {
      if (a.verdict !== 'permit') pass = space.empty
      if (a.verdict === 'deny') maybe = space.empty
      continue
    }
    const untouched = a.guards ? a.guards.complement() : space.empty
    pass = pass.intersect(a.compiled.permitted.union(untouched))
    if (!a.surelyOnly) maybe = maybe.intersect(a.compiled.permitted.union(a.compiled.unknown).union(untouched))
  }
  return {pass, maybe}
}

/** Every hop of the topology, grouped by the segment they leave. Filters compile once, here. */
export function buildHops(topo: Topology, space: PacketSpace, cache: FilterCache): {hops: Hop[]; leaving: Hop[][]} {
  const hops: Hop[] = []
  const leaving: Hop[][] = topo.segments.map(() => [])
  for (const fw of topo.forwarders.values()) {
    const own = space.union(fw.own.map((a) => hostSet(space, 'dst', a)))
    for (const from of fw.ports) {
      const targets: (Port | 'local')[] = [...fw.ports.filter((p) => p !== from), 'local']
      for (const to of targets) {
        const apps = applicationsFor(fw, from, to, cache)
        const sets = passSets(space, apps)
        // A packet addressed to the device is delivered there, never forwarded; only those reach `local`.
        const scope = to === 'local' ? own : own.complement()
        const hop: Hop = {
          index: hops.length,
          forwarder: fw,
          from,
          to,
          apps,
          pass: sets.pass.intersect(scope),
          maybe: sets.maybe.intersect(scope),
          scope,
          filtered: apps.some((a) => !(a.kind === 'filter' && (a.surelyOnly || a.guards))),
        }
        hops.push(hop)
        leaving[from.segment]?.push(hop)
      }
    }
  }
  return {hops, leaving}
}
