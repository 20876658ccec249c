import type {SwitchPortMode} from '../../model/index.js'
import {parseAddress, parsePrefix} from '../../net/address.js'
import type {SourceLine} from '../common/text.js'
import type {Block} from './blocks.js'
import {words} from './blocks.js'
import {type ParseContext, unknown} from './context.js'
import {IGNORED_INTERFACE_COMMANDS, matchesPhrase} from './ignored.js'
import {canonicalInterfaceName, classifyInterface} from './names.js'
import {newInterface, type VlanEdit, type VrpInterface} from './vendor-model.js'
import {parseVlanList, vlanId} from './vlan-list.js'
import {parseInterfaceFilter} from './acl-bindings.js'

const LINK_TYPES: Record<string, SwitchPortMode> = {
  access: 'access',
  trunk: 'trunk',
  hybrid: 'hybrid',
  'dot1q-tunnel': 'dot1q-tunnel',
}

/** `interface NAME` (the name may be split: `interface GigabitEthernet 0/0/1`). Re-entered views merge. */
export function parseInterfaceBlock(block: Block, ctx: ParseContext): void {
  const w = words(block.header)
  const raw = w.slice(1).join('')
  if (raw === '') {
    unknown(ctx, block.header, undefined, 'interface without a name')
    for (const line of block.body) unknown(ctx, line, block)
    return
  }
  const name = canonicalInterfaceName(raw)
  let intf = ctx.interfaces.get(name)
  if (!intf) {
    const facts = classifyInterface(name)
    intf = newInterface(name, facts.kind, ctx.rec.ref(block.header))
    if (facts.vlan !== undefined) intf.vlan = facts.vlan
    if (facts.parent !== undefined) intf.parent = facts.parent
    ctx.interfaces.set(name, intf)
  }
  for (const line of block.body) {
    if (!parseInterfaceCommand(intf, line, ctx)) {
      if (matchesPhrase(words(line), IGNORED_INTERFACE_COMMANDS)) continue
      unknown(ctx, line, block)
    }
  }
}

/** True when the line was understood (and applied). */
function parseInterfaceCommand(intf: VrpInterface, line: SourceLine, ctx: ParseContext): boolean {
  const w = words(line)
  const low = w.map((x) => x.toLowerCase())
  const ref = ctx.rec.ref(line)
  const cmd = low.join(' ')
  if (low[0] === 'description') {
    intf.description = line.text.trim().slice('description'.length).trim()
    return true
  }
  if (cmd === 'shutdown') return set(intf, 'shutdown', true, ref)
  if (cmd === 'undo shutdown') return set(intf, 'shutdown', false, ref)
  if (cmd === 'portswitch') return set(intf, 'portswitch', true, ref)
  if (cmd === 'undo portswitch') return set(intf, 'portswitch', false, ref)
  if (low[0] === 'ip' && low[1] === 'address') return parseIpv4Address(intf, w, ref)
  if (low[0] === 'ipv6' && low[1] === 'address') return parseIpv6Address(intf, w, ref)
  if (low[0] === 'ip' && low[1] === 'binding' && low[2] === 'vpn-instance' && w[3] !== undefined && w.length === 4) {
    intf.vrf = w[3]
    return true
  }
  if (low[0] === 'port' && low[1] === 'link-type' && w.length === 3) {
    const mode = LINK_TYPES[low[2] ?? '']
    if (mode === undefined) return false
    intf.linkType = {value: mode, ref}
    return true
  }
  if (cmd === 'undo port link-type') {
    delete intf.linkType
    return true
  }
  if (startsWith(low, 'port default vlan')) return setVlan(intf, 'defaultVlan', w[3], w.length === 4, ref)
  if (startsWith(low, 'port trunk pvid vlan')) return setVlan(intf, 'trunkPvid', w[4], w.length === 5, ref)
  if (startsWith(low, 'port hybrid pvid vlan')) return setVlan(intf, 'hybridPvid', w[4], w.length === 5, ref)
  if (cmd === 'undo port default vlan') return unset(intf, 'defaultVlan')
  if (cmd === 'undo port trunk pvid vlan') return unset(intf, 'trunkPvid')
  if (cmd === 'undo port hybrid pvid vlan') return unset(intf, 'hybridPvid')
  if (startsWith(low, 'port trunk allow-pass vlan')) return edit(intf.trunkAllowed, 'add', w.slice(4), ref)
  if (startsWith(low, 'undo port trunk allow-pass vlan')) return edit(intf.trunkAllowed, 'remove', w.slice(5), ref)
  if (startsWith(low, 'port hybrid tagged vlan')) return edit(intf.hybridTagged, 'add', w.slice(4), ref)
  if (startsWith(low, 'port hybrid untagged vlan')) return edit(intf.hybridUntagged, 'add', w.slice(4), ref)
  if (startsWith(low, 'undo port hybrid vlan')) {
    // Removes the VLANs from the port whether tagged or untagged.
    return edit(intf.hybridTagged, 'remove', w.slice(4), ref) && edit(intf.hybridUntagged, 'remove', w.slice(4), ref)
  }
  if (startsWith(low, 'undo port hybrid tagged vlan')) return edit(intf.hybridTagged, 'remove', w.slice(5), ref)
  if (startsWith(low, 'undo port hybrid untagged vlan')) return edit(intf.hybridUntagged, 'remove', w.slice(5), ref)
  if (low[0] === 'eth-trunk' && w.length === 2 && /^\d+$/.test(w[1] ?? '')) {
    intf.aggregate = `Eth-Trunk${w[1]}`
    return true
  }
  if (low[0] === 'trunkport') return parseTrunkport(intf, w, ref, ctx)
  if (startsWith(low, 'dot1q termination vid') || startsWith(low, 'vlan-type dot1q')) {
    const v = vlanId(w[w.length - 1])
    const arity = low[0] === 'dot1q' ? 4 : 3
    if (v === undefined || w.length !== arity) return false
    intf.vlan = v
    return true
  }
  if (startsWith(low, 'qinq termination pe-vid') && w.length === 6 && low[4] === 'ce-vid') {
    // The outer tag is the VLAN this sub-interface shares with the link.
    const v = vlanId(w[3])
    if (v === undefined || vlanId(w[5]) === undefined) return false
    intf.vlan = v
    return true
  }
  if (low[0] === 'traffic-filter') return parseInterfaceFilter(intf.name, w, ref, ctx)
  return false
}

