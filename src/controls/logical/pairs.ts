import type {NetworkModel} from '../../network/types.js'
import type {Policy} from '../../policy/types.js'

/** Ordered zone pairs the policy isolates logically: each kind pair, both directions, every zone of those kinds. */
export function isolatedPairs(policy: Policy, net: NetworkModel): [string, string][] {
  const zones = [...net.zones.values()]
  const seen = new Set<string>()
  const out: [string, string][] = []
  for (const [k1, k2] of policy.isolation.logical) {
    for (const [ka, kb] of [
      [k1, k2],
      [k2, k1],
    ] as const) {
      for (const a of zones.filter((z) => z.kind === ka))
        for (const b of zones.filter((z) => z.kind === kb)) {
          const key = `${a.id}>${b.id}`
          if (a.id === b.id || seen.has(key)) continue
          seen.add(key)
          out.push([a.id, b.id])
        }
    }
  }
  return out
}
