import type {DeviceConfig, Interface, NeighborTable, SourceRef} from '../model/index.js'
import type {InventoryDevice, Zone} from '../inventory/types.js'
import type {ZoneIndex} from './zones.js'

/** One interface of one device, with the zone it belongs to (if any can be told). */
export interface ModelInterface {
  device: string
  name: string
  /** From the config when there is one, else from the inventory entry. */
  config?: Interface
  /** Canonical CIDRs (`10.1.2.3/24`). */
  addresses: string[]
  /** Zone ids this interface touches: by its addresses, its VLAN's SVIs, or an inventory override. */
  zones: string[]
  shutdown: boolean
  ref?: SourceRef
}

/** A device of the inventory, with what its files say. */
export interface ModelDevice {
  id: string
  inv: InventoryDevice
  config?: DeviceConfig
  neighbors?: NeighborTable
  interfaces: ModelInterface[]
  /** Zone ids the device touches (home zone + interface zones). */
  zones: string[]
}

/** A physical adjacency: an inventory cable, a neighbor-table entry, or both. */
export interface PhysicalLink {
  a: {device: string; interface: string}
  b: {device: string; interface: string}
  sources: ('inventory' | 'lldp' | 'cdp')[]
  refs: SourceRef[]
}

/** A broadcast domain: VLAN segments joined across switches by links whose ports both carry the VLAN. */
export interface L2Domain {
  id: string
  /** Member (device, vlan) segments. */
  segments: {device: string; vlan: number}[]
  /** L3 interfaces attached (SVIs, routed ports, host NICs). */
  attached: {device: string; interface: string}[]
  zones: string[]
  refs: SourceRef[]
}

export interface NetworkModel {
  zones: Map<string, Zone>
  devices: Map<string, ModelDevice>
  links: PhysicalLink[]
  l2domains: L2Domain[]
  zoneIndex: ZoneIndex
}
