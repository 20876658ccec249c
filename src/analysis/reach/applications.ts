import {bindFilterInterfaces, type Filter, type FilterBinding, type HopInterfaces, type SourceRef, testsInterfaces, UNZONED} from '../../model/index.js'
import {type CompiledFilter, compileFilter, type Decision, type ZonePair} from '../filters/index.js'
import type {PacketSet, PacketSpace} from '../packetset/index.js'
import type {Forwarder, Port} from './topology.js'

/**
 * One check a packet meets when crossing a device: a compiled filter at a binding, or a fixed
 * verdict the platform applies itself (inter-zone default deny, an unparsed device, a filter
 * name that is bound but never defined).
 */
export type Application =
  | {
      kind: 'filter'
      device: string
      label: string
      binding: SourceRef
      compiled: CompiledFilter
      /** A login ACL: it decides only the packets of the service it guards. */
      guards?: PacketSet
      /** A login ACL whose service is not known: it narrows what surely gets in, never what may. */
      surelyOnly?: true
    }
  | {kind: 'fixed'; device: string; label: string; verdict: 'permit' | 'deny' | 'unknown'; reason: string; ref: SourceRef; undefinedObject?: true}

/** The zone name each platform gives the device itself, for traffic addressed to it. */
const LOCAL_ZONE: Record<string, string> = {'huawei-usg': 'local', 'h3c-comware': 'Local', 'juniper-junos': 'junos-host', 'cisco-ios': 'self'}

/**
 * Platforms whose parser models "in no security zone" as a zone of its own (IOS zone-based firewall:
 * unzoned interfaces talk to each other, never to zone members). Elsewhere an unzoned interface
 * leaves the zone pair unknown, which fails closed.
 */
const UNZONED_IS_A_ZONE = new Set(['cisco-ios'])


/** How an application decides one packet (fixed verdicts become a decision on their reference line). */
export function decide(app: Application, packet: Parameters<CompiledFilter['decidingRule']>[0]): Decision | {verdict: 'permit' | 'deny' | 'unknown'; by: 'platform'; ref: SourceRef; reason: string} {
  if (app.kind === 'filter') return app.compiled.decidingRule(packet)
  return {verdict: app.verdict, by: 'platform', ref: app.ref, reason: app.reason}
}

/** Compiles each (device, filter, zone pair) once for the life of the analysis. */
export class FilterCache {
  private readonly compiled = new Map<string, CompiledFilter>()
  constructor(readonly space: PacketSpace) {}

  get(device: string, filter: Filter, zones: ZonePair | undefined, hop: HopInterfaces): CompiledFilter {
    const zoned = filter.rules.some((r) => r.fromZones !== undefined || r.toZones !== undefined)
    // iptables `-i`/`-o` tests are resolved per hop; a filter without them compiles once.
    const byHop = testsInterfaces(filter)
    const key = `${device}\u0000${filter.name}\u0000${zoned && zones ? `${zones.from}\u0000${zones.to}` : ''}\u0000${byHop ? `${hop.in}\u0000${hop.out}` : ''}`
    let c = this.compiled.get(key)
    if (!c) {
      c = compileFilter(byHop ? bindFilterInterfaces(filter, hop) : filter, {space: this.space, ...(zoned && zones ? {zones} : {})})
      this.compiled.set(key, c)
    }
    return c
  }
}

/** The packets a management ACL guards, by where it is bound (login lines, HTTP, SNMP). */
function guardedService(space: PacketSpace, line: string): PacketSet {
  const l = line.toLowerCase()
  if (/http/.test(l)) return space.protocols([6]).intersect(space.ports('dst', [{from: 80, to: 80}, {from: 443, to: 443}]))
  if (/snmp/.test(l)) return space.protocols([17]).intersect(space.ports('dst', [{from: 161, to: 161}]))
  if (/vty|ssh|telnet|line|user-interface/.test(l)) return space.protocols([6]).intersect(space.ports('dst', [{from: 22, to: 23}]))
  return space.all
}

function localZoneOf(fw: Forwarder, iface: string): string | undefined {
  return fw.device.config?.securityZones.find((z) => z.interfaces.includes(iface))?.name
}

/** Reasons a whole device is undecidable: no parsed config, or NAT the model does not carry. */
export function opaqueReason(fw: Forwarder): {reason: string; ref: SourceRef} | undefined {
  const cfg = fw.device.config
  const where = fw.ports[0]?.iface.ref ?? {file: fw.device.id, line: 1}
  if (!cfg) return {reason: 'no parsed configuration: its filters are not known', ref: where}
  const nat = cfg.coverage.unrecognized.find((u) => /\bnat\b/i.test(`${u.text} ${u.reason ?? ''}`))
  if (nat) return {reason: `address translation is not modelled (${nat.text.trim()})`, ref: {file: nat.file, line: nat.line, text: nat.text}}
  return undefined
}

