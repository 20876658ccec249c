import type {InterfaceKind} from '../../model/index.js'

/** VRP interface types, as `display` prints them. Order matters only for prefix lookups. */
const FULL_NAMES = [
  'GigabitEthernet',
  'XGigabitEthernet',
  'MultiGE',
  '10GE',
  '25GE',
  '40GE',
  '50GE',
  '100GE',
  '200GE',
  '400GE',
  'Ethernet',
  'FastEthernet',
  'Eth-Trunk',
  'Vlanif',
  'LoopBack',
  'InLoopBack',
  'NULL',
  'Tunnel',
  'MEth',
  'Serial',
  'Pos',
  'Virtual-Template',
  'Virtual-Ethernet',
  'Dialer',
  'Cellular',
  'Nve',
  'Vbdif',
  'Global-Mp-Group',
  'Mp-group',
  'Wlan-Radio',
  'Wlan-Ess',
  'Ip-Trunk',
] as const

// The short forms VRP itself prints (display interface brief, LLDP) and operators type.
const ABBREVIATIONS: Record<string, string> = {
  ge: 'GigabitEthernet',
  xge: 'XGigabitEthernet',
  mge: 'MultiGE',
  eth: 'Ethernet',
  fe: 'FastEthernet',
  'eth-trunk': 'Eth-Trunk',
  meth: 'MEth',
  vlanif: 'Vlanif',
  loop: 'LoopBack',
  lo: 'LoopBack',
  null: 'NULL',
  tun: 'Tunnel',
  s: 'Serial',
  // `g`/`gi` also prefix Global-Mp-Group on AR routers; operators mean the port.
  g: 'GigabitEthernet',
  gi: 'GigabitEthernet',
}

const BY_LOWER = new Map<string, string>(FULL_NAMES.map((n) => [n.toLowerCase(), n]))

/** `GE0/0/1`, `ge 0/0/1`, `g0/0/1`, `eth-trunk1`, `vlanif10` → `GigabitEthernet0/0/1`, `Eth-Trunk1`, `Vlanif10`. */
export function canonicalInterfaceName(name: string): string {
  const trimmed = name.trim()
  const m = /^([A-Za-z][A-Za-z-]*?|\d+GE)\s*(\d[\d/:.]*)$/i.exec(trimmed)
  if (!m) return trimmed
  const type = m[1] ?? ''
  const number = m[2] ?? ''
  const full = expandType(type.toLowerCase())
  // Physical ports always have slot/port numbers; `eth0` is a host NIC, not `Ethernet0`.
  if (full === undefined || (ETHERNET.test(`${full}0`) && !number.includes('/'))) return trimmed
  return `${full}${number}`
}

function expandType(low: string): string | undefined {
  const exact = BY_LOWER.get(low) ?? ABBREVIATIONS[low]
  if (exact !== undefined) return exact
  // VRP accepts any unambiguous prefix of a keyword (`gi`, `vlan`, `eth-t`).
  const hits = FULL_NAMES.filter((n) => n.toLowerCase().startsWith(low))
  return hits.length === 1 ? hits[0] : undefined
}

const ETHERNET = /^(GigabitEthernet|XGigabitEthernet|MultiGE|\d+GE|Ethernet|FastEthernet)\d/

export interface NameFacts {
  kind: InterfaceKind
  /** SVI VLAN (Vlanif N). */
  vlan?: number
  /** Sub-interface parent. */
  parent?: string
}

/** Kind, VLAN and parent from a canonical name alone. */
export function classifyInterface(canonical: string): NameFacts {
  const dot = /^(.+\d)\.(\d+)$/.exec(canonical)
  if (dot?.[1] !== undefined) return {kind: 'subinterface', parent: dot[1]}
  const svi = /^Vlanif(\d+)$/.exec(canonical)
  if (svi?.[1] !== undefined) return {kind: 'svi', vlan: Number(svi[1])}
  if (ETHERNET.test(canonical)) return {kind: 'ethernet'}
  if (/^Eth-Trunk\d/.test(canonical)) return {kind: 'aggregate'}
  if (/^(In)?LoopBack\d/.test(canonical)) return {kind: 'loopback'}
  if (/^NULL\d/.test(canonical)) return {kind: 'null'}
  if (/^Tunnel\d/.test(canonical)) return {kind: 'tunnel'}
  if (/^MEth\d/.test(canonical)) return {kind: 'management'}
  return {kind: 'other'}
}
