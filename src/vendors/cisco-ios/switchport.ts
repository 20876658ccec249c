import type {SourceRef, SwitchPort} from '../../model/index.js'
import type {IosInterface} from './interface-types.js'

export const MIN_VLAN = 1
export const MAX_VLAN = 4094

/** `10,20-30` → [10, 20…30]; undefined when any part is not a VLAN number or range. */
export function parseVlanList(text: string): number[] | undefined {
  const out: number[] = []
  for (const part of text.split(',')) {
    const m = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(part.trim())
    if (!m) return undefined
    const from = Number(m[1])
    const to = m[2] === undefined ? from : Number(m[2])
    if (from < MIN_VLAN || to > MAX_VLAN || to < from) return undefined
    for (let v = from; v <= to; v++) out.push(v)
  }
  return out
}

function allVlans(): Set<number> {
  const s = new Set<number>()
  for (let v = MIN_VLAN; v <= MAX_VLAN; v++) s.add(v)
  return s
}

/** The trunk's allowed set after every `allowed vlan` step; IOS allows 1–4094 until told otherwise. */
export function allowedVlans(port: IosInterface): Set<number> {
  let set = allVlans()
  for (const step of port.allowed) {
    switch (step.op) {
      case 'all':
        set = allVlans()
        break
      case 'none':
        set = new Set()
        break
      case 'set':
        set = new Set(step.vlans)
        break
      case 'add':
        for (const v of step.vlans) set.add(v)
        break
      case 'remove':
        for (const v of step.vlans) set.delete(v)
        break
      case 'except':
        set = allVlans()
        for (const v of step.vlans) set.delete(v)
        break
    }
  }
  return set
}

function sorted(set: Set<number>): number[] {
  return [...set].sort((a, b) => a - b)
}

/**
 * Effective switch-port state with IOS defaults: access VLAN 1, native VLAN 1, all VLANs on
 * a trunk. A port left in DTP `dynamic` mode becomes a trunk if its peer asks, so it may carry
 * its access VLAN and every VLAN its trunk settings allow; we keep that union (sound for isolation).
 */
export function effectiveSwitchPort(port: IosInterface, headerRef: SourceRef): SwitchPort {
  const access = port.accessVlan?.vlan ?? 1
  const native = port.nativeVlan?.vlan ?? 1
  const mode = port.mode?.mode ?? 'dynamic'
  const vlanRefs: SourceRef[] = []
  const ref = port.mode?.ref ?? headerRef
  const accessRefs = [port.accessVlan?.ref, port.voiceVlan?.ref].filter((r) => r !== undefined)
  const trunkRefs = [port.nativeVlan?.ref, ...port.allowed.map((s) => s.ref)].filter((r) => r !== undefined)
  const accessSet = new Set<number>([access])
  if (port.voiceVlan) accessSet.add(port.voiceVlan.vlan)
  switch (mode) {
    case 'access':
    case 'dot1q-tunnel':
      vlanRefs.push(...accessRefs)
      return {mode, untaggedVlan: access, vlans: sorted(accessSet), ref, vlanRefs}
    case 'trunk':
      vlanRefs.push(...trunkRefs)
      return {mode, untaggedVlan: native, vlans: sorted(allowedVlans(port)), ref, vlanRefs}
    default: {
      vlanRefs.push(...accessRefs, ...trunkRefs)
      if (port.nonegotiate) return {mode, untaggedVlan: access, vlans: sorted(accessSet), ref, vlanRefs}
      const union = allowedVlans(port)
      for (const v of accessSet) union.add(v)
      return {mode, untaggedVlan: access, vlans: sorted(union), ref, vlanRefs}
    }
  }
}
