import type {AccountModel, ManagementPlane} from './management.js'
import type {Filter, FilterBinding, SecurityZone} from './filter.js'
import type {Coverage, SourceRef} from './source.js'

export const VENDOR_IDS = [
  'huawei-vrp',
  'huawei-usg',
  'h3c-comware',
  'cisco-ios',
  'cisco-asa',
  'juniper-junos',
  'iptables',
] as const
export type VendorId = (typeof VENDOR_IDS)[number]

export type IpFamily = 4 | 6

export interface InterfaceAddress {
  /** Canonical text form: `10.1.2.3`, `2001:db8::1`. */
  address: string
  /** Prefix length (dotted masks are converted by the vendor parser). */
  length: number
  family: IpFamily
  secondary: boolean
  ref: SourceRef
}

export type SwitchPortMode = 'access' | 'trunk' | 'hybrid' | 'dot1q-tunnel' | 'dynamic'

/** Effective L2 state of a switch port after applying the vendor's defaults. */
export interface SwitchPort {
  mode: SwitchPortMode
  /** Untagged VLAN: access VLAN, trunk native/pvid, hybrid pvid. */
  untaggedVlan?: number
  /** Every VLAN the port carries, tagged or untagged, ascending, deduplicated. */
  vlans: number[]
  /** The line that set the mode (or the interface header when the mode is the default). */
  ref: SourceRef
  /** Lines that shaped the VLAN list (allow-pass, allowed vlan, default vlan, pvid…). */
  vlanRefs: SourceRef[]
}

export type InterfaceKind =
  | 'ethernet'
  | 'svi'
  | 'subinterface'
  | 'loopback'
  | 'aggregate'
  | 'tunnel'
  | 'management'
  | 'null'
  | 'other'

export interface Interface {
  /** Canonical full name (abbreviations expanded by the vendor's canonicalInterfaceName). */
  name: string
  kind: InterfaceKind
  description?: string
  shutdown: boolean
  addresses: InterfaceAddress[]
  /** Present when the interface is a switch port (explicitly, or by the vendor's default for its kind). */
  switchport?: SwitchPort
  /** Explicit layer when the config says so (`undo portswitch`, `no switchport` → l3). */
  layer?: 'l2' | 'l3'
  /** SVI: its VLAN. Sub-interface: its dot1q VLAN. */
  vlan?: number
  /** Sub-interface: the parent interface name. */
  parent?: string
  /** Member of this aggregate (Eth-Trunk, Bridge-Aggregation, Port-channel). */
  aggregate?: string
  vrf?: string
  ref: SourceRef
}

export interface Vlan {
  id: number
  name?: string
  ref: SourceRef
}

export interface StaticRoute {
  /** Destination prefix, canonical: `0.0.0.0`, `::`. */
  prefix: string
  length: number
  family: IpFamily
  nextHop?: string
  outInterface?: string
  vrf?: string
  /** Null0 / NULL0 / blackhole / reject routes. */
  discard: boolean
  ref: SourceRef
}

/** Everything a vendor parser extracts from one configuration file, in vendor-neutral terms. */
export interface DeviceConfig {
  vendor: VendorId
  file: string
  hostname?: string
  hostnameRef?: SourceRef
  interfaces: Interface[]
  vlans: Vlan[]
  staticRoutes: StaticRoute[]
  /** Packet filters (ACLs, firewall policies) as ordered rule lists; issue 3 fills these. */
  filters: Filter[]
  filterBindings: FilterBinding[]
  securityZones: SecurityZone[]
  accounts: AccountModel
  management: ManagementPlane
  coverage: Coverage
}

export interface Neighbor {
  /** Canonical local interface name. */
  localInterface: string
  remoteName?: string
  /** As the neighbor reports it (may be abbreviated: the network model canonicalizes with the remote's vendor). */
  remoteInterface?: string
  remoteChassisId?: string
  remoteMgmtAddress?: string
  remotePlatform?: string
  ref: SourceRef
}

export interface NeighborTable {
  vendor: VendorId
  file: string
  /** Which output this was: `lldp`, `cdp`. */
  protocol: 'lldp' | 'cdp'
  neighbors: Neighbor[]
  coverage: Coverage
}

export function emptyDeviceConfig(vendor: VendorId, file: string): DeviceConfig {
  return {
    vendor,
    file,
    interfaces: [],
    vlans: [],
    staticRoutes: [],
    filters: [],
    filterBindings: [],
    securityZones: [],
    accounts: {users: [], enable: []},
    management: {services: [], lines: [], snmp: {communities: [], versions: []}},
    coverage: {file, lines: 0, recognized: 0, unrecognized: []},
  }
}
