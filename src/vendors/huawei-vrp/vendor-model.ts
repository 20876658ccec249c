import type {InterfaceAddress, InterfaceKind, SourceRef, SwitchPortMode} from '../../model/index.js'

/** A value as the config set it, with the line that set it. Absent = not in the config (vendor default applies). */
export interface Setting<T> {
  value: T
  ref: SourceRef
}

/** One `port trunk allow-pass vlan …` / `port hybrid tagged vlan …` line (or its `undo`). */
export interface VlanEdit {
  op: 'add' | 'remove'
  vlans: number[]
  ref: SourceRef
}

/** An interface as VRP configures it: raw settings, "unset" distinct from "set to the default". */
export interface VrpInterface {
  name: string
  kind: InterfaceKind
  ref: SourceRef
  description?: string
  shutdown?: Setting<boolean>
  addresses: InterfaceAddress[]
  /** `portswitch` (true) / `undo portswitch` (false). */
  portswitch?: Setting<boolean>
  linkType?: Setting<SwitchPortMode>
  defaultVlan?: Setting<number>
  trunkPvid?: Setting<number>
  trunkAllowed: VlanEdit[]
  hybridPvid?: Setting<number>
  hybridTagged: VlanEdit[]
  hybridUntagged: VlanEdit[]
  /** Eth-Trunk this port is a member of. */
  aggregate?: string
  vlan?: number
  parent?: string
  vrf?: string
}

export function newInterface(name: string, kind: InterfaceKind, ref: SourceRef): VrpInterface {
  return {name, kind, ref, addresses: [], trunkAllowed: [], hybridTagged: [], hybridUntagged: []}
}
