import type {NetworkModel} from '../../network/types.js'
import {parsePrefix} from '../../net/address.js'
import type {PacketSet, PacketSpace, Side} from '../packetset/index.js'

/**
 * Address sets of zones, exactly as ZoneIndex attributes single addresses: the longest declared
 * prefix decides, and a catch-all prefix (`/0`) does not claim the private ranges. One set per
 * zone and side, built once: a region of a prefix is what its longer prefixes leave over.
 */
export class ZoneAddresses {
  private readonly bySide = new Map<Side, Map<string, PacketSet>>()

  constructor(
    private readonly net: NetworkModel,
    private readonly space: PacketSpace,
  ) {}

  /** Packets whose `side` address belongs to the zone (empty for an unknown id). */
  of(zone: string, side: Side): PacketSet {
    let sets = this.bySide.get(side)
    if (!sets) {
      sets = this.build(side)
      this.bySide.set(side, sets)
    }
    return sets.get(zone) ?? this.space.empty
  }

  private build(side: Side): Map<string, PacketSet> {
    const space = this.space
    const prefixes = [...this.net.zones.values()].flatMap((z) =>
      z.prefixes.flatMap((text) => {
        const p = parsePrefix(text)
        return p ? [{zone: z.id, ...p}] : []
      }),
    )
    // Stable sort, longest first: the same order ZoneIndex tries prefixes in.
    prefixes.sort((a, b) => b.length - a.length)
    const priv = space.union(this.net.zoneIndex.privatePrefixes.map((r) => space.prefix(side, r.address, r.length)))
    const out = new Map<string, PacketSet>()
    let covered = space.empty
    for (const p of prefixes) {
      const whole = space.prefix(side, p.address, p.length)
      let region = whole.minus(covered)
      if (p.length === 0) region = region.minus(priv)
      covered = covered.union(whole)
      out.set(p.zone, (out.get(p.zone) ?? space.empty).union(region))
    }
    return out
  }
}

/** Packets whose `side` address lies in `cidr` (`10.1.2.3/24` → the /24); empty when unparsable. */
export function subnetSet(space: PacketSpace, side: Side, cidr: string): PacketSet {
  const p = parsePrefix(cidr)
  return p ? space.prefix(side, p.address, p.length) : space.empty
}

/** Packets whose `side` address is the address of `cidr` itself (host bits kept). */
export function hostSet(space: PacketSpace, side: Side, cidr: string): PacketSet {
  const p = parsePrefix(cidr.includes('/') ? cidr : `${cidr}/${cidr.includes(':') ? 128 : 32}`)
  if (!p) return space.empty
  return space.prefix(side, p.address, p.family === 4 ? 32 : 128)
}
