import type {FindingDraft, SourceRef} from '../model/index.js'
import {domainIndex, segmentKey} from '../network/l2.js'
import {linkKey} from '../network/links.js'
import type {L2Domain, ModelDevice, NetworkModel, PhysicalLink} from '../network/types.js'
import {PhysicalSeparation} from './isolation-pairs.js'
import {mixedComponents} from './physical-components.js'
import {list, say} from './text.js'
import type {AuditContext, Control} from './types.js'

const isHost = (d: ModelDevice) => d.inv.role === 'server' || d.inv.role === 'workstation'
const isGateway = (d: ModelDevice) => d.inv.role === 'isolation-gateway'

/** The domains of each device's VLAN segments, indexed once. */
function domainsByDevice(domains: L2Domain[]): Map<string, L2Domain[]> {
  const out = new Map<string, L2Domain[]>()
  for (const dom of domains) {
    for (const dev of new Set(dom.segments.map((s) => s.device))) out.set(dev, [...(out.get(dev) ?? []), dom])
  }
  return out
}

/** The lines that put these VLANs on the device's ports: those naming a VLAN first, the mode line otherwise. */
function vlanRefsFor(d: ModelDevice, vlans: Set<number>): SourceRef[] {
  const naming: SourceRef[] = []
  const other: SourceRef[] = []
  for (const i of d.interfaces) {
    const sp = i.config?.switchport
    if (!sp || !sp.vlans.some((v) => vlans.has(v))) continue
    const hits = sp.vlanRefs.filter((r) => [...vlans].some((v) => new RegExp(`(^|[^\\d])${v}([^\\d]|$)`).test(r.text ?? '')))
    if (hits.length) naming.push(...hits)
    else other.push(sp.ref)
  }
  return [...naming, ...other]
}

function sharedDevices(net: NetworkModel, sep: PhysicalSeparation): FindingDraft[] {
  const byDevice = domainsByDevice(net.l2domains)
  const out: FindingDraft[] = []
  for (const d of net.devices.values()) {
    if (isHost(d) || isGateway(d)) continue
    const l3 = d.interfaces.flatMap((i) => (i.shutdown ? [] : i.zones))
    // Domains already mixed are PI-SHARED-VLAN's; here only pure ones count.
    const doms = (byDevice.get(d.id) ?? []).filter((x) => !sep.conflict(x.zones))
    const zones = [...new Set([...(d.inv.zone ? [d.inv.zone] : []), ...l3, ...doms.flatMap((x) => x.zones)])]
    if (!sep.conflict(zones)) continue
    const foreign = sep.foreign(zones).filter((z) => !sep.isProtected(z))
    const addrRefs = d.interfaces.flatMap((i) =>
      (i.config?.addresses ?? []).filter((a) => foreign.includes(net.zoneIndex.zoneOfHost(a.address) ?? '')).map((a) => a.ref),
    )
    const hostRefs = d.interfaces.filter((i) => !i.config && i.zones.some((z) => foreign.includes(z))).flatMap((i) => (i.ref ? [i.ref] : []))
    const foreignVlans = new Set(
      doms.filter((x) => x.zones.some((z) => foreign.includes(z))).flatMap((x) => x.segments.filter((s) => s.device === d.id).map((s) => s.vlan)),
    )
    const evidence = [...addrRefs, ...hostRefs, ...vlanRefsFor(d, foreignVlans)]
    const prot = zones.filter((z) => sep.isProtected(z))
    out.push({
      rule: 'PI-SHARED-DEVICE',
      subject: `device:${d.id}`,
      device: d.id,
      zones: [...prot, ...foreign],
      ...(evidence[0] ? {location: evidence[0]} : {}),
      evidence,
      message: say(
        `设备 ${d.id} 同时承载 ${list(prot)} 与 ${list(foreign)}${foreignVlans.size ? `（VLAN ${[...foreignVlans].join(', ')}）` : ''}。`,
        `Device ${d.id} carries ${list(prot)} and ${list(foreign)}${foreignVlans.size ? ` (VLAN ${[...foreignVlans].join(', ')})` : ''}.`,
      ),
    })
  }
  return out
}

function dualHomedHosts(net: NetworkModel, sep: PhysicalSeparation): Set<string> {
  const ids = new Set<string>()
  for (const d of net.devices.values()) {
    if (isHost(d) && sep.conflict(d.interfaces.flatMap((i) => i.zones))) ids.add(d.id)
  }
  return ids
}

function dualHomed(net: NetworkModel, sep: PhysicalSeparation): FindingDraft[] {
  return [...dualHomedHosts(net, sep)].map((id) => {
    const d = net.devices.get(id) as ModelDevice
    const zones = [...new Set(d.interfaces.flatMap((i) => i.zones))]
    const foreign = sep.foreign(zones).filter((z) => !sep.isProtected(z))
    const evidence = d.interfaces.filter((i) => i.zones.length > 0).flatMap((i) => (i.ref ? [i.ref] : []))
    const nics = d.interfaces.filter((i) => i.zones.length).map((i) => `${i.name} ${i.addresses.join(' ')} (${i.zones.join(',')})`)
    const loc = d.interfaces.find((i) => i.zones.some((z) => foreign.includes(z)))?.ref
    return {
      rule: 'PI-DUAL-HOMED',
      subject: `host:${d.id}`,
      device: d.id,
      zones: [...zones.filter((z) => sep.isProtected(z)), ...foreign],
      ...(loc ? {location: loc} : {}),
      evidence,
      message: say(`主机 ${d.id} 的网卡分别接入不同网络：${nics.join('；')}。`, `Host ${d.id} has interfaces in different networks: ${nics.join('; ')}.`),
    }
  })
}

