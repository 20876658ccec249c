/** Small hand-built networks for reachability tests: hosts, switches and filtering routers. */
import type {Filter, FilterBinding, FilterRule, Interface, PacketMatch} from '../../../src/model/index.js'
import {buildL2Domains} from '../../../src/network/l2.js'
import type {ModelDevice, NetworkModel, PhysicalLink} from '../../../src/network/types.js'
import {ZoneIndex} from '../../../src/network/zones.js'
import {device, l3, link, port} from '../../network/fake.js'

export const ref = {file: 'r.cfg', line: 1}

export function zones(extra: [string, string, string][] = []): ZoneIndex {
  const list: [string, string, string][] = [
    ['ex', 'extranet', '172.16.0.0/12'],
    ['portal', 'portal', '203.0.113.0/24'],
    ['inet', 'internet', '0.0.0.0/0'],
    ...extra,
  ]
  return new ZoneIndex(new Map(list.map(([id, kind, p]) => [id, {id, kind: kind as 'extranet', prefixes: [p]}])), ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'])
}

export function rule(id: string, action: FilterRule['action'], match: Partial<PacketMatch> = {}, line = 10): FilterRule {
  return {id, action, match: {src: [{kind: 'any'}], dst: [{kind: 'any'}], ...match}, ref: {file: 'r.cfg', line, text: `rule ${id}`}}
}

export function acl(name: string, rules: FilterRule[], defaultAction: 'permit' | 'deny' = 'deny', stateful = false): Filter {
  return {name, kind: stateful ? 'security-policy' : 'acl', rules, defaultAction, stateful, ref: {file: 'r.cfg', line: 5}, defaultRef: {file: 'r.cfg', line: 99}}
}

export function bindIn(d: ModelDevice, f: Filter, iface: string, direction: 'in' | 'out' = 'in'): void {
  const cfg = d.config
  if (!cfg) throw new Error('no config')
  if (!cfg.filters.some((x) => x.name === f.name)) cfg.filters.push(f)
  const b: FilterBinding = {kind: 'interface', filter: f.name, interface: iface, direction, ref}
  cfg.filterBindings.push(b)
}

export function host(id: string, cidr: string, zi: ZoneIndex): ModelDevice {
  return device(id, 'server', zi.zoneOfHost(cidr), [l3('eth0', cidr)], zi)
}

export function router(id: string, addrs: string[], zi: ZoneIndex): ModelDevice {
  return device(id, 'router', undefined, addrs.map((a, i) => l3(`ge${i}`, a)), zi)
}

export function l2switch(id: string, vlan: number, ports: number, zi: ZoneIndex, zone?: string): ModelDevice {
  const ifs: Interface[] = Array.from({length: ports}, (_, i) => port(`p${i}`, 'access', [vlan], vlan))
  return device(id, 'switch', zone, ifs, zi)
}

export function net(devices: ModelDevice[], links: PhysicalLink[], zi: ZoneIndex): NetworkModel {
  const n: NetworkModel = {zones: zi.zones, devices: new Map(devices.map((d) => [d.id, d])), links, l2domains: [], zoneIndex: zi}
  n.l2domains = buildL2Domains(n)
  return n
}

/** ex host — r1 — portal host, cabled directly (two point-to-point segments). */
export function simple(zi = zones()): {n: NetworkModel; r1: ModelDevice} {
  const r1 = router('r1', ['172.16.1.1/24', '203.0.113.1/24'], zi)
  const n = net(
    [host('ex-h', '172.16.1.10/24', zi), r1, host('p-h', '203.0.113.10/24', zi)],
    [link('ex-h', 'eth0', 'r1', 'ge0'), link('r1', 'ge1', 'p-h', 'eth0')],
    zi,
  )
  return {n, r1}
}

export {device, l3, link, port}
