import type {AddressMatch, PacketMatch} from '../../model/index.js'
import type {PacketSet, PacketSpace, Side} from '../packetset/index.js'

function addresses(space: PacketSpace, side: Side, matches: AddressMatch[], negate: boolean | undefined): PacketSet {
  const union = space.union(matches.map((m) => space.address(side, m)))
  return negate ? union.complement() : union
}

/**
 * The packets a rule's match clause matches, ignoring order. Each field left undefined matches
 * anything; ports and ICMP types carry their protocol restriction with them (see PacketSpace).
 */
export function packetMatchSet(space: PacketSpace, match: PacketMatch): PacketSet {
  let s = addresses(space, 'src', match.src, match.srcNegate).intersect(addresses(space, 'dst', match.dst, match.dstNegate))
  if (match.protocols !== undefined) s = s.intersect(space.protocols(match.protocols))
  if (match.srcPorts !== undefined) s = s.intersect(space.ports('src', match.srcPorts))
  if (match.dstPorts !== undefined) s = s.intersect(space.ports('dst', match.dstPorts))
  if (match.icmpTypes !== undefined) s = s.intersect(space.icmp(match.icmpTypes))
  if (match.state !== undefined) s = s.intersect(space.state(match.state))
  if (match.family !== undefined) s = s.intersect(space.family(match.family))
  return s
}
