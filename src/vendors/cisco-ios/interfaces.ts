import type {Interface, InterfaceAddress, SwitchPortMode} from '../../model/index.js'
import {parseAddress, parsePrefix} from '../../net/address.js'
import type {SourceLine} from '../common/text.js'
import type {Block} from './blocks.js'
import {type IosContext, intIn, words} from './context.js'
import {isIrrelevantInterface} from './ignored.js'
import type {IosInterface} from './interface-types.js'
import {canonicalInterfaceName, interfaceKind, isSwitchableKind} from './names.js'
import {effectiveSwitchPort, MAX_VLAN, MIN_VLAN, parseVlanList} from './switchport.js'

/** `interface Gi0/1`, `interface Ethernet 0/0` → canonical name. */
export function interfaceNameOf(header: SourceLine): string | undefined {
  const rest = words(header).slice(1)
  const first = rest[0]
  if (first === undefined) return undefined
  const second = rest[1]
  return canonicalInterfaceName(second !== undefined && /^\d/.test(second) ? first + second : first)
}

// Interface features that change what passes but are not modelled yet: fail loudly, not silently.
const UNSUPPORTED: [RegExp, string][] = [
  [/^ip nat\b/, 'NAT is not modelled'],
  [/^ip inspect\b/, 'CBAC inspection is not supported'],
  [/^crypto map\b/, 'IPsec crypto maps are not modelled'],
  [/^switchport mode private-vlan\b|^switchport private-vlan\b/, 'private VLANs are not modelled'],
]

export function parseInterfaceBlock(block: Block, ctx: IosContext): void {
  const name = interfaceNameOf(block.header)
  if (name === undefined) {
    ctx.unknown(block.header, 'interface without a name')
    for (const child of block.children) ctx.unknown(child, 'line under an unnamed interface', block.header)
    return
  }
  const port: IosInterface = {
    name,
    header: block.header,
    shutdown: false,
    addresses: [],
    dhcpAddress: false,
    switchportCommands: false,
    nonegotiate: false,
    allowed: [],
  }
  if (interfaceKind(name) === 'svi') ctx.switchEvidence = true
  for (const line of block.children) {
    const problem = parseInterfaceLine(port, line, ctx)
    if (problem !== undefined) ctx.unknown(line, problem, block.header)
  }
  ctx.interfaces.push(port)
}

/** Applies one sub-command; returns why it was not understood, or undefined. */
function parseInterfaceLine(port: IosInterface, line: SourceLine, ctx: IosContext): string | undefined {
  const w = words(line)
  const text = w.join(' ')
  const lower = text.toLowerCase()
  const ref = ctx.ref(line)
  for (const [re, reason] of UNSUPPORTED) if (re.test(lower)) return reason
  const member = /^zone-member security (\S+)$/i.exec(text)
  if (member?.[1] !== undefined) return void ctx.zbf.members.push({interface: port.name, zone: member[1], line})
  if (w[0] === 'description') {
    port.description = line.text.trim().slice('description'.length).trim()
    return undefined
  }
  if (lower === 'shutdown') return void (port.shutdown = true)
  if (lower === 'no shutdown') return void (port.shutdown = false)
  if (lower.startsWith('ip address ') || lower.startsWith('ipv6 address ')) return parseAddressLine(port, w, line, ctx)
  if (lower === 'no ip address' || lower === 'no ipv6 address' || lower.startsWith('ip unnumbered ')) return undefined
  const vrf = /^(?:ip )?vrf forwarding (\S+)/.exec(text)
  if (vrf) return void (port.vrf = vrf[1])
  if (lower === 'switchport' || lower === 'no switchport') {
    port.switchport = {enabled: lower === 'switchport', ref}
    if (port.switchport.enabled) ctx.switchEvidence = true
    return undefined
  }
  if (w[0] === 'switchport' && w[1] !== 'port-security') {
    ctx.switchEvidence = true
    port.switchportCommands = true
    const problem = parseSwitchportLine(port, w.slice(1), line, ctx)
    if (problem !== 'not-switchport') return problem
  }
  const encap = /^encapsulation dot1q (\d+)( native)?(?: second-dot1q \S+)?$/.exec(lower)
  if (encap) {
    const vlan = intIn(encap[1], MIN_VLAN, MAX_VLAN)
    if (vlan === undefined) return 'bad dot1Q VLAN'
    port.encapsulation = {vlan, native: encap[2] !== undefined, ref}
    return undefined
  }
  const channel = /^channel-group (\d+)(?: mode \S+)?$/.exec(lower)
  if (channel) return void (port.channelGroup = Number(channel[1]))
  const group = /^(ip access-group|ipv6 traffic-filter) (\S+) (in|out)$/.exec(text)
  if (group?.[2] !== undefined) {
    const direction = group[3] === 'in' ? 'in' : 'out'
    ctx.cfg.filterBindings.push({kind: 'interface', filter: group[2], interface: port.name, direction, ref})
    return undefined
  }
  // Policy routing only steers traffic among paths the analysis already assumes possible.
  if (lower.startsWith('ip policy route-map ') || lower.startsWith('ipv6 policy route-map ')) return undefined
  if (isIrrelevantInterface(w)) return undefined
  return 'unrecognized interface command'
}

