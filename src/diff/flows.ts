import {type Packet, type PacketSet, sharedPacketSpace} from '../analysis/packetset/index.js'
import {formatServices, type Presence, ReachAnalysis, servicesOf} from '../analysis/reach/index.js'
import type {NetworkModel} from '../network/types.js'
import type {FlowChange} from './types.js'

const PROTOCOLS: Record<number, string> = {1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6', 132: 'sctp'}

/** A witness packet with the keys of a `reach --flows` file, so it can be pasted into one. */
export function witnessRecord(p: Packet): Record<string, string | number> {
  const w: Record<string, string | number> = {src: p.src, dst: p.dst, proto: PROTOCOLS[p.protocol] ?? p.protocol}
  if (p.srcPort !== undefined) w.sport = p.srcPort
  if (p.dstPort !== undefined) w.dport = p.dstPort
  if (p.icmpType !== undefined) w.icmpType = p.icmpType
  if (p.icmpCode !== undefined) w.icmpCode = p.icmpCode
  return w
}

/** `changed` packets of one zone pair; the witness is one that surely passes on the side letting it through, when there is one. */
function change(from: string, to: string, changed: PacketSet, passing: Presence): FlowChange | undefined {
  const sure = changed.intersect(passing.surely)
  const packet = (sure.isEmpty() ? changed : sure).witness()
  if (!packet) return undefined
  return {from, to, services: formatServices(servicesOf(changed)), witness: witnessRecord(packet), verdict: sure.isEmpty() ? 'unknown' : 'open'}
}

/**
 * Compare the zone matrices of two networks. A packet counts as passing when it may pass (the
 * analysis' sound over-approximation), so "opened" never misses a new flow; packets that only
 * moved between "surely" and "may" (a line became readable or unreadable) are not flow changes —
 * the input-coverage findings report those.
 */
export function compareFlows(before: NetworkModel, after: NetworkModel): {opened: FlowChange[]; closed: FlowChange[]} {
  const space = sharedPacketSpace()
  const was = new ReachAnalysis(before, {space})
  const is = new ReachAnalysis(after, {space})
  const zones = [...new Set([...before.zones.keys(), ...after.zones.keys()])].sort()
  const opened: FlowChange[] = []
  const closed: FlowChange[] = []
  for (const from of zones) {
    for (const to of zones) {
      if (from === to) continue
      const a = was.zoneToZone(from, to).reached
      const b = is.zoneToZone(from, to).reached
      const more = change(from, to, b.maybe.minus(a.maybe), b)
      const less = change(from, to, a.maybe.minus(b.maybe), a)
      if (more) opened.push(more)
      if (less) closed.push(less)
    }
  }
  return {opened, closed}
}