function startsWith(low: string[], phrase: string): boolean {
  const p = phrase.split(' ')
  return p.every((x, i) => low[i] === x)
}

function set(intf: VrpInterface, key: 'shutdown' | 'portswitch', value: boolean, ref: VrpInterface['ref']): boolean {
  intf[key] = {value, ref}
  return true
}

function setVlan(
  intf: VrpInterface,
  key: 'defaultVlan' | 'trunkPvid' | 'hybridPvid',
  token: string | undefined,
  arityOk: boolean,
  ref: VrpInterface['ref'],
): boolean {
  const v = vlanId(token)
  if (v === undefined || !arityOk) return false
  intf[key] = {value: v, ref}
  return true
}

function unset(intf: VrpInterface, key: 'defaultVlan' | 'trunkPvid' | 'hybridPvid'): boolean {
  delete intf[key]
  return true
}

function edit(list: VlanEdit[], op: VlanEdit['op'], tokens: string[], ref: VrpInterface['ref']): boolean {
  const vlans = parseVlanList(tokens)
  if (vlans === undefined) return false
  list.push({op, vlans, ref})
  return true
}

/** `ip address A MASK [sub]`, `ip address A/LEN`. */
function parseIpv4Address(intf: VrpInterface, w: string[], ref: VrpInterface['ref']): boolean {
  const addr = w[2]
  if (addr === undefined) return false
  const slashed = addr.includes('/')
  const mask = slashed ? undefined : w[3]
  const rest = w.slice(slashed ? 3 : 4).map((x) => x.toLowerCase())
  const secondary = rest.length === 1 && rest[0] === 'sub'
  if (rest.length > 0 && !secondary) return false
  const p = parsePrefix(addr, mask)
  if (!p || p.family !== 4) return false
  intf.addresses.push({address: p.address, length: p.length, family: 4, secondary, ref})
  return true
}

/** `ipv6 address X/LEN [eui-64]`, `ipv6 address X LEN`; link-local addresses carry no subnet. */
function parseIpv6Address(intf: VrpInterface, w: string[], ref: VrpInterface['ref']): boolean {
  const text = w[2]
  if (text === undefined) return false
  if (text.toLowerCase() === 'auto') return true
  // A link-local address joins no subnet.
  if (w[w.length - 1]?.toLowerCase() === 'link-local') return parseAddress(text)?.family === 6
  let p = parsePrefix(text)
  let rest = w.slice(3)
  if (!p && rest[0] !== undefined && /^\d{1,3}$/.test(rest[0])) {
    const a = parseAddress(text)
    if (a?.family === 6) p = {address: a.address, length: Number(rest[0]), family: 6}
    rest = rest.slice(1)
  }
  if (!p || p.family !== 6 || p.length > 128) return false
  if (rest.some((f) => f.toLowerCase() !== 'eui-64')) return false
  intf.addresses.push({address: p.address, length: p.length, family: 6, secondary: false, ref})
  return true
}

/** `trunkport GigabitEthernet 0/0/1 to 0/0/3` inside `interface Eth-Trunk N`: members from the trunk's side. */
function parseTrunkport(intf: VrpInterface, w: string[], ref: VrpInterface['ref'], ctx: ParseContext): boolean {
  if (intf.kind !== 'aggregate') return false
  const type = w[1]
  const first = w[2]
  if (type === undefined || first === undefined) return false
  const last = w[3]?.toLowerCase() === 'to' ? w[4] : first
  if (last === undefined || w.length !== (w[3] === undefined ? 3 : 5)) return false
  const a = /^(.*\/)(\d+)$/.exec(first)
  const b = /^(.*\/)(\d+)$/.exec(last)
  if (!a || !b || a[1] !== b[1]) return false
  for (let n = Number(a[2]); n <= Number(b[2]); n++) {
    const name = canonicalInterfaceName(`${type}${a[1]}${n}`)
    let member = ctx.interfaces.get(name)
    if (!member) {
      member = newInterface(name, classifyInterface(name).kind, ref)
      ctx.interfaces.set(name, member)
    }
    member.aggregate = intf.name
  }
  return true
}
