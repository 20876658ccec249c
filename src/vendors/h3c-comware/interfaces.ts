import type {Interface, InterfaceAddress, InterfaceKind, SourceRef, SwitchPort} from '../../model/index.js'
import {parsePrefix} from '../../net/address.js'
import {canonicalInterfaceName, interfaceKind, interfaceType, parentOf, sviVlan} from './names.js'
import {expandVlanList, parseVlanList, singleVlan, type VlanList} from './vlan-list.js'
import type {Statement} from './walker.js'

/** A change to a VLAN membership list, kept in config order (Comware accumulates them). */
interface VlanEdit {
  op: 'add' | 'remove'
  vlans: VlanList
  /** Hybrid only: the tagging the added VLANs get. */
  tagged?: boolean
  ref: SourceRef
}

/**
 * What the config says about one interface, unset distinct from default. The effective
 * neutral view (`toInterface`) applies Comware defaults.
 */
export interface ComwareInterface {
  name: string
  kind: InterfaceKind
  ref: SourceRef
  description?: string
  shutdown: boolean
  addresses: InterfaceAddress[]
  vrf?: string
  linkMode?: {mode: 'route' | 'bridge'; ref: SourceRef}
  linkType?: {mode: 'access' | 'trunk' | 'hybrid'; ref: SourceRef}
  accessVlan?: {vlan: number; ref: SourceRef}
  trunkEdits: VlanEdit[]
  trunkPvid?: {vlan: number; ref: SourceRef}
  hybridEdits: VlanEdit[]
  hybridPvid?: {vlan: number; ref: SourceRef}
  aggregateGroup?: number
  dot1qVid?: number
}

export function newInterface(rawName: string, ref: SourceRef): ComwareInterface {
  const name = canonicalInterfaceName(rawName)
  return {name, kind: interfaceKind(name), ref, shutdown: false, addresses: [], trunkEdits: [], hybridEdits: []}
}

/** Interface commands that shape nothing a control reads (QoS, STP, LLDP, physical settings…). */
const IRRELEVANT = [
  'combo', 'stp', 'lldp', 'qos', 'sflow', 'speed', 'duplex', 'mtu', 'jumboframe', 'flow-control',
  'broadcast-suppression', 'multicast-suppression', 'unicast-suppression', 'loopback-detection', 'poe',
  'port-isolate', 'dhcp', 'arp', 'igmp-snooping', 'mld-snooping', 'mac-address', 'bandwidth', 'priority',
  'storm-constrain', 'link-delay', 'ntp-service', 'ospf', 'ospfv3', 'rip', 'ripng', 'isis', 'pim', 'igmp',
  'mpls', 'vrrp', 'ip verify', 'ip source', 'ipv6 nd', 'ipv6 mtu', 'ip mtu', 'ip redirects',
  'ip unreachables', 'ip ttl-expires', 'ipv6 redirects', 'undo enable', 'enable snmp', 'enable log',
  'flow-interval', 'expected-bandwidth', 'port auto-power-down', 'eee', 'voice-vlan', 'undo voice-vlan',
  'dot1x', 'mac-authentication', 'port-security', 'undo dot1x', 'undo mac-authentication', 'undo stp',
  'undo lldp', 'undo jumboframe', 'undo combo', 'transceiver', 'port connection-type', 'link-aggregation',
  'lacp', 'shutdown-interval', 'mirroring-group', 'monitor-link', 'smart-link',
  'traffic-policy', 'packet-filter ethernet', 'ip urpf', 'ipv6 address auto link-local', 'ipv6 dhcp',
  'stp edged-port', 'bfd', 'ip-subnet-vlan', 'protocol-vlan', 'mac-vlan', 'port bridge',
  'flow-control', 'timer hold', 'virtualbaudrate', 'baudrate', 'link-protocol', 'ppp',
  'ipv6 enable', 'port up-mode', 'physical-mode', 'ip dhcp', 'tcp mss', 'igmp', 'mld',
]

