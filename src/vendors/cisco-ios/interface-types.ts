import type {InterfaceAddress, SourceRef, SwitchPortMode} from '../../model/index.js'
import type {SourceLine} from '../common/text.js'

/** One step of `switchport trunk allowed vlan …`, applied in config order. */
export type AllowedVlanOp =
  | {op: 'set' | 'add' | 'remove' | 'except'; vlans: number[]; ref: SourceRef}
  | {op: 'all' | 'none'; ref: SourceRef}

/** IOS interface as written: raw values, `undefined` when the config leaves the default. */
export interface IosInterface {
  name: string
  header: SourceLine
  description?: string
  shutdown: boolean
  addresses: InterfaceAddress[]
  dhcpAddress: boolean
  /** `switchport` (true) or `no switchport` (false). */
  switchport?: {enabled: boolean; ref: SourceRef}
  /** Any `switchport …` sub-command was seen. */
  switchportCommands: boolean
  mode?: {mode: SwitchPortMode; ref: SourceRef}
  nonegotiate: boolean
  accessVlan?: {vlan: number; ref: SourceRef}
  voiceVlan?: {vlan: number; ref: SourceRef}
  nativeVlan?: {vlan: number; ref: SourceRef}
  allowed: AllowedVlanOp[]
  encapsulation?: {vlan: number; native: boolean; ref: SourceRef}
  vrf?: string
  channelGroup?: number
}
