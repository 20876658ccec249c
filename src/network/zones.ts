import type {Zone, ZoneKind} from '../inventory/types.js'
import type {IpFamily} from '../model/index.js'
import {parsePrefix, prefixContains} from '../net/address.js'

interface ZonePrefix {
  zone: string
  address: string
  length: number
  family: IpFamily
}

/**
 * Longest-prefix attribution of addresses to zones. A catch-all prefix (`0.0.0.0/0`, `::/0`,
 * usually the Internet zone) does not claim private address space: a private subnet must be
 * declared by a zone explicitly, else it is undeclared (network-approval).
 */
export class ZoneIndex {
  private readonly prefixes: ZonePrefix[] = []
  private readonly privateRanges: {address: string; length: number; family: IpFamily}[] = []

  constructor(
    readonly zones: Map<string, Zone>,
    privateRanges: string[],
  ) {
    for (const z of zones.values()) {
      for (const p of z.prefixes) {
        const parsed = parsePrefix(p)
        if (parsed) this.prefixes.push({zone: z.id, ...parsed})
      }
    }
    this.prefixes.sort((a, b) => b.length - a.length)
    for (const r of privateRanges) {
      const parsed = parsePrefix(r)
      if (parsed) this.privateRanges.push(parsed)
    }
  }

  kindOf(zoneId: string): ZoneKind | undefined {
    return this.zones.get(zoneId)?.kind
  }

  /** Zone of an address or prefix (`10.1.2.3`, `10.1.2.3/24`, `10.0.0.0/8`); undefined when undeclared. */
  zoneOf(text: string): string | undefined {
    const p = parsePrefix(text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`)
    if (!p) return undefined
    // For an interface address the host route decides; for a route prefix the whole prefix must fit.
    for (const zp of this.prefixes) {
      if (zp.family !== p.family) continue
      if (!prefixContains(zp, p)) continue
      if (zp.length === 0 && this.isPrivate(p)) return undefined
      return zp.zone
    }
    return undefined
  }

  /** Zone of an interface address: by the host address, not the subnet. */
  zoneOfHost(address: string): string | undefined {
    const bare = address.split('/')[0] ?? address
    return this.zoneOf(bare)
  }

  /** Private ranges a catch-all zone does not claim (policy `network-approval.privateRanges`). */
  get privatePrefixes(): readonly {address: string; length: number; family: IpFamily}[] {
    return this.privateRanges
  }

  isPrivate(p: {address: string; length: number; family: IpFamily}): boolean {
    return this.privateRanges.some((r) => prefixContains(r, p))
  }

  /** Is the prefix claimed only by a catch-all zone (not declared specifically)? */
  isCatchAll(zoneId: string): boolean {
    const z = this.zones.get(zoneId)
    return !!z && z.prefixes.every((p) => p.endsWith('/0'))
  }
}