function isIrrelevant(text: string): boolean {
  const low = text.toLowerCase()
  return IRRELEVANT.some((p) => low === p || low.startsWith(`${p} `))
}

export interface InterfaceBinding {
  filter: string
  family?: 4 | 6
  direction: 'in' | 'out'
  ref: SourceRef
}

/** Reads one line of an `interface` view. */
export function interfaceLine(
  itf: ComwareInterface,
  s: Statement,
  ref: (s: Statement) => SourceRef,
  bind: (b: InterfaceBinding) => void,
): boolean {
  const w = s.words
  const low = w.map((x) => x.toLowerCase())
  const [a, b, c] = low
  if (a === 'description') {
    itf.description = s.text.replace(/^description\s+/i, '')
    return true
  }
  if (a === 'shutdown' && w.length === 1) return (itf.shutdown = true)
  if (a === 'undo' && b === 'shutdown' && w.length === 2) {
    itf.shutdown = false
    return true
  }
  if (a === 'ip' && b === 'binding' && c === 'vpn-instance' && w[3] !== undefined) {
    itf.vrf = w[3]
    return true
  }
  if (a === 'ip' && b === 'address') return ipv4Address(itf, w.slice(2), ref(s))
  if (a === 'ipv6' && b === 'address') return ipv6Address(itf, w.slice(2), ref(s))
  if (a === 'port' && b === 'link-mode' && (c === 'route' || c === 'bridge') && w.length === 3) {
    itf.linkMode = {mode: c, ref: ref(s)}
    return true
  }
  if (a === 'port' && b === 'link-type' && (c === 'access' || c === 'trunk' || c === 'hybrid') && w.length === 3) {
    itf.linkType = {mode: c, ref: ref(s)}
    return true
  }
  if (a === 'port' || (a === 'undo' && b === 'port')) {
    if (portVlanLine(itf, low[0] === 'undo' ? low.slice(1) : low, low[0] === 'undo', ref(s))) return true
  }
  if (a === 'port' && b === 'link-aggregation' && c === 'group' && /^\d+$/.test(w[3] ?? '')) {
    itf.aggregateGroup = Number(w[3])
    return true
  }
  if (a === 'vlan-type' && b === 'dot1q' && (c === 'vid' || c === 'second-dot1q')) {
    const vid = singleVlan(w[3])
    if (vid === undefined) return false
    itf.dot1qVid = vid
    return true
  }
  const pf = packetFilter(low, w)
  if (pf) {
    bind({...pf, ref: ref(s)})
    return true
  }
  return isIrrelevant(s.text)
}

function ipv4Address(itf: ComwareInterface, args: string[], ref: SourceRef): boolean {
  const [addr, mask, ...rest] = args
  if (addr === undefined || mask === undefined) return false
  const p = parsePrefix(addr, mask)
  if (p?.family !== 4) return false
  const secondary = rest[0]?.toLowerCase() === 'sub'
  if (rest.length > (secondary ? 1 : 0)) return false
  itf.addresses.push({address: p.address, length: p.length, family: 4, secondary, ref})
  return true
}

function ipv6Address(itf: ComwareInterface, args: string[], ref: SourceRef): boolean {
  const [first, second, ...rest] = args
  if (first === undefined) return false
  // Link-local addresses never leave the link: no routing or zone fact to record.
  if (second?.toLowerCase() === 'link-local' || first.toLowerCase() === 'auto') return true
  let p = parsePrefix(first)
  let extra = second === undefined ? [] : [second, ...rest]
  if (!p && second !== undefined && /^\d{1,3}$/.test(second)) {
    p = parsePrefix(first, second)
    extra = rest
  }
  if (p?.family !== 6) return false
  if (extra.some((x) => !['eui-64', 'anycast'].includes(x.toLowerCase()))) return false
  if (extra.some((x) => x.toLowerCase() === 'eui-64')) return false // host part is the MAC: address not known
  itf.addresses.push({address: p.address, length: p.length, family: 6, secondary: itf.addresses.some((x) => x.family === 6), ref})
  return true
}

