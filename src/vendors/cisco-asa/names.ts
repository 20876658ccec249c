import type {InterfaceKind} from '../../model/index.js'

const FULL_NAMES = [
  'GigabitEthernet',
  'TenGigabitEthernet',
  'FortyGigabitEthernet',
  'HundredGigabitEthernet',
  'Ethernet',
  'FastEthernet',
  'Management',
  'Port-channel',
  'Redundant',
  'Vlan',
  'BVI',
  'Tunnel',
  'Internal-Data',
  'Internal-Control',
  'Null',
] as const

// Abbreviations ASA prints (`show nameif`, CDP) and operators type.
const ABBREVIATIONS: Record<string, string> = {
  gi: 'GigabitEthernet',
  gig: 'GigabitEthernet',
  ge: 'GigabitEthernet',
  te: 'TenGigabitEthernet',
  ten: 'TenGigabitEthernet',
  fo: 'FortyGigabitEthernet',
  hu: 'HundredGigabitEthernet',
  eth: 'Ethernet',
  et: 'Ethernet',
  fa: 'FastEthernet',
  ma: 'Management',
  mgmt: 'Management',
  po: 'Port-channel',
  vl: 'Vlan',
}

/** `Gi0/1` → `GigabitEthernet0/1`, `po1.10` → `Port-channel1.10`; unknown types stay as written. */
export function canonicalInterfaceName(name: string): string {
  const m = /^\s*([A-Za-z][A-Za-z-]*)\s*(\d.*)?$/.exec(name)
  if (!m?.[1]) return name.trim()
  const rest = (m[2] ?? '').replace(/\s+/g, '')
  const low = m[1].toLowerCase()
  const abbrev = ABBREVIATIONS[low]
  if (abbrev) return abbrev + rest
  const exact = FULL_NAMES.find((f) => f.toLowerCase() === low)
  if (exact) return exact + rest
  const prefixed = FULL_NAMES.filter((f) => f.toLowerCase().startsWith(low))
  if (prefixed.length === 1 && prefixed[0]) return prefixed[0] + rest
  return m[1] + rest
}

export function interfaceKind(name: string): InterfaceKind {
  if (/\.\d+$/.test(name)) return 'subinterface'
  if (/^(GigabitEthernet|TenGigabitEthernet|FortyGigabitEthernet|HundredGigabitEthernet|Ethernet|FastEthernet)/.test(name)) return 'ethernet'
  if (name.startsWith('Management')) return 'management'
  if (name.startsWith('Port-channel') || name.startsWith('Redundant')) return 'aggregate'
  if (name.startsWith('Vlan') || name.startsWith('BVI')) return 'svi'
  if (name.startsWith('Tunnel')) return 'tunnel'
  if (name.startsWith('Null')) return 'null'
  return 'other'
}
