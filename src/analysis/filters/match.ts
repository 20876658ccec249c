import type {AddressMatch, PacketMatch} from '../../model/index.js'
import {FALSE, TRUE} from '../packetset/bdd.js'
import type {NodeBuilder, Side} from '../packetset/builder.js'
import type {PacketSet, PacketSpace} from '../packetset/index.js'

function addresses(b: NodeBuilder, side: Side, matches: AddressMatch[], negate: boolean | undefined): number {
  let union = FALSE
  for (const m of matches) union = b.bdd.or(union, b.address(side, m))
  return negate ? b.bdd.not(union) : union
}

/**
 * The match clause as a node of `b`'s store (a scratch store when compiling filters), with its TRUE
 * terminal replaced by `leaf` when given. Each field left undefined matches anything; ports and
 * ICMP types carry their protocol restriction with them.
 */
export function packetMatchNode(b: NodeBuilder, match: PacketMatch, leaf: number = TRUE): number {
  const bdd = b.bdd
  const parts = [addresses(b, 'src', match.src, match.srcNegate), addresses(b, 'dst', match.dst, match.dstNegate)]
  if (match.protocols !== undefined) parts.push(b.protocols(match.protocols))
  if (match.srcPorts !== undefined) parts.push(b.ports('src', match.srcPorts))
  if (match.dstPorts !== undefined) parts.push(b.ports('dst', match.dstPorts))
  if (match.icmpTypes !== undefined) parts.push(b.icmp(match.icmpTypes))
  if (match.state !== undefined) parts.push(b.state(match.state))
  if (match.family !== undefined) parts.push(b.family(match.family))
  // Labelling one small part and intersecting the others with it builds the labelled match
  // directly (`and` carries a leaf like TRUE): labelling the whole match doubled its nodes.
  const last = parts.length - 1
  let s = bdd.label(parts[last] as number, leaf)
  for (let i = 0; i < last && s !== FALSE; i++) s = bdd.and(parts[i] as number, s)
  return s
}

/** The packets a rule's match clause matches, ignoring order. */
export function packetMatchSet(space: PacketSpace, match: PacketMatch): PacketSet {
  return space.wrap(packetMatchNode(space.builder, match))
}
