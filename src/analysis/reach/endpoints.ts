import type {ApprovedFlow} from '../../inventory/types.js'
import {parsePrefix} from '../../net/address.js'
import type {NetworkModel} from '../../network/types.js'
import type {PacketSet, PacketSpace, Side} from '../packetset/index.js'
import {hostSet, type ZoneAddresses} from './addresses.js'

/**
 * Addresses an endpoint names (SPEC §2 flows, `reach --from/--to`): a zone id, a device id (its
 * interface addresses), an address, or a prefix. Undefined when it names nothing known.
 */
export function endpointSet(net: NetworkModel, zones: ZoneAddresses, space: PacketSpace, side: Side, text: string): PacketSet | undefined {
  if (net.zones.has(text)) return zones.of(text, side)
  const d = net.devices.get(text)
  if (d) return space.union(d.interfaces.flatMap((i) => i.addresses.map((a) => hostSet(space, side, a))))
  const p = parsePrefix(text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`)
  if (!p) return undefined
  return space.prefix(side, p.address, p.length)
}

const PROTOCOLS: Record<string, number[]> = {tcp: [6], udp: [17], icmp: [1, 58], any: []}

/** Protocol and destination ports of a flow: `any` with ports means tcp and udp on those ports. */
export function serviceSet(space: PacketSpace, proto: string, ports: {from: number; to: number}[]): PacketSet {
  const protos = PROTOCOLS[proto] ?? []
  let s = protos.length ? space.protocols(protos) : space.all
  if (ports.length && (proto === 'tcp' || proto === 'udp' || proto === 'any')) s = s.intersect(space.ports('dst', ports))
  return s
}

/** Every packet an approved flow allows, new sessions only (return traffic is the platform's business). */
export function approvedSet(net: NetworkModel, zones: ZoneAddresses, space: PacketSpace, flows: ApprovedFlow[]): PacketSet {
  const sets = flows.map((f) => {
    const side = (s: Side, xs: string[]) => space.union(xs.map((x) => endpointSet(net, zones, space, s, x) ?? space.empty))
    return side('src', f.from).intersect(side('dst', f.to)).intersect(serviceSet(space, f.proto, f.ports)).intersect(space.state('new'))
  })
  return space.union(sets)
}
