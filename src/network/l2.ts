import type {SourceRef, SwitchPort} from '../model/index.js'
import {linkKey} from './links.js'
import type {L2Domain, ModelDevice, ModelInterface, NetworkModel} from './types.js'

/** Union-find over string keys. */
class Partition {
  private readonly parent = new Map<string, string>()
  find(x: string): string {
    let root = x
    for (;;) {
      const p = this.parent.get(root)
      if (p === undefined) {
        this.parent.set(root, root)
        break
      }
      if (p === root) break
      root = p
    }
    // Path compression keeps later finds near O(1).
    let cur = x
    while (cur !== root) {
      const next: string = this.parent.get(cur) ?? root
      this.parent.set(cur, root)
      cur = next
    }
    return root
  }
  union(a: string, b: string): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent.set(ra, rb)
  }
}

export function segmentKey(device: string, vlan: number): string {
  return `${device}|vlan${vlan}`
}

/** The L2 behaviour of one link end. */
interface PortEnd {
  device: ModelDevice
  iface?: ModelInterface
  switchport?: SwitchPort
}

function findInterface(d: ModelDevice, name: string): ModelInterface | undefined {
  return d.interfaces.find((i) => i.name === name)
}

function portEnd(d: ModelDevice, name: string): PortEnd {
  const iface = findInterface(d, name)
  const cfg = iface?.config
  // An aggregate member forwards as its aggregate does.
  const agg = cfg?.aggregate ? findInterface(d, cfg.aggregate)?.config : undefined
  const sp = agg?.switchport ?? cfg?.switchport
  if (sp && cfg?.layer !== 'l3') return {device: d, ...(iface ? {iface} : {}), switchport: sp}
  return {device: d, ...(iface ? {iface} : {})}
}

/**
 * VLAN ids mentioned anywhere in the network (defined, access, native, SVI, dot1q, short trunk
 * lists). A trunk that allows "all" (1–4094) is cut down to these: an id no device mentions has
 * no attachment, so dropping it changes no zone verdict, and transit for every mentioned id stays.
 */
export function mentionedVlans(net: NetworkModel): Set<number> {
  const set = new Set<number>()
  for (const d of net.devices.values()) {
    for (const v of d.config?.vlans ?? []) set.add(v.id)
    for (const i of d.interfaces) {
      const c = i.config
      if (c?.vlan !== undefined) set.add(c.vlan)
      const sp = c?.switchport
      if (!sp) continue
      if (sp.untaggedVlan !== undefined) set.add(sp.untaggedVlan)
      if (sp.vlans.length < 1000) for (const v of sp.vlans) set.add(v)
    }
  }
  return set
}

function deviceVlans(d: ModelDevice, universe: Set<number>): number[] {
  const set = new Set<number>()
  for (const v of d.config?.vlans ?? []) set.add(v.id)
  for (const i of d.interfaces) {
    for (const v of i.config?.switchport?.vlans ?? []) if (universe.has(v)) set.add(v)
    const u = i.config?.switchport?.untaggedVlan
    if (u !== undefined) set.add(u)
    if (i.config?.kind === 'svi' && i.config.vlan !== undefined) set.add(i.config.vlan)
  }
  return [...set]
}

/** Untagged VLAN and tagged VLANs a port forwards; a dynamic port may become a trunk for any VLAN. */
function carried(end: PortEnd, universe: Set<number>): {untagged?: number; tagged: number[]} {
  const sp = end.switchport
  if (!sp) return {tagged: []}
  const u = sp.untaggedVlan
  if (sp.mode === 'access' || sp.mode === 'dot1q-tunnel') return {...(u !== undefined ? {untagged: u} : {}), tagged: []}
  const all = sp.mode === 'dynamic' ? deviceVlans(end.device, universe) : sp.vlans.filter((v) => universe.has(v))
  return {...(u !== undefined ? {untagged: u} : {}), tagged: all.filter((v) => v !== u)}
}

function attachmentZones(end: PortEnd): string[] {
  if (end.iface && end.iface.zones.length > 0) return end.iface.zones
  const role = end.device.inv.role
  if ((role === 'server' || role === 'workstation') && end.device.inv.zone) return [end.device.inv.zone]
  return []
}

/**
 * Broadcast domains: each (device, VLAN) segment, joined across links where both ends forward
 * the VLAN (untagged to untagged, tagged to the same tag). L3 ends attach to the segment they
 * reach; two L3 ends cabled together form a point-to-point domain of their own.
 */