function parseAddressLine(port: IosInterface, w: string[], line: SourceLine, ctx: IosContext): string | undefined {
  const ref = ctx.ref(line)
  if (w[0] === 'ip') {
    if (w[2] === 'dhcp' || w[2] === 'negotiated' || w[2] === 'pool') return void (port.dhcpAddress = true)
    const p = w[2] !== undefined && w[3] !== undefined ? parsePrefix(w[2], w[3]) : undefined
    const extra = w.slice(4)
    if (!p || p.family !== 4 || (extra.length > 0 && extra.join(' ') !== 'secondary')) return 'bad IPv4 address'
    const secondary = extra.length > 0
    // A new primary replaces the old one; secondaries accumulate.
    if (!secondary) port.addresses = port.addresses.filter((a) => a.family !== 4 || a.secondary)
    port.addresses.push({...p, secondary, ref})
    return undefined
  }
  const arg = w[2] ?? ''
  if (w.length === 3 && (arg === 'autoconfig' || arg === 'dhcp')) return undefined
  const option = w[3]?.toLowerCase()
  if (option === 'link-local') return parseAddress(arg) ? undefined : 'bad IPv6 address'
  const p = parsePrefix(arg)
  if (!p || p.family !== 6 || (option !== undefined && option !== 'eui-64' && option !== 'anycast')) return 'bad IPv6 address'
  const addr: InterfaceAddress = {...p, secondary: false, ref}
  port.addresses.push(addr)
  return undefined
}

const MODES: Record<string, SwitchPortMode> = {
  access: 'access',
  trunk: 'trunk',
  'dot1q-tunnel': 'dot1q-tunnel',
  'dynamic auto': 'dynamic',
  'dynamic desirable': 'dynamic',
  dynamic: 'dynamic',
}

/** `switchport …` after the keyword; 'not-switchport' hands the line back to the allowlist. */
function parseSwitchportLine(port: IosInterface, w: string[], line: SourceLine, ctx: IosContext): string | undefined {
  const ref = ctx.ref(line)
  const args = w.map((x) => x.toLowerCase())
  const [a0, a1, a2] = args
  if (a0 === 'mode') {
    const mode = MODES[args.slice(1).join(' ')]
    if (mode === undefined) return 'unsupported switchport mode'
    port.mode = {mode, ref}
    return undefined
  }
  if (a0 === 'nonegotiate') return void (port.nonegotiate = true)
  if (a0 === 'access' && a1 === 'vlan') {
    const vlan = intIn(a2, MIN_VLAN, MAX_VLAN)
    if (vlan === undefined || args.length > 3) return 'bad access VLAN'
    port.accessVlan = {vlan, ref}
    return undefined
  }
  if (a0 === 'voice' && a1 === 'vlan') {
    const vlan = intIn(a2, MIN_VLAN, MAX_VLAN)
    if (vlan !== undefined) port.voiceVlan = {vlan, ref}
    else if (a2 !== 'dot1p' && a2 !== 'none' && a2 !== 'untagged') return 'bad voice VLAN'
    return undefined
  }
  if (a0 === 'trunk' && a1 === 'native' && a2 === 'vlan') {
    if (args[3] === 'tag') return undefined
    const vlan = intIn(args[3], MIN_VLAN, MAX_VLAN)
    if (vlan === undefined) return 'bad native VLAN'
    port.nativeVlan = {vlan, ref}
    return undefined
  }
  if (a0 === 'trunk' && a1 === 'allowed' && a2 === 'vlan') return parseAllowed(port, args.slice(3), ref)
  if (a0 === 'trunk' && (a1 === 'encapsulation' || a1 === 'pruning')) return undefined
  return 'not-switchport'
}

function parseAllowed(port: IosInterface, args: string[], ref: Interface['ref']): string | undefined {
  const [op, list] = args
  if (args.length === 1 && (op === 'all' || op === 'none')) {
    port.allowed.push({op, ref})
    return undefined
  }
  const verb = op === 'add' || op === 'remove' || op === 'except' ? op : 'set'
  const text = verb === 'set' ? args.join('') : args.slice(1).join('')
  const vlans = list === undefined && verb !== 'set' ? undefined : parseVlanList(text)
  if (vlans === undefined) return 'bad allowed VLAN list'
  port.allowed.push({op: verb, vlans, ref})
  return undefined
}

/** Vendor interfaces → neutral interfaces, applying IOS defaults once the whole file is known. */
export function convertInterfaces(ctx: IosContext): Interface[] {
  return ctx.interfaces.map((port) => {
    const kind = interfaceKind(port.name)
    const ref = ctx.ref(port.header)
    const out: Interface = {name: port.name, kind, shutdown: port.shutdown, addresses: port.addresses, ref}
    if (port.description !== undefined) out.description = port.description
    if (port.vrf !== undefined) {
      out.vrf = port.vrf
      // IOS-XE and IE switches put the dedicated management port in this VRF.
      if (/^mgmt-(vrf|intf)$/i.test(port.vrf) && kind === 'ethernet') out.kind = 'management'
    }
    if (kind === 'svi') out.vlan = intIn(port.name.slice('Vlan'.length), MIN_VLAN, MAX_VLAN)
    if (kind === 'subinterface') {
      out.parent = port.name.slice(0, port.name.indexOf('.'))
      if (port.encapsulation) out.vlan = port.encapsulation.vlan
    }
    if (out.vlan === undefined) delete out.vlan
    if (port.channelGroup !== undefined) out.aggregate = `Port-channel${port.channelGroup}`
    if (port.switchport) out.layer = port.switchport.enabled ? 'l2' : 'l3'
    if (isSwitchPort(port, ctx) && out.kind !== 'management') {
      out.layer ??= 'l2'
      out.switchport = effectiveSwitchPort(port, ref)
    }
    return out
  })
}

/** Explicitly a switch port, or a physical port left at the switch default. */
function isSwitchPort(port: IosInterface, ctx: IosContext): boolean {
  if (port.switchport?.enabled === false) return false
  if (port.switchport?.enabled === true || port.switchportCommands) return true
  const kind = interfaceKind(port.name)
  return ctx.switchEvidence && isSwitchableKind(kind) && port.addresses.length === 0 && !port.dhcpAddress
}
