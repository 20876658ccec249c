import type {Interface, SourceRef, SwitchPort} from '../../model/index.js'
import type {VlanEdit, VrpInterface} from './vendor-model.js'
import {sortedUnique} from './vlan-list.js'

/*
 * VRP defaults (S-series command reference, `port hybrid pvid vlan` / `port default vlan`:
 * "By default, VLAN 1 is the default VLAN ID of all interfaces"): a trunk allows VLAN 1 until
 * `undo port trunk allow-pass vlan 1`; a hybrid port carries VLAN 1 untagged; an access or QinQ
 * port sits in VLAN 1 until `port default vlan`.
 */
const DEFAULT_VLAN = 1

/** Apply add/remove edits, in config order, to a starting set. */
function applyEdits(start: number[], edits: VlanEdit[]): Set<number> {
  const set = new Set(start)
  for (const e of edits) {
    for (const v of e.vlans) {
      if (e.op === 'add') set.add(v)
      else set.delete(v)
    }
  }
  return set
}

function hasL2Config(i: VrpInterface): boolean {
  return (
    i.linkType !== undefined ||
    i.portswitch?.value === true ||
    i.defaultVlan !== undefined ||
    i.trunkPvid !== undefined ||
    i.hybridPvid !== undefined ||
    i.trunkAllowed.length + i.hybridTagged.length + i.hybridUntagged.length > 0
  )
}

/**
 * The effective switch port, or undefined for routed ports, SVIs, sub-interfaces and
 * Eth-Trunk members (their VLANs are the trunk's). `switchDevice`: the file is a switch, so
 * an unconfigured Ethernet port is still a Layer-2 port in VLAN 1.
 */
export function effectiveSwitchPort(i: VrpInterface, switchDevice: boolean): SwitchPort | undefined {
  if (i.kind !== 'ethernet' && i.kind !== 'aggregate') return undefined
  if (i.portswitch?.value === false || i.aggregate !== undefined) return undefined
  const explicit = hasL2Config(i)
  if (!explicit && (!switchDevice || i.addresses.length > 0)) return undefined
  const mode = i.linkType?.value ?? 'hybrid'
  const ref: SourceRef = i.linkType?.ref ?? i.ref
  const vlanRefs: SourceRef[] = []
  const note = (r: SourceRef | undefined) => {
    if (r && !vlanRefs.some((x) => x.line === r.line)) vlanRefs.push(r)
  }
  if (mode === 'access' || mode === 'dot1q-tunnel') {
    note(i.defaultVlan?.ref)
    const v = i.defaultVlan?.value ?? DEFAULT_VLAN
    return {mode, untaggedVlan: v, vlans: [v], ref, vlanRefs}
  }
  if (mode === 'trunk') {
    const allowed = applyEdits([DEFAULT_VLAN], i.trunkAllowed)
    for (const e of i.trunkAllowed) note(e.ref)
    note(i.trunkPvid?.ref)
    const pvid = i.trunkPvid?.value ?? DEFAULT_VLAN
    const port: SwitchPort = {mode, vlans: sortedUnique(allowed), ref, vlanRefs}
    // Frames of the PVID leave untagged only while the trunk allows that VLAN.
    if (allowed.has(pvid)) port.untaggedVlan = pvid
    return port
  }
  // A VLAN is either tagged or untagged on a hybrid port: replay the edits in config order.
  const state = new Map<number, 'tagged' | 'untagged'>([[DEFAULT_VLAN, 'untagged']])
  const edits = [
    ...i.hybridTagged.map((e) => ({e, as: 'tagged' as const})),
    ...i.hybridUntagged.map((e) => ({e, as: 'untagged' as const})),
  ].sort((a, b) => a.e.ref.line - b.e.ref.line)
  for (const {e, as} of edits) {
    note(e.ref)
    for (const v of e.vlans) {
      if (e.op === 'add') state.set(v, as)
      else if (state.get(v) === as) state.delete(v)
    }
  }
  note(i.hybridPvid?.ref)
  const pvid = i.hybridPvid?.value ?? DEFAULT_VLAN
  const port: SwitchPort = {mode, vlans: sortedUnique(state.keys()), ref, vlanRefs}
  if (state.has(pvid)) port.untaggedVlan = pvid
  return port
}

/** Vendor interface → neutral interface. */
export function toNeutralInterface(i: VrpInterface, switchDevice: boolean): Interface {
  const out: Interface = {
    name: i.name,
    kind: i.kind,
    shutdown: i.shutdown?.value ?? false,
    addresses: i.addresses,
    ref: i.ref,
  }
  if (i.description !== undefined) out.description = i.description
  const sp = effectiveSwitchPort(i, switchDevice)
  if (sp) out.switchport = sp
  if (i.portswitch?.value === false) out.layer = 'l3'
  else if (sp && (i.linkType !== undefined || i.portswitch?.value === true)) out.layer = 'l2'
  if (i.vlan !== undefined) out.vlan = i.vlan
  if (i.parent !== undefined) out.parent = i.parent
  if (i.aggregate !== undefined) out.aggregate = i.aggregate
  if (i.vrf !== undefined) out.vrf = i.vrf
  return out
}