/** `port access vlan`, `port trunk permit|pvid vlan`, `port hybrid vlan|pvid vlan`, with or without `undo`. */
function portVlanLine(itf: ComwareInterface, low: string[], undo: boolean, ref: SourceRef): boolean {
  const [, kind, verb, vlanWord] = low
  if (kind === 'access' && verb === 'vlan') {
    if (undo && low.length === 3) {
      delete itf.accessVlan
      return true
    }
    const vlan = singleVlan(low[3])
    if (vlan === undefined || low.length !== 4) return false
    if (undo) delete itf.accessVlan
    else itf.accessVlan = {vlan, ref}
    return true
  }
  if (kind === 'trunk' && verb === 'permit' && vlanWord === 'vlan') {
    const vlans = parseVlanList(low.slice(4))
    if (!vlans) return false
    itf.trunkEdits.push({op: undo ? 'remove' : 'add', vlans, ref})
    return true
  }
  if ((kind === 'trunk' || kind === 'hybrid') && verb === 'pvid' && vlanWord === 'vlan') {
    const vlan = undo ? 1 : singleVlan(low[4])
    if (vlan === undefined) return false
    if (kind === 'trunk') itf.trunkPvid = {vlan, ref}
    else itf.hybridPvid = {vlan, ref}
    return true
  }
  if (kind === 'hybrid' && verb === 'vlan') {
    const last = low[low.length - 1]
    const tagged = last === 'tagged' ? true : last === 'untagged' ? false : undefined
    const list = parseVlanList(low.slice(3, tagged === undefined ? undefined : -1))
    if (!list || (tagged === undefined && !undo)) return false
    const edit: VlanEdit = {op: undo ? 'remove' : 'add', vlans: list, ref}
    if (tagged !== undefined) edit.tagged = tagged
    itf.hybridEdits.push(edit)
    return true
  }
  return false
}

/** `packet-filter [ipv6] N|name X inbound|outbound`, Comware 5 `firewall packet-filter N inbound`. */
function packetFilter(low: string[], w: string[]): Omit<InterfaceBinding, 'ref'> | undefined {
  let i = 0
  if (low[0] === 'firewall') i++
  if (low[i] !== 'packet-filter') return undefined
  i++
  let family: 4 | 6 | undefined
  if (low[i] === 'ipv6') {
    family = 6
    i++
  }
  let filter: string | undefined
  if (low[i] === 'name') {
    filter = w[i + 1]
    i += 2
  } else if (/^\d+$/.test(low[i] ?? '')) {
    filter = w[i]
    i++
  }
  const dir = low[i]
  if (filter === undefined || (dir !== 'inbound' && dir !== 'outbound')) return undefined
  // Trailing options (hardware-count, rule-id) do not change what is filtered.
  const out: Omit<InterfaceBinding, 'ref'> = {filter, direction: dir === 'inbound' ? 'in' : 'out'}
  if (family !== undefined) out.family = family
  return out
}

function applyEdits(start: Set<number>, edits: readonly VlanEdit[]): Set<number> {
  const set = new Set(start)
  for (const e of edits) {
    const vlans = expandVlanList(e.vlans)
    if (e.op === 'add') for (const v of vlans) set.add(v)
    else for (const v of vlans) set.delete(v)
  }
  return set
}

function sorted(set: Iterable<number>): number[] {
  return [...set].sort((x, y) => x - y)
}

/** Is this interface a layer-2 port, and by which evidence? */
function isBridgePort(itf: ComwareInterface, switchFile: boolean): boolean {
  if (itf.linkMode) return itf.linkMode.mode === 'bridge'
  if (interfaceType(itf.name) === 'Bridge-Aggregation') return true
  if (itf.kind !== 'ethernet') return false
  if (itf.linkType || itf.accessVlan || itf.trunkEdits.length > 0 || itf.hybridEdits.length > 0) return true
  if (itf.trunkPvid || itf.hybridPvid) return true
  // A port with an address is routed (routers default to route mode and do not print it).
  if (itf.addresses.length > 0) return false
  return switchFile
}

