import type {InterfaceKind} from '../../model/index.js'

/** IOS Ethernet interface types. */
const ETHERNET_NAMES = [
  'Ethernet',
  'FastEthernet',
  'GigabitEthernet',
  'TenGigabitEthernet',
  'TwoGigabitEthernet',
  'TwentyFiveGigE',
  'FiveGigabitEthernet',
  'FortyGigabitEthernet',
  'HundredGigE',
  'FourHundredGigE',
  'AppGigabitEthernet',
]

/**
 * Full IOS interface type names, in the order IOS resolves an ambiguous abbreviation:
 * `T` is TenGigabitEthernet, `Tw` TwoGigabitEthernet, `Twe` TwentyFiveGigE, `F` FastEthernet.
 */
const FULL_NAMES = [
  ...ETHERNET_NAMES,
  'Port-channel',
  'Vlan',
  'Virtual-Template',
  'Virtual-Access',
  'Loopback',
  'Tunnel',
  'Null',
  'Serial',
  'Multilink',
  'Dialer',
  'BDI',
  'BVI',
  'Async',
  'Cellular',
  'Management',
  'mgmt',
] as const

// Abbreviations that are not plain prefixes of the full name (CDP tables print `Gig`, `Ten`, `Fas`).
const ALIASES: Record<string, string> = {
  ge: 'GigabitEthernet',
  eth: 'Ethernet',
  portchannel: 'Port-channel',
  'port-channel': 'Port-channel',
  twentyfivegigabitethernet: 'TwentyFiveGigE',
  hundredgigabitethernet: 'HundredGigE',
  fourhundredgigabitethernet: 'FourHundredGigE',
}

const NAME = /^([A-Za-z][A-Za-z-]*?)\s*(\d[\w./:]*)$/

/** Expand `Gi0/1`, `te1/1/1`, `Po1`, `Vl10`, `Gig 1/0/1` to the full IOS name; unknown names are returned trimmed. */
export function canonicalInterfaceName(name: string): string {
  const trimmed = name.trim()
  const m = NAME.exec(trimmed)
  if (!m) return trimmed
  const prefix = (m[1] ?? '').toLowerCase()
  const suffix = m[2] ?? ''
  const alias = ALIASES[prefix]
  if (alias) return alias + suffix
  const full = FULL_NAMES.find((f) => f.toLowerCase().startsWith(prefix))
  return full ? full + suffix : trimmed
}

const ETHERNET_TYPES = new Set<string>(ETHERNET_NAMES)

/** The interface type of a canonical name: `GigabitEthernet0/1.10` → `GigabitEthernet`. */
export function interfaceType(canonical: string): string {
  return /^[A-Za-z-]+/.exec(canonical)?.[0] ?? ''
}

export function interfaceKind(canonical: string): InterfaceKind {
  const type = interfaceType(canonical)
  const isSub = canonical.includes('.')
  if (ETHERNET_TYPES.has(type)) return isSub ? 'subinterface' : 'ethernet'
  switch (type) {
    case 'Port-channel':
      return isSub ? 'subinterface' : 'aggregate'
    case 'Vlan':
      return 'svi'
    case 'Loopback':
      return 'loopback'
    case 'Tunnel':
      return 'tunnel'
    case 'Null':
      return 'null'
    case 'Management':
    case 'mgmt':
      return 'management'
    default:
      return isSub ? 'subinterface' : 'other'
  }
}

/** Interfaces that can act as switch ports when the device is a switch. */
export function isSwitchableKind(kind: InterfaceKind): boolean {
  return kind === 'ethernet' || kind === 'aggregate'
}
