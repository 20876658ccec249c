import type {ZoneKind} from '../inventory/types.js'
import type {NetworkModel} from '../network/types.js'
import type {Policy} from '../policy/types.js'

/** Which zones the policy says must be physically isolated from each other. */
export class PhysicalSeparation {
  constructor(
    private readonly policy: Policy,
    private readonly net: NetworkModel,
  ) {}

  private kind(z: string): ZoneKind | undefined {
    return this.net.zones.get(z)?.kind
  }

  /** Is `z` a zone that must stay physically isolated (an intranet-kind zone)? */
  isProtected(z: string): boolean {
    const k = this.kind(z)
    return this.policy.isolation.physical.some((p) => p.zone === k)
  }

  mustSeparate(z1: string, z2: string): boolean {
    const k1 = this.kind(z1)
    const k2 = this.kind(z2)
    if (!k1 || !k2) return false
    return this.policy.isolation.physical.some(
      (p) => (p.zone === k1 && p.from.includes(k2)) || (p.zone === k2 && p.from.includes(k1)),
    )
  }

  /** The first pair in `zones` that must be separated, protected zone first. */
  conflict(zones: string[]): [string, string] | undefined {
    for (const a of zones) {
      if (!this.isProtected(a)) continue
      for (const b of zones) if (a !== b && this.mustSeparate(a, b)) return [a, b]
    }
    return undefined
  }

  /** Zones in `zones` that conflict with some protected zone in `zones`. */
  foreign(zones: string[]): string[] {
    const prot = zones.filter((z) => this.isProtected(z))
    return zones.filter((z) => prot.some((p) => this.mustSeparate(p, z)))
  }
}
