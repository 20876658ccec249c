import type {InterfaceKind} from '../../model/index.js'

/**
 * Comware interface type names and the abbreviations the CLI prints (`display interface brief`,
 * LLDP tables) or accepts. Keys are lower case; matching is case-insensitive.
 */
const TYPE_NAMES: ReadonlyArray<readonly [string[], string]> = [
  [['ten-gigabitethernet', 'xge'], 'Ten-GigabitEthernet'],
  [['twenty-fivegige', 'wge'], 'Twenty-FiveGigE'],
  [['fortygige', 'fge'], 'FortyGigE'],
  [['hundredgige', 'hge'], 'HundredGigE'],
  [['m-gigabitethernet', 'mge', 'm-ge'], 'M-GigabitEthernet'],
  [['m-ethernet', 'meth'], 'M-Ethernet'],
  [['gigabitethernet', 'ge'], 'GigabitEthernet'],
  [['ethernet', 'eth'], 'Ethernet'],
  [['bridge-aggregation', 'bagg'], 'Bridge-Aggregation'],
  [['route-aggregation', 'ragg'], 'Route-Aggregation'],
  [['vlan-interface', 'vlan-int', 'vlanif', 'vlan'], 'Vlan-interface'],
  [['loopback', 'loop', 'lo'], 'LoopBack'],
  [['null'], 'NULL'],
  [['tunnel', 'tun'], 'Tunnel'],
  [['serial', 'ser'], 'Serial'],
  [['dialer', 'dia'], 'Dialer'],
  [['virtual-template', 'vt'], 'Virtual-Template'],
  [['cellular'], 'Cellular'],
]

const BY_ALIAS = new Map<string, string>()
for (const [aliases, full] of TYPE_NAMES) for (const a of aliases) BY_ALIAS.set(a, full)

/** `GE1/0/1` → `GigabitEthernet1/0/1`, `vlan-int10` → `Vlan-interface10`; unknown names come back trimmed. */
export function canonicalInterfaceName(name: string): string {
  const t = name.trim()
  const m = /^([A-Za-z][A-Za-z-]*?)\s*(\d[\d/:.]*)$/.exec(t)
  if (!m) return t
  const full = BY_ALIAS.get((m[1] ?? '').toLowerCase())
  return full === undefined ? t : `${full}${m[2] ?? ''}`
}

const ETHERNET = new Set([
  'GigabitEthernet',
  'Ten-GigabitEthernet',
  'Twenty-FiveGigE',
  'FortyGigE',
  'HundredGigE',
  'Ethernet',
])

/** Type part of a canonical name: `GigabitEthernet1/0/1` → `GigabitEthernet`. */
export function interfaceType(canonical: string): string {
  return /^[A-Za-z][A-Za-z-]*/.exec(canonical)?.[0] ?? ''
}

export function interfaceKind(canonical: string): InterfaceKind {
  const type = interfaceType(canonical)
  if (type === 'Vlan-interface') return 'svi'
  if (/\d\.\d+$/.test(canonical)) return 'subinterface'
  if (ETHERNET.has(type)) return 'ethernet'
  if (type === 'LoopBack') return 'loopback'
  if (type === 'Bridge-Aggregation' || type === 'Route-Aggregation') return 'aggregate'
  if (type === 'NULL') return 'null'
  if (type === 'M-GigabitEthernet' || type === 'M-Ethernet') return 'management'
  if (type === 'Tunnel') return 'tunnel'
  return 'other'
}

/** `Vlan-interface10` → 10. */
export function sviVlan(canonical: string): number | undefined {
  const m = /^Vlan-interface(\d+)$/.exec(canonical)
  return m ? Number(m[1]) : undefined
}

/** `GigabitEthernet1/0/1.10` → `GigabitEthernet1/0/1`. */
export function parentOf(canonical: string): string | undefined {
  const m = /^(.+\d)\.\d+$/.exec(canonical)
  return m?.[1]
}
