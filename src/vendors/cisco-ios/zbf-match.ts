import type {AddressMatch, PacketMatch, PortRange} from '../../model/index.js'

const isAny = (side: AddressMatch[], negate: boolean | undefined): boolean => !negate && side.some((a) => a.kind === 'any')

/** Field values both lists allow; undefined means "anything". */
function both<T>(a: T[] | undefined, b: T[] | undefined, meet: (a: T[], b: T[]) => T[]): T[] | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return meet(a, b)
}

function meetPorts(a: PortRange[], b: PortRange[]): PortRange[] {
  const out: PortRange[] = []
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(x.from, y.from)
      const to = Math.min(x.to, y.to)
      if (from <= to) out.push({from, to})
    }
  }
  return out
}

/**
 * The packets two matches both match (`match-all`): `null` when none, `undefined` when it cannot be
 * written as one PacketMatch (two address conditions, two ICMP conditions) — the caller fails closed.
 */
export function intersectMatches(a: PacketMatch, b: PacketMatch): PacketMatch | null | undefined {
  const aAny = isAny(a.src, a.srcNegate) && isAny(a.dst, a.dstNegate)
  const bAny = isAny(b.src, b.srcNegate) && isAny(b.dst, b.dstNegate)
  if (!aAny && !bAny) return undefined
  if (a.icmpTypes && b.icmpTypes) return undefined
  const addr = aAny ? b : a
  const out: PacketMatch = {src: addr.src, dst: addr.dst}
  if (addr.srcNegate) out.srcNegate = true
  if (addr.dstNegate) out.dstNegate = true
  const protocols = both(a.protocols, b.protocols, (x, y) => x.filter((p) => y.includes(p)))
  const srcPorts = both(a.srcPorts, b.srcPorts, meetPorts)
  const dstPorts = both(a.dstPorts, b.dstPorts, meetPorts)
  if (protocols?.length === 0 || srcPorts?.length === 0 || dstPorts?.length === 0) return null
  if (a.state && b.state && a.state !== b.state) return null
  if (a.family && b.family && a.family !== b.family) return null
  if (protocols) out.protocols = protocols
  if (srcPorts) out.srcPorts = srcPorts
  if (dstPorts) out.dstPorts = dstPorts
  const icmp = a.icmpTypes ?? b.icmpTypes
  if (icmp) out.icmpTypes = icmp
  const state = a.state ?? b.state
  if (state) out.state = state
  const family = a.family ?? b.family
  if (family) out.family = family
  return out
}

/**
 * Return traffic of sessions a match admits: addresses and ports swapped, state established.
 * ICMP types are dropped because replies carry other types (echo → echo-reply, errors): a wider
 * set, never a narrower one.
 */
export function returnMatch(m: PacketMatch): PacketMatch {
  const out: PacketMatch = {src: m.dst, dst: m.src, state: 'established'}
  if (m.dstNegate) out.srcNegate = true
  if (m.srcNegate) out.dstNegate = true
  if (m.protocols) out.protocols = m.protocols
  if (m.dstPorts) out.srcPorts = m.dstPorts
  if (m.srcPorts) out.dstPorts = m.srcPorts
  if (m.family) out.family = m.family
  return out
}

export const ANY_MATCH: PacketMatch = {src: [{kind: 'any'}], dst: [{kind: 'any'}]}
