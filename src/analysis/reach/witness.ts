import type {Packet, PacketSet} from '../packetset/index.js'

/**
 * A member that reads like real traffic: where the set allows, a non-zero destination port and
 * addresses that are neither in 0.0.0.0/8 nor a network address (last octet 0). Each preference
 * applies only if the set keeps a member, so this is still a member of the set.
 */
export function readableWitness(set: PacketSet): Packet | undefined {
  const space = set.space
  const prefs = [
    space.ports('dst', [{from: 1, to: 65535}]).union(space.protocols([6, 17, 132]).complement()),
    space.prefix('src', '0.0.0.0', 8).complement(),
    space.prefix('dst', '0.0.0.0', 8).complement(),
    space.wildcard('src', '0.0.0.0', '255.255.255.0').complement(),
    space.wildcard('dst', '0.0.0.0', '255.255.255.0').complement(),
  ]
  let s = set
  for (const p of prefs) {
    const narrowed = s.intersect(p)
    if (!narrowed.isEmpty()) s = narrowed
  }
  return s.witness()
}
