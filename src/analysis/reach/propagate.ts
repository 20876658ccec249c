import type {PacketSet, PacketSpace} from '../packetset/index.js'
import type {Hop} from './hops.js'

/** Packets on one segment, or delivered somewhere, by how sure the analysis is. */
export interface Presence {
  /** Some path passes them and every check on it permits. */
  surely: PacketSet
  /** Some path passes them unless an undecided check denies: a superset of `surely`. */
  maybe: PacketSet
  /** Some path with no filtering device at all passes them: a subset of `surely`. */
  bare: PacketSet
}

export interface Propagation {
  /** Per segment index. */
  at: Presence[]
  /** Per hop index: packets delivered to the device itself on that hop. */
  delivered: Map<number, Presence>
}

/**
 * The may-reach fixpoint. Sets only grow and the lattice of packet sets per segment is finite,
 * so the worklist ends; each packet travels unchanged (no NAT), so a union per segment is exact
 * for "some path passes it".
 */
export function propagate(space: PacketSpace, seeds: PacketSet[], leaving: Hop[][]): Propagation {
  const bdd = space.bdd
  const surely = seeds.map((s) => s.node)
  const maybe = [...surely]
  const bare = [...surely]
  const delivered = new Map<number, {surely: number; maybe: number; bare: number}>()
  const queued = new Uint8Array(seeds.length)
  const work: number[] = []
  seeds.forEach((s, i) => {
    if (!s.isEmpty()) {
      work.push(i)
      queued[i] = 1
    }
  })
  while (work.length > 0) {
    const s = work.pop() as number
    queued[s] = 0
    const sS = surely[s] as number
    const sM = maybe[s] as number
    const sB = bare[s] as number
    for (const hop of leaving[s] ?? []) {
      const m = bdd.and(sM, hop.maybe.node)
      if (m === 0) continue
      const p = bdd.and(sS, hop.pass.node)
      const b = hop.filtered ? 0 : bdd.and(sB, hop.maybe.node)
      if (hop.to === 'local') {
        const d = delivered.get(hop.index) ?? {surely: 0, maybe: 0, bare: 0}
        delivered.set(hop.index, {surely: bdd.or(d.surely, p), maybe: bdd.or(d.maybe, m), bare: bdd.or(d.bare, b)})
        continue
      }
      const t = hop.to.segment
      const nM = bdd.or(maybe[t] as number, m)
      const nS = bdd.or(surely[t] as number, p)
      const nB = bdd.or(bare[t] as number, b)
      if (nM === maybe[t] && nS === surely[t] && nB === bare[t]) continue
      maybe[t] = nM
      surely[t] = nS
      bare[t] = nB
      if (!queued[t]) {
        queued[t] = 1
        work.push(t)
      }
    }
  }
  const wrap = (x: {surely: number; maybe: number; bare: number}): Presence => ({
    surely: space.wrap(x.surely),
    maybe: space.wrap(x.maybe),
    bare: space.wrap(x.bare),
  })
  return {
    at: surely.map((_, i) => wrap({surely: surely[i] as number, maybe: maybe[i] as number, bare: bare[i] as number})),
    delivered: new Map([...delivered].map(([k, v]) => [k, wrap(v)])),
  }
}