export function buildL2Domains(net: NetworkModel): L2Domain[] {
  const part = new Partition()
  const attached = new Map<string, {device: string; interface: string; zones: string[]; ref?: SourceRef}[]>()
  const refs = new Map<string, SourceRef[]>()
  const attach = (node: string, end: PortEnd, name: string) => {
    part.find(node)
    const list = attached.get(node) ?? []
    list.push({device: end.device.id, interface: name, zones: attachmentZones(end), ...(end.iface?.ref ? {ref: end.iface.ref} : {})})
    attached.set(node, list)
  }
  const note = (node: string, r: SourceRef[]) => refs.set(node, [...(refs.get(node) ?? []), ...r])
  const universe = mentionedVlans(net)

  for (const d of net.devices.values()) {
    for (const v of deviceVlans(d, universe)) part.find(segmentKey(d.id, v))
    for (const i of d.interfaces) {
      if (i.config?.kind === 'svi' && i.config.vlan !== undefined) attach(segmentKey(d.id, i.config.vlan), {device: d, iface: i}, i.name)
    }
  }

  for (const link of net.links) {
    const da = net.devices.get(link.a.device)
    const db = net.devices.get(link.b.device)
    if (!da || !db) continue
    const a = portEnd(da, link.a.interface)
    const b = portEnd(db, link.b.interface)
    if (a.switchport && b.switchport) {
      const ca = carried(a, universe)
      const cb = carried(b, universe)
      if (ca.untagged !== undefined && cb.untagged !== undefined) {
        part.union(segmentKey(da.id, ca.untagged), segmentKey(db.id, cb.untagged))
        note(segmentKey(da.id, ca.untagged), link.refs)
      }
      for (const v of ca.tagged) {
        if (cb.tagged.includes(v)) {
          part.union(segmentKey(da.id, v), segmentKey(db.id, v))
          note(segmentKey(da.id, v), link.refs)
        }
      }
    } else if (a.switchport || b.switchport) {
      const [sw, l3, l3name] = a.switchport ? [a, b, link.b.interface] : [b, a, link.a.interface]
      const c = carried(sw, universe)
      if (c.untagged !== undefined) attach(segmentKey(sw.device.id, c.untagged), l3, l3name)
      // Dot1q sub-interfaces of a routed port reach the tagged segments.
      for (const sub of l3.device.interfaces) {
        const v = sub.config?.vlan
        if (sub.config?.parent === l3name && v !== undefined && c.tagged.includes(v)) {
          attach(segmentKey(sw.device.id, v), {device: l3.device, iface: sub}, sub.name)
        }
      }
    } else {
      const node = `p2p|${linkKey(link.a, link.b)}`
      attach(node, a, link.a.interface)
      attach(node, b, link.b.interface)
      note(node, link.refs)
    }
  }

  const groups = new Map<string, L2Domain>()
  const all = new Set<string>([...attached.keys(), ...refs.keys()])
  for (const d of net.devices.values()) for (const v of deviceVlans(d, universe)) all.add(segmentKey(d.id, v))
  for (const node of all) {
    const root = part.find(node)
    let dom = groups.get(root)
    if (!dom) {
      dom = {id: '', segments: [], attached: [], zones: [], refs: []}
      groups.set(root, dom)
    }
    const m = /^(.*)\|vlan(\d+)$/.exec(node)
    if (m?.[1] !== undefined) dom.segments.push({device: m[1], vlan: Number(m[2])})
    for (const at of attached.get(node) ?? []) {
      dom.attached.push({device: at.device, interface: at.interface})
      for (const z of at.zones) if (!dom.zones.includes(z)) dom.zones.push(z)
      if (at.ref) dom.refs.push(at.ref)
    }
    dom.refs.push(...(refs.get(node) ?? []))
  }
  const domains = [...groups.values()].filter((d) => d.segments.length > 0 || d.attached.length > 0)
  for (const dom of domains) {
    dom.segments.sort((x, y) => (x.device === y.device ? x.vlan - y.vlan : x.device < y.device ? -1 : 1))
    const first = dom.segments[0]
    dom.id = first ? `${first.device}/vlan${first.vlan}` : `p2p:${dom.attached.map((a) => `${a.device}:${a.interface}`).sort().join('~')}`
  }
  return domains
}

/** Index: segment key → domain. */
export function domainIndex(domains: L2Domain[]): Map<string, L2Domain> {
  const idx = new Map<string, L2Domain>()
  for (const d of domains) for (const s of d.segments) idx.set(segmentKey(s.device, s.vlan), d)
  return idx
}