/** Effective L2 state with Comware defaults: access VLAN 1; trunks carry VLAN 1; hybrid VLAN 1 untagged. */
export function effectiveSwitchPort(itf: ComwareInterface): SwitchPort {
  const mode = itf.linkType?.mode ?? 'access'
  const ref = itf.linkType?.ref ?? itf.ref
  if (mode === 'access') {
    const vlan = itf.accessVlan?.vlan ?? 1
    return {mode, untaggedVlan: vlan, vlans: [vlan], ref, vlanRefs: itf.accessVlan ? [itf.accessVlan.ref] : []}
  }
  if (mode === 'trunk') {
    const carried = applyEdits(new Set([1]), itf.trunkEdits)
    const pvid = itf.trunkPvid?.vlan ?? 1
    const vlanRefs = [...itf.trunkEdits.map((e) => e.ref), ...(itf.trunkPvid ? [itf.trunkPvid.ref] : [])]
    const port: SwitchPort = {mode, vlans: sorted(carried), ref, vlanRefs}
    // Untagged frames take the PVID only when the trunk carries it; otherwise they are dropped.
    if (carried.has(pvid)) port.untaggedVlan = pvid
    return port
  }
  const untagged = new Set([1])
  const tagged = new Set<number>()
  for (const e of itf.hybridEdits) {
    for (const v of expandVlanList(e.vlans)) {
      untagged.delete(v)
      tagged.delete(v)
      if (e.op === 'add') (e.tagged ? tagged : untagged).add(v)
    }
  }
  const carried = new Set([...untagged, ...tagged])
  const pvid = itf.hybridPvid?.vlan ?? 1
  const vlanRefs = [...itf.hybridEdits.map((e) => e.ref), ...(itf.hybridPvid ? [itf.hybridPvid.ref] : [])]
  const port: SwitchPort = {mode, vlans: sorted(carried), ref, vlanRefs}
  if (carried.has(pvid)) port.untaggedVlan = pvid
  return port
}

/** The neutral interface. `switchFile`: the file is evidently a switch (bridge ports, VLANs, SVIs). */
export function toInterface(itf: ComwareInterface, switchFile: boolean): Interface {
  const out: Interface = {name: itf.name, kind: itf.kind, shutdown: itf.shutdown, addresses: itf.addresses, ref: itf.ref}
  if (itf.description !== undefined) out.description = itf.description
  if (itf.vrf !== undefined) out.vrf = itf.vrf
  const svi = sviVlan(itf.name)
  if (svi !== undefined) out.vlan = svi
  if (itf.kind === 'subinterface') {
    const parent = parentOf(itf.name)
    if (parent !== undefined) out.parent = parent
    if (itf.dot1qVid !== undefined) out.vlan = itf.dot1qVid
  }
  if (itf.aggregateGroup !== undefined) {
    const routed = itf.linkMode?.mode === 'route' || (!switchFile && !isBridgePort(itf, false))
    out.aggregate = `${routed ? 'Route' : 'Bridge'}-Aggregation${itf.aggregateGroup}`
  }
  if (itf.linkMode?.mode === 'route') out.layer = 'l3'
  if (itf.kind === 'ethernet' || itf.kind === 'aggregate') {
    if (isBridgePort(itf, switchFile)) {
      out.layer = 'l2'
      out.switchport = effectiveSwitchPort(itf)
    } else if (itf.addresses.length > 0) out.layer = 'l3'
  }
  return out
}

/** Evidence that a file is a switch: bridge-mode ports, link types, SVIs. */
export function looksLikeSwitch(interfaces: readonly ComwareInterface[]): boolean {
  return interfaces.some(
    (i) =>
      i.linkMode?.mode === 'bridge' ||
      i.linkType !== undefined ||
      i.accessVlan !== undefined ||
      i.trunkEdits.length > 0 ||
      i.hybridEdits.length > 0 ||
      i.kind === 'svi' ||
      interfaceType(i.name) === 'Bridge-Aggregation',
  )
}