function endZones(net: NetworkModel, end: {device: string; interface: string}): string[] {
  const d = net.devices.get(end.device)
  if (!d) return []
  if (d.inv.zone) return [d.inv.zone]
  return d.interfaces.find((i) => i.name === end.interface)?.zones ?? []
}

function crossZoneLinks(net: NetworkModel, sep: PhysicalSeparation): FindingDraft[] {
  const dual = dualHomedHosts(net, sep)
  const out: FindingDraft[] = []
  for (const link of net.links) {
    const da = net.devices.get(link.a.device)
    const db = net.devices.get(link.b.device)
    if (!da || !db || isGateway(da) || isGateway(db) || dual.has(da.id) || dual.has(db.id)) continue
    const za = endZones(net, link.a)
    const zb = endZones(net, link.b)
    const pair = za.flatMap((x) => zb.map((y) => [x, y] as const)).find(([x, y]) => sep.mustSeparate(x, y))
    if (!pair) continue
    const [x, y] = sep.isProtected(pair[0]) ? pair : [pair[1], pair[0]]
    const [pe, fe] = sep.isProtected(pair[0]) ? [link.a, link.b] : [link.b, link.a]
    out.push({
      rule: 'PI-CROSS-ZONE-LINK',
      subject: `link:${linkKey(link.a, link.b)}`,
      device: pe.device,
      zones: [x, y],
      ...(link.refs[0] ? {location: link.refs[0]} : {}),
      evidence: link.refs,
      message: say(
        `${pe.device} ${pe.interface}（${x}）与 ${fe.device} ${fe.interface}（${y}）之间有物理连接（来源：${link.sources.join('、')}）。`,
        `${pe.device} ${pe.interface} (${x}) is connected to ${fe.device} ${fe.interface} (${y}) (seen in: ${link.sources.join(', ')}).`,
      ),
    })
  }
  return out
}

function sharedVlans(net: NetworkModel, sep: PhysicalSeparation): FindingDraft[] {
  const out: FindingDraft[] = []
  for (const dom of net.l2domains) {
    if (!sep.conflict(dom.zones)) continue
    const foreign = sep.foreign(dom.zones).filter((z) => !sep.isProtected(z))
    const prot = dom.zones.filter((z) => sep.isProtected(z))
    const members = dom.attached.map((a) => {
      const i = net.devices.get(a.device)?.interfaces.find((x) => x.name === a.interface)
      return {a, i}
    })
    const foreignMember = members.find((m) => m.i?.zones.some((z) => foreign.includes(z)))
    const segs = dom.segments.map((s) => `${s.device} VLAN ${s.vlan}`)
    const evidence = members.flatMap((m) => (m.i?.ref ? [m.i.ref] : []))
    const loc = foreignMember?.i?.ref
    const who = members.map((m) => `${m.a.device}:${m.a.interface}${m.i?.addresses.length ? ` ${m.i.addresses.join(' ')}` : ''}`)
    out.push({
      rule: 'PI-SHARED-VLAN',
      subject: `l2:${dom.id}`,
      device: foreignMember?.a.device ?? dom.segments[0]?.device ?? '',
      zones: [...prot, ...foreign],
      ...(loc ? {location: loc} : {}),
      evidence,
      message: say(
        `二层域（${segs.join('、') || dom.id}）中同时有 ${list(prot)} 与 ${list(foreign)} 的地址：${who.join('；')}。`,
        `Broadcast domain (${segs.join(', ') || dom.id}) holds ${list(prot)} and ${list(foreign)} addresses: ${who.join('; ')}.`,
      ),
    })
  }
  return out
}

