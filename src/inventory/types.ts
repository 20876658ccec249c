import type {SourceRef, VendorId} from '../model/index.js'

/** The validated, cross-referenced inventory (SPEC §2). Field names are fixed by the spec. */
export const ZONE_KINDS = ['intranet', 'extranet', 'portal', 'internet', 'management', 'other'] as const
export type ZoneKind = (typeof ZONE_KINDS)[number]
export const DEVICE_ROLES = ['router', 'switch', 'firewall', 'server', 'workstation', 'isolation-gateway'] as const
export type DeviceRole = (typeof DEVICE_ROLES)[number]
export const DUTIES = ['system-admin', 'security-admin', 'audit-admin', 'operator', 'user'] as const
export type Duty = (typeof DUTIES)[number]
export const IMPORTANCE = ['critical', 'important', 'general'] as const
export type Importance = (typeof IMPORTANCE)[number]

export interface Zone {
  id: string
  kind: ZoneKind
  name?: string
  /** Canonical CIDR strings. */
  prefixes: string[]
}

export interface InventoryInterface {
  name: string
  /** Canonical CIDR (`10.1.2.3/24`), when given. */
  address?: string
  /** Overrides the zone the address implies. */
  zone?: string
}

export interface InventoryDevice {
  id: string
  zone?: string
  role: DeviceRole
  vendor?: VendorId
  /** Path relative to the inventory (already joined with `configs:`), as written. */
  config?: string
  neighbors?: string
  mgmt?: {address: string; port: number}
  interfaces: InventoryInterface[]
  name?: string
  /** Extension: this device is an approved Internet exit (network-approval). */
  exit?: boolean
}

export interface PortSpan {
  from: number
  to: number
}

export interface ApprovedFlow {
  id: string
  /** Zone ids, device ids, addresses or CIDR prefixes. */
  from: string[]
  to: string[]
  proto: 'tcp' | 'udp' | 'icmp' | 'any'
  ports: PortSpan[]
  why?: string
}

export interface LinkEnd {
  device: string
  interface: string
}

export interface Link {
  a: LinkEnd
  b: LinkEnd
}

export interface InfoSystem {
  id: string
  name?: string
  zone: string
  importance: Importance
  classification?: string
  hosts: string[]
}

export interface BackupCopy {
  location: 'local' | 'same-city' | 'remote'
  site?: string
}

export interface BackupJob {
  system: string
  /** Duration text as written (`1d`); parse with durations.ts. */
  interval?: string
  /** ISO date or date-time text. */
  lastSuccess?: string
  copies: BackupCopy[]
  lastRestoreTest?: string
}

export interface PlanContact {
  name: string
  role?: string
  phone?: string
}

export interface EmergencyPlan {
  id: string
  title: string
  document?: string
  /** System ids, or `network` for the network itself. */
  covers: string[]
  approved?: string
  lastReview?: string
  drills: string[]
  contacts: PlanContact[]
  rto?: string
  rpo?: string
}

export interface Account {
  id: string
  name?: string
  clearance?: string
  duties: Duty[]
  logins: {device: string; username: string}[]
  shared?: boolean
}

export interface Grant {
  account: string
  system: string
  access: 'admin' | 'write' | 'read'
}

export interface AccessRecords {
  levels: string[]
  accounts: Account[]
  grants: Grant[]
}

export interface Inventory {
  version: 1
  name?: string
  policy?: string
  configs?: string
  zones: Zone[]
  devices: InventoryDevice[]
  flows: ApprovedFlow[]
  links: Link[]
  systems: InfoSystem[]
  backups: BackupJob[]
  plans: EmergencyPlan[]
  access: AccessRecords
}

/** A loaded inventory with the means to point back at its YAML source. */
export interface LoadedInventory {
  inventory: Inventory
  /** Path of the inventory file as the user gave it (relative to cwd when possible). */
  file: string
  /** Absolute directory of the inventory file; device paths resolve against it (+ `configs:`). */
  dir: string
  /** Source position of a node: `locate(['devices', 3, 'zone'])`. Falls back to the nearest ancestor. */
  locate(path: (string | number)[]): SourceRef
  /** Absolute path of a device's config or neighbors file. */
  resolveDeviceFile(relative: string): string
}
