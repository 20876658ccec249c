import type {Interface, InterfaceKind, SourceRef} from '../../model/index.js'
import {parsePrefix} from '../../net/address.js'
import {type JunosContext, ref} from './context.js'
import type {Statement} from './statements.js'

function kindOf(name: string): InterfaceKind {
  if (/^(irb|vlan)\.\d+$/.test(name)) return 'svi'
  if (/^lo\d/.test(name)) return 'loopback'
  if (/^(fxp|em|me|vme)\d/.test(name)) return 'management'
  if (/^(ae|reth)\d+$/.test(name)) return 'aggregate'
  if (/^(gr|ip|st|lt)-/.test(name)) return 'tunnel'
  if (/\.\d+$/.test(name)) return 'subinterface'
  if (/^(ge|xe|et|fe|mge)-/.test(name)) return 'ethernet'
  return 'other'
}

export function ensureInterface(ctx: JunosContext, name: string, st: Statement): Interface {
  let intf = ctx.interfaces.get(name)
  if (!intf) {
    intf = {name, kind: kindOf(name), shutdown: false, addresses: [], ref: ref(ctx, st)}
    const dot = name.lastIndexOf('.')
    if (dot > 0 && intf.kind !== 'svi') intf.parent = name.slice(0, dot)
    if (intf.kind === 'svi') intf.vlan = Number(name.slice(name.indexOf('.') + 1))
    ctx.interfaces.set(name, intf)
  }
  return intf
}

/** `interfaces IF …` and `interfaces IF unit N …`; false when the statement is not understood. */
export function interfaceStatement(ctx: JunosContext, st: Statement): boolean {
  const [, physical, ...rest] = st.words
  if (!physical || physical === 'interface-range') return false
  const phys = ensureInterface(ctx, physical, st)
  if (rest[0] === 'unit' && rest[1] !== undefined) {
    // irb.10 and lo0.0 are the routed interfaces themselves; ge-0/0/0.0 is a unit of its port.
    const unitName = `${physical}.${rest[1]}`
    return unitStatement(ctx, ensureInterface(ctx, unitName, st), phys, rest.slice(2), st)
  }
  return portStatement(ctx, phys, rest, st)
}

function portStatement(ctx: JunosContext, phys: Interface, rest: string[], st: Statement): boolean {
  const [k, v, w] = rest
  if (k === undefined) return true
  if (k === 'description') {
    if (v !== undefined) phys.description = v
    return true
  }
  if (k === 'disable') {
    phys.shutdown = true
    return true
  }
  if (k === 'native-vlan-id' && v !== undefined) {
    vlanEntry(ctx, phys.name).native = Number(v)
    vlanEntry(ctx, phys.name).refs.push(ref(ctx, st))
    return true
  }
  if ((k === 'ether-options' || k === 'gigether-options') && v === '802.3ad' && w) {
    phys.aggregate = w
    return true
  }
  if (['vlan-tagging', 'flexible-vlan-tagging', 'mtu', 'speed', 'link-mode', 'encapsulation', 'ether-options', 'gigether-options', 'aggregated-ether-options', 'traps', 'no-traps', 'hold-time', 'enable'].includes(k)) return true
  return false
}

function vlanEntry(ctx: JunosContext, port: string): {members: string[]; native?: number; refs: SourceRef[]} {
  let e = ctx.vlanMembers.get(port)
  if (!e) {
    e = {members: [], refs: []}
    ctx.vlanMembers.set(port, e)
  }
  return e
}

function unitStatement(ctx: JunosContext, unit: Interface, phys: Interface, rest: string[], st: Statement): boolean {
  const [k, family, a, b, c] = rest
  if (k === undefined) return true
  if (k === 'description') {
    if (family !== undefined) unit.description = family
    return true
  }
  if (k === 'disable') {
    unit.shutdown = true
    return true
  }
  if (k === 'vlan-id' && family !== undefined) {
    unit.vlan = Number(family)
    return true
  }
  if (k !== 'family') return ['encapsulation', 'traps', 'no-traps', 'mtu'].includes(k)
  if (family === undefined) return true
  if (family === 'inet' || family === 'inet6') {
    if (a === undefined) return true
    if (a === 'address' && b !== undefined) {
      const p = parsePrefix(b)
      if (!p || p.family !== (family === 'inet' ? 4 : 6)) return false
      if (!unit.addresses.some((x) => x.address === p.address && x.length === p.length)) {
        unit.addresses.push({address: p.address, length: p.length, family: p.family, secondary: unit.addresses.some((x) => x.family === p.family), ref: ref(ctx, st)})
      }
      unit.layer = 'l3'
      // `primary`, `preferred`, `vrrp-group`… qualify the address; VRRP details are not modelled.
      return c === undefined || ['primary', 'preferred'].includes(c)
    }
    if (a === 'filter' && (b === 'input' || b === 'output') && c !== undefined) {
      ctx.config.filterBindings.push({kind: 'interface', filter: `${family} ${c}`, interface: unit.name, direction: b === 'input' ? 'in' : 'out', ref: ref(ctx, st)})
      return true
    }
    return ['mtu', 'dhcp', 'dhcp-client', 'no-redirects', 'sampling', 'rpf-check', 'targeted-broadcast'].includes(a)
  }
  if (family === 'ethernet-switching') {
    const e = vlanEntry(ctx, phys.name)
    if (a === undefined) return true
    if ((a === 'interface-mode' || a === 'port-mode') && (b === 'access' || b === 'trunk')) {
      phys.switchport = {mode: b, vlans: [], ref: ref(ctx, st), vlanRefs: []}
      return true
    }
    if (a === 'vlan' && b === 'members' && c !== undefined) {
      e.members.push(c)
      e.refs.push(ref(ctx, st))
      return true
    }
    if (a === 'native-vlan-id' && b !== undefined) {
      e.native = Number(b)
      return true
    }
    return a === 'storm-control'
  }
  return ['iso', 'mpls', 'inet6'].includes(family)
}

/** VLAN names/ranges → ids; a port in ethernet-switching without a mode is an access port (the default). */
export function resolveSwitchPorts(ctx: JunosContext): void {
  for (const [port, e] of ctx.vlanMembers) {
    const intf = ctx.interfaces.get(port)
    if (!intf) continue
    const ids = new Set<number>()
    for (const m of e.members) {
      const range = /^(\d+)-(\d+)$/.exec(m)
      if (range) for (let v = Number(range[1]); v <= Number(range[2]) && v <= 4094; v++) ids.add(v)
      else if (/^\d+$/.test(m)) ids.add(Number(m))
      else if (m === 'all') for (const v of ctx.vlanIds.values()) ids.add(v)
      else {
        const id = ctx.vlanIds.get(m)
        if (id !== undefined) ids.add(id)
      }
    }
    if (e.native !== undefined) ids.add(e.native)
    const first = e.refs[0] ?? intf.ref
    const sp = intf.switchport ?? {mode: 'access' as const, vlans: [], ref: first, vlanRefs: []}
    sp.vlans = [...ids].sort((x, y) => x - y)
    sp.vlanRefs = e.refs
    if (sp.mode === 'access') {
      const only = sp.vlans[0]
      if (only !== undefined) sp.untaggedVlan = only
    } else if (e.native !== undefined) sp.untaggedVlan = e.native
    intf.switchport = sp
    intf.layer = 'l2'
  }
}
