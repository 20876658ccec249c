import type {ModelDevice, ModelInterface, NetworkModel} from '../../network/types.js'

/** A place packets sit between forwarding devices: an L2 domain, a point-to-point link, or an unlinked interface. */
export interface Segment {
  index: number
  id: string
  zones: string[]
  /** Interface subnets (CIDR) of everything attached: where those addresses live. */
  subnets: string[]
  /** Forwarding-device ports on this segment. */
  ports: Port[]
}

/** An L3 interface of a forwarding device and the segment it sits on. */
export interface Port {
  device: string
  iface: ModelInterface
  segment: number
}

/** A device that forwards between its L3 interfaces (router, firewall, L3 switch). */
export interface Forwarder {
  device: ModelDevice
  ports: Port[]
  /** Every address of the device (loopbacks included): packets to these are delivered, never forwarded. */
  own: string[]
}

export interface Topology {
  segments: Segment[]
  forwarders: Map<string, Forwarder>
}

const isHost = (d: ModelDevice): boolean => d.inv.role === 'server' || d.inv.role === 'workstation'

/** Interfaces that can carry transit traffic: up, addressed, not a loopback or null interface. */
function routed(i: ModelInterface): boolean {
  const kind = i.config?.kind
  return !i.shutdown && i.addresses.length > 0 && kind !== 'loopback' && kind !== 'null'
}

/**
 * Segments and forwarders of the model. Sound by construction: VRFs and routing are ignored,
 * so a forwarder may move a packet between any two of its L3 interfaces.
 */
export function buildTopology(net: NetworkModel): Topology {
  const segments: Segment[] = []
  const segmentOf = new Map<string, number>()
  const add = (id: string, zones: string[]): number => {
    segments.push({index: segments.length, id, zones: [...zones], subnets: [], ports: []})
    return segments.length - 1
  }
  for (const dom of net.l2domains) {
    const s = add(dom.id, dom.zones)
    for (const a of dom.attached) segmentOf.set(`${a.device}\u0000${a.interface}`, s)
  }
  const forwarders = new Map<string, Forwarder>()
  for (const d of net.devices.values()) {
    const l3 = d.interfaces.filter(routed)
    const ports: Port[] = []
    for (const i of l3) {
      const key = `${d.id}\u0000${i.name}`
      let s = segmentOf.get(key)
      if (s === undefined) {
        // An addressed interface with no cable on record: its own segment, where its zone lives.
        s = add(`stub:${d.id}:${i.name}`, i.zones.length ? i.zones : d.inv.zone ? [d.inv.zone] : [])
        segmentOf.set(key, s)
      }
      const seg = segments[s] as Segment
      for (const a of i.addresses) if (!seg.subnets.includes(a)) seg.subnets.push(a)
      for (const z of i.zones) if (!seg.zones.includes(z)) seg.zones.push(z)
      ports.push({device: d.id, iface: i, segment: s})
    }
    if (isHost(d) || ports.length < 2) continue
    const own = d.interfaces.filter((i) => !i.shutdown).flatMap((i) => i.addresses)
    forwarders.set(d.id, {device: d, ports, own})
    for (const p of ports) segments[p.segment]?.ports.push(p)
  }
  return {segments, forwarders}
}
