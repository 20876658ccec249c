import type {InterfaceKind} from '../../model/index.js'

/** USG interface types as `display current-configuration` prints them. */
const FULL_NAMES = [
  'GigabitEthernet',
  'XGigabitEthernet',
  '10GE',
  '25GE',
  '40GE',
  '100GE',
  'Ethernet',
  'Eth-Trunk',
  'Vlanif',
  'LoopBack',
  'NULL',
  'Tunnel',
  'MEth',
  'Virtual-if',
  'Virtual-Template',
  'Dialer',
  'Cellular',
  'Wlan-Ess',
] as const

// Short forms the device prints in `display interface brief` / LLDP, and that operators type.
const ABBREVIATIONS: Record<string, string> = {
  ge: 'GigabitEthernet',
  xge: 'XGigabitEthernet',
  eth: 'Ethernet',
  'eth-trunk': 'Eth-Trunk',
  loop: 'LoopBack',
  vt: 'Virtual-Template',
  vif: 'Virtual-if',
  null: 'NULL',
  tun: 'Tunnel',
  meth: 'MEth',
}

/** `GE1/0/1` → `GigabitEthernet1/0/1`, `eth-trunk 1.10` → `Eth-Trunk1.10`; unknown types stay as written. */
export function canonicalInterfaceName(name: string): string {
  const m = /^\s*([A-Za-z][A-Za-z-]*|\d+GE)\s*(\d.*)?$/.exec(name)
  if (!m?.[1]) return name.trim()
  const type = m[1]
  const rest = (m[2] ?? '').replace(/\s+/g, '')
  const low = type.toLowerCase()
  const abbrev = ABBREVIATIONS[low]
  if (abbrev) return abbrev + rest
  const exact = FULL_NAMES.find((f) => f.toLowerCase() === low)
  if (exact) return exact + rest
  const prefixed = FULL_NAMES.filter((f) => f.toLowerCase().startsWith(low))
  if (prefixed.length === 1 && prefixed[0]) return prefixed[0] + rest
  return type + rest
}

export function interfaceKind(name: string): InterfaceKind {
  if (/\.\d+$/.test(name)) return 'subinterface'
  if (/^(GigabitEthernet|XGigabitEthernet|\d+GE|Ethernet)/.test(name)) return 'ethernet'
  if (name.startsWith('Eth-Trunk')) return 'aggregate'
  if (name.startsWith('Vlanif')) return 'svi'
  if (name.startsWith('LoopBack')) return 'loopback'
  if (name.startsWith('NULL')) return 'null'
  if (name.startsWith('Tunnel') || name.startsWith('Virtual-Template') || name.startsWith('Dialer')) return 'tunnel'
  if (name.startsWith('MEth')) return 'management'
  return 'other'
}
