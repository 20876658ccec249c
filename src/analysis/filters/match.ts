import type {AddressMatch, PacketMatch} from '../../model/index.js'
import {FALSE} from '../packetset/bdd.js'
import type {NodeBuilder, Side} from '../packetset/builder.js'
import type {PacketSet, PacketSpace} from '../packetset/index.js'

function addresses(b: NodeBuilder, side: Side, matches: AddressMatch[], negate: boolean | undefined): number {
  let union = FALSE
  for (const m of matches) union = b.bdd.or(union, b.address(side, m))
  return negate ? b.bdd.not(union) : union
}

/**
 * The match clause as a node of `b`'s store (a scratch store when compiling filters). Each field
 * left undefined matches anything; ports and ICMP types carry their protocol restriction with them.
 */
export function packetMatchNode(b: NodeBuilder, match: PacketMatch): number {
  const bdd = b.bdd
  let s = bdd.and(addresses(b, 'src', match.src, match.srcNegate), addresses(b, 'dst', match.dst, match.dstNegate))
  if (match.protocols !== undefined) s = bdd.and(s, b.protocols(match.protocols))
  if (match.srcPorts !== undefined) s = bdd.and(s, b.ports('src', match.srcPorts))
  if (match.dstPorts !== undefined) s = bdd.and(s, b.ports('dst', match.dstPorts))
  if (match.icmpTypes !== undefined) s = bdd.and(s, b.icmp(match.icmpTypes))
  if (match.state !== undefined) s = bdd.and(s, b.state(match.state))
  if (match.family !== undefined) s = bdd.and(s, b.family(match.family))
  return s
}

/** The packets a rule's match clause matches, ignoring order. */
export function packetMatchSet(space: PacketSpace, match: PacketMatch): PacketSet {
  return space.wrap(packetMatchNode(space.builder, match))
}
