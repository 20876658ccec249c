import type {PacketSet} from '../../analysis/packetset/index.js'
import type {Hop, ReachAnalysis, ReachResult} from '../../analysis/reach/index.js'

/** A hop where traffic of one zone pair arrives, and what arrives there. */
export interface Crossing {
  hop: Hop
  /** Pair packets that may arrive at the hop. */
  maybe: PacketSet
  /** Pair packets that surely arrive at the hop. */
  surely: PacketSet
}

/**
 * Hops that traffic of the pair may arrive at: every filter there stands between the two zones
 * (whether it is the last one before the other zone or not), so its defaults and hygiene count.
 */
export function boundaryCrossings(a: ReachAnalysis, r: ReachResult): Crossing[] {
  const out: Crossing[] = []
  for (const hop of a.hops) {
    const at = r.propagation.at[hop.from.segment]
    if (!at) continue
    const maybe = at.maybe.intersect(r.query)
    if (!maybe.overlaps(hop.scope)) continue
    out.push({hop, maybe, surely: at.surely.intersect(r.query)})
  }
  return out
}