function mixedTrunks(net: NetworkModel, sep: PhysicalSeparation, idx: Map<string, L2Domain>): FindingDraft[] {
  const linkOf = new Map<string, PhysicalLink>()
  for (const l of net.links) {
    linkOf.set(`${l.a.device}:${l.a.interface}`, l)
    linkOf.set(`${l.b.device}:${l.b.interface}`, l)
  }
  const seen = new Set<string>()
  const out: FindingDraft[] = []
  for (const d of net.devices.values()) {
    for (const i of d.interfaces) {
      const sp = i.config?.switchport
      if (!sp || sp.mode === 'access' || sp.vlans.length < 2) continue
      const doms = sp.vlans.map((v) => ({v, dom: idx.get(segmentKey(d.id, v))})).filter((x) => x.dom && !sep.conflict(x.dom.zones))
      const zones = [...new Set(doms.flatMap((x) => x.dom?.zones ?? []))]
      if (!sep.conflict(zones)) continue
      const link = linkOf.get(`${d.id}:${i.name}`)
      const subject = link ? `link:${linkKey(link.a, link.b)}` : `port:${d.id}:${i.name}`
      if (seen.has(subject)) continue
      seen.add(subject)
      const prot = zones.filter((z) => sep.isProtected(z))
      const foreign = sep.foreign(zones).filter((z) => !sep.isProtected(z))
      const vlansOf = (zs: string[]) => doms.filter((x) => x.dom?.zones.some((z) => zs.includes(z))).map((x) => x.v)
      const refs = sp.vlanRefs.length ? sp.vlanRefs : [sp.ref]
      out.push({
        rule: 'PI-TRUNK-MIXED',
        subject,
        device: d.id,
        zones: [...prot, ...foreign],
        ...(refs[refs.length - 1] ? {location: refs[refs.length - 1] as SourceRef} : {}),
        evidence: [...refs, ...(link?.refs ?? [])],
        message: say(
          `${d.id} ${i.name} 同时承载 ${list(prot)} 的 VLAN ${vlansOf(prot).join(', ')} 与 ${list(foreign)} 的 VLAN ${vlansOf(foreign).join(', ')}。`,
          `${d.id} ${i.name} carries ${list(prot)} VLAN ${vlansOf(prot).join(', ')} and ${list(foreign)} VLAN ${vlansOf(foreign).join(', ')}.`,
        ),
      })
    }
  }
  return out
}

function routeLeaks(net: NetworkModel, sep: PhysicalSeparation): FindingDraft[] {
  const out: FindingDraft[] = []
  for (const d of net.devices.values()) {
    const home = d.inv.zone
    if (!home || !sep.isProtected(home) || !d.config) continue
    for (const r of d.config.staticRoutes) {
      const nhZone = r.nextHop ? net.zoneIndex.zoneOfHost(r.nextHop) : undefined
      const dstZone = r.length > 0 ? net.zoneIndex.zoneOf(`${r.prefix}/${r.length}`) : undefined
      const bad = [nhZone, dstZone].find((z) => z !== undefined && sep.mustSeparate(home, z))
      if (!bad) continue
      const dest = `${r.prefix}/${r.length}`
      out.push({
        rule: 'PI-ROUTE-LEAK',
        subject: `route:${d.id}:${r.vrf ?? ''}:${dest}:${r.nextHop ?? r.outInterface ?? ''}`,
        device: d.id,
        zones: [home, bad],
        location: r.ref,
        evidence: [r.ref],
        message: say(
          `${d.id} 有一条通往 ${bad} 的静态路由：${dest}${r.nextHop ? ` 下一跳 ${r.nextHop}` : ''}。`,
          `${d.id} has a static route toward ${bad}: ${dest}${r.nextHop ? ` via ${r.nextHop}` : ''}.`,
        ),
      })
    }
  }
  return out
}

function gateways(ctx: AuditContext, sep: PhysicalSeparation): FindingDraft[] {
  if (ctx.policy.isolation.allowIsolationGateways) return []
  const net = ctx.network
  const out: FindingDraft[] = []
  ctx.inventory.inventory.devices.forEach((inv, k) => {
    const d = net.devices.get(inv.id)
    if (!d || !isGateway(d)) return
    const neighbours = net.links.flatMap((l) => (l.a.device === d.id ? [l.b.device] : l.b.device === d.id ? [l.a.device] : []))
    const zones = [
      ...new Set([...d.interfaces.flatMap((i) => i.zones), ...neighbours.flatMap((n) => (net.devices.get(n)?.inv.zone ? [net.devices.get(n)?.inv.zone as string] : []))]),
    ]
    const pair = sep.conflict(zones)
    if (!pair) return
    const ref = ctx.inventory.locate(['devices', k])
    out.push({
      rule: 'PI-GATEWAY',
      subject: `gateway:${d.id}`,
      device: d.id,
      zones: pair,
      location: ref,
      evidence: [ref, ...d.interfaces.flatMap((i) => (i.ref ? [i.ref] : []))],
      message: say(
        `隔离设备 ${d.id} 连接 ${pair[0]} 与 ${pair[1]}，而策略不允许隔离网闸。`,
        `Isolation gateway ${d.id} joins ${pair[0]} and ${pair[1]}, and the policy does not allow isolation gateways.`,
      ),
    })
  })
  return out
}

/** Tianjin Art. 19: nothing physical joins an intranet-kind zone to any other kind. */
export const physicalIsolation: Control = {
  id: 'physical-isolation',
  run(ctx) {
    const net = ctx.network
    const sep = new PhysicalSeparation(ctx.policy, net)
    const idx = domainIndex(net.l2domains)
    return [
      ...sharedDevices(net, sep),
      ...crossZoneLinks(net, sep),
      ...sharedVlans(net, sep),
      ...mixedTrunks(net, sep, idx),
      ...dualHomed(net, sep),
      ...routeLeaks(net, sep),
      ...gateways(ctx, sep),
      ...mixedComponents(ctx, sep),
    ]
  },
}
