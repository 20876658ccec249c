import type {Interface} from '../../model/index.js'
import {parsePrefix} from '../../net/address.js'
import {type AsaContext, type AsaInterface, ref, unknown} from './context.js'
import {canonicalInterfaceName, interfaceKind} from './names.js'
import {type ConfigNode, startsWith} from './tree.js'

const IRRELEVANT = [
  'speed',
  'duplex',
  'mtu',
  'no nameif',
  'no security-level',
  'no ip address',
  'no ipv6 address',
  'ipv6 enable',
  'ipv6 nd',
  'ipv6 link-local',
  'ip address dhcp',
  'ip address pppoe',
  'pppoe',
  'delay',
  'flowcontrol',
  'nve-only',
  'member-interface',
  'lacp',
  'port-channel',
  'ddns',
  'dhcp',
  'dhcprelay',
  'ospf',
  'no ospf',
  'eigrp',
  'igmp',
  'pim',
  'authentication',
  'no management-only',
  'no shutdown',
  'mac-address',
  'switchport mode',
  'switchport trunk',
  'switchport access',
]

/** `interface X` with nameif, security-level, addresses (standby ignored), vlan, shutdown. */
export function parseInterface(ctx: AsaContext, node: ConfigNode): void {
  const name = canonicalInterfaceName(node.words.slice(1).join(''))
  const iface: Interface = {name, kind: interfaceKind(name), shutdown: false, addresses: [], ref: ref(ctx, node)}
  const sub = /^(.*)\.(\d+)$/.exec(name)
  if (sub?.[1]) iface.parent = sub[1]
  const ai: AsaInterface = {iface}
  for (const c of node.children) {
    const w = c.words
    const k = w.map((x) => x.toLowerCase())
    if (k[0] === 'nameif' && w[1]) ai.nameif = w[1]
    else if (k[0] === 'security-level' && /^\d+$/.test(k[1] ?? '') && Number(k[1]) <= 100) {
      ai.level = Number(k[1])
      ai.levelRef = ref(ctx, c)
    } else if (k[0] === 'shutdown' && w.length === 1) iface.shutdown = true
    else if (k[0] === 'description') iface.description = w.slice(1).join(' ')
    else if (k[0] === 'vlan' && /^\d+$/.test(k[1] ?? '')) iface.vlan = Number(k[1])
    else if (k[0] === 'management-only') ai.managementOnly = ref(ctx, c)
    else if (k[0] === 'channel-group' && /^\d+$/.test(k[1] ?? '')) iface.aggregate = `Port-channel${k[1]}`
    else if (startsWith(c, 'ip address') && k[2] !== 'dhcp' && k[2] !== 'pppoe') {
      const p = w[2] && w[3] ? parsePrefix(w[2], w[3]) : undefined
      const rest = k.slice(4)
      if (p?.family === 4 && (rest.length === 0 || (rest[0] === 'standby' && rest.length === 2))) {
        iface.addresses.push({address: p.address, length: p.length, family: 4, secondary: false, ref: ref(ctx, c)})
      } else unknown(ctx, c, 'bad interface address', node)
    } else if (startsWith(c, 'ipv6 address') && (w[2] ?? '').includes('/')) {
      const p = parsePrefix(w[2] ?? '')
      const rest = k.slice(3).filter((x) => x !== 'eui-64')
      if (p?.family === 6 && (rest.length === 0 || rest[0] === 'standby')) {
        iface.addresses.push({address: p.address, length: p.length, family: 6, secondary: false, ref: ref(ctx, c)})
      } else unknown(ctx, c, 'bad interface address', node)
    } else if (!IRRELEVANT.some((p) => startsWith(c, p))) unknown(ctx, c, 'unrecognized interface command', node)
    for (const d of c.children) unknown(ctx, d, 'unexpected nested command', node)
  }
  const access = node.children.find((c) => startsWith(c, 'switchport access vlan') && /^\d+$/.test(c.words[3] ?? ''))
  if (access) {
    // ASA 5505-style switch ports: an access port in one VLAN (the Vlan interface holds the nameif).
    const vlan = Number(access.words[3])
    iface.switchport = {mode: 'access', untaggedVlan: vlan, vlans: [vlan], ref: ref(ctx, access), vlanRefs: [ref(ctx, access)]}
    iface.layer = 'l2'
  } else if (node.children.some((c) => startsWith(c, 'switchport'))) {
    unknown(ctx, node, 'switch port mode not modelled (only `switchport access vlan`)')
  }
  ctx.config.interfaces.push(iface)
  ctx.interfaces.push(ai)
  if (ai.nameif) ctx.config.securityZones.push({name: ai.nameif, interfaces: [name], level: ai.level ?? (ai.nameif.toLowerCase() === 'inside' ? 100 : 0), ref: ai.levelRef ?? ref(ctx, node)})
}