/**
 * Every check a new packet meets when `fw` moves it from port `from` to port `to` (`local`:
 * delivered to the device itself). In- and out-filters of the two interfaces, global filters,
 * and zone-based policies for the pair of security zones, all of which must permit.
 */
export function applicationsFor(fw: Forwarder, from: Port, to: Port | 'local', cache: FilterCache): Application[] {
  const d = fw.device.id
  const opaque = opaqueReason(fw)
  if (opaque) return [{kind: 'fixed', device: d, label: `${d} (unparsed)`, verdict: 'unknown', reason: opaque.reason, ref: opaque.ref}]
  const cfg = fw.device.config
  if (!cfg) return []
  const vendor = cfg.vendor
  const unzoned = UNZONED_IS_A_ZONE.has(vendor) ? UNZONED : undefined
  const fromZone = localZoneOf(fw, from.iface.name) ?? unzoned
  const toZone = to === 'local' ? LOCAL_ZONE[vendor] : (localZoneOf(fw, to.iface.name) ?? unzoned)
  const hop: HopInterfaces = {in: from.iface.name, out: to === 'local' ? null : to.iface.name}
  const zones = fromZone !== undefined && toZone !== undefined ? {from: fromZone, to: toZone} : undefined
  const filters = new Map(cfg.filters.map((f) => [f.name, f]))
  const apps: Application[] = []
  const use = (b: FilterBinding, label: string, guards?: PacketSet) => {
    const f = filters.get(b.filter)
    if (!f) {
      const reason = `filter ${b.filter} is bound but not defined`
      apps.push({kind: 'fixed', device: d, label, verdict: 'unknown', reason, ref: b.ref, undefinedObject: true})
      return
    }
    const login = guards === undefined ? {} : guards.isAll() ? {surelyOnly: true as const} : {guards}
    apps.push({kind: 'filter', device: d, label, binding: b.ref, compiled: cache.get(d, f, zones, hop), ...login})
  }
  const pairs = cfg.filterBindings.filter((b) => b.kind === 'zone-pair')
  for (const b of cfg.filterBindings) {
    if (b.kind === 'interface') {
      if (b.direction === 'in' && b.interface === from.iface.name) use(b, `${b.filter} in ${b.interface}`)
      if (b.direction === 'out' && to !== 'local' && b.interface === to.iface.name) use(b, `${b.filter} out ${b.interface}`)
    } else if (b.kind === 'global') {
      use(b, `${b.filter} (global)`)
    } else if (b.kind === 'transit' && to !== 'local') {
      use(b, `${b.filter} (forwarded traffic)`)
    } else if (b.kind === 'local' && to === 'local') {
      use(b, `${b.filter} (traffic to the device)`)
    } else if (b.kind === 'management' && to === 'local') {
      // A login ACL guards one service: it decides those packets and leaves the others alone.
      use(b, `${b.filter} (${b.line})`, guardedService(cache.space, b.line))
    } else if (b.kind === 'zone-pair' && b.from === fromZone && b.to === toZone) {
      use(b, `${b.filter}`)
    }
  }
  if (pairs.length > 0 && !pairs.some((b) => b.kind === 'zone-pair' && b.from === fromZone && b.to === toZone)) {
    const ref = cfg.securityZones.find((z) => z.name === fromZone)?.ref ?? from.iface.ref ?? {file: cfg.file, line: 1}
    if (fromZone !== undefined && toZone !== undefined && fromZone === toZone) {
      // Traffic inside one security zone is not inspected by default.
    } else if (fromZone !== undefined && toZone !== undefined && to !== 'local') {
      apps.push({kind: 'fixed', device: d, label: `zone ${fromZone} -> ${toZone}`, verdict: 'deny', reason: `no zone-pair from ${fromZone} to ${toZone}: inter-zone default deny`, ref})
    } else {
      const reason = to === 'local' ? `no zone-pair from ${fromZone ?? '?'} to the device itself` : `interface ${fromZone === undefined ? from.iface.name : (to as Port).iface.name} is in no security zone`
      apps.push({kind: 'fixed', device: d, label: `zone ${fromZone ?? '-'} -> ${toZone ?? '-'}`, verdict: 'unknown', reason, ref})
    }
  }
  return apps
}
