import type {Interface, InterfaceAddress, ManagementServiceName, SwitchPort} from '../../model/index.js'
import {parseAddress, parsePrefix} from '../../net/address.js'
import {ref, type UsgContext, unknown} from './context.js'
import {canonicalInterfaceName, interfaceKind} from './names.js'
import {type ConfigNode, startsWith} from './tree.js'

/** Interface commands that shape neither addressing, state nor filtering. */
const IRRELEVANT = [
  'alias',
  'mtu',
  'tcp adjust-mss',
  'dhcp',
  'vrrp',
  'speed',
  'duplex',
  'negotiation',
  'undo negotiation',
  'combo-port',
  'lldp',
  'undo lldp',
  'ppp',
  'remote address',
  'tunnel-protocol',
  'source',
  'destination',
  'keepalive',
  'gre',
  'ipsec policy',
  'redirect-reverse',
  'ipv6 enable',
  'ipv6 nd',
  'ipv6 address auto',
  'ip address dhcp-alloc',
  'ip address unnumbered',
  'gateway',
  'bandwidth',
  'reverse-route',
  'healthcheck',
  'ip fast-forwarding',
  'arp',
  'statistic',
  'flow-stat',
  'qos',
  'undo service-manage enable',
  'service-manage enable',
  'detect-group',
  'hrp',
  'anti-ddos',
  'port link-type',
  'port trunk',
  'undo port trunk',
  'port default',
  'portswitch',
  'undo portswitch',
]

const MANAGED: Record<string, ManagementServiceName> = {
  http: 'http',
  https: 'https',
  ssh: 'ssh',
  telnet: 'telnet',
  snmp: 'snmp',
  netconf: 'netconf',
}

/** `interface NAME` view → Interface; `service-manage X permit` → management services. */
export function parseInterface(ctx: UsgContext, node: ConfigNode): void {
  const raw = node.words.slice(1).join('')
  const name = canonicalInterfaceName(raw)
  const iface: Interface = {name, kind: interfaceKind(name), shutdown: false, addresses: [], ref: ref(ctx, node)}
  const sub = /^(.*)\.(\d+)$/.exec(name)
  if (sub?.[1]) iface.parent = sub[1]
  for (const c of node.children) {
    const w = c.words
    const low = w.map((x) => x.toLowerCase())
    if (low[0] === 'shutdown' && w.length === 1) iface.shutdown = true
    else if (low[0] === 'undo' && low[1] === 'shutdown' && w.length === 2) iface.shutdown = false
    else if (low[0] === 'description') iface.description = w.slice(1).join(' ')
    else if (startsWith(c, 'ip binding vpn-instance') && w[3]) iface.vrf = w[3]
    else if (startsWith(c, 'vlan-type dot1q') && /^\d+$/.test(w[2] ?? '')) iface.vlan = Number(w[2])
    else if (low[0] === 'eth-trunk' && /^\d+$/.test(w[1] ?? '')) iface.aggregate = `Eth-Trunk${w[1]}`
    else if (startsWith(c, 'ip address') && parseAddress(w[2] ?? '') && w[3] !== undefined) {
      const a = v4Address(ctx, c)
      if (a) iface.addresses.push(a)
      else unknown(ctx, c, 'bad interface address', node)
    } else if (startsWith(c, 'ipv6 address') && (w[2] ?? '').includes(':')) {
      const p = parsePrefix(w[2] ?? '')
      if (p && p.family === 6 && w.length <= 4) {
        iface.addresses.push({address: p.address, length: p.length, family: 6, secondary: false, ref: ref(ctx, c)})
      } else unknown(ctx, c, 'bad interface address', node)
    } else if (low[0] === 'service-manage' && w.length === 3 && (low[2] === 'permit' || low[2] === 'deny')) {
      const svc = MANAGED[low[1] ?? '']
      // ping and other non-login services are recognized but not management logins.
      if (svc) {
        const service = {name: svc, enabled: low[2] === 'permit', ref: ref(ctx, c)}
        ctx.config.management.services.push(service)
        ctx.interfaceServices.push(service)
      }
    } else if (!IRRELEVANT.some((p) => startsWith(c, p))) unknown(ctx, c, 'unrecognized interface command', node)
    for (const d of c.children) unknown(ctx, d, 'unexpected nested command', node)
  }
  const port = switchPort(ctx, node)
  if (port) {
    iface.layer = 'l2'
    iface.switchport = port
  }
  ctx.config.interfaces.push(iface)
}

/** `ip address A M|LEN [sub]`. */
function v4Address(ctx: UsgContext, c: ConfigNode): InterfaceAddress | undefined {
  const [, , addr, mask, extra] = c.words
  if (addr === undefined || mask === undefined) return undefined
  if (extra !== undefined && extra.toLowerCase() !== 'sub') return undefined
  const p = parsePrefix(addr, mask)
  if (p?.family !== 4) return undefined
  return {address: p.address, length: p.length, family: 4, secondary: extra !== undefined, ref: ref(ctx, c)}
}

/**
 * Layer-2 ports (`portswitch`): link type (access by default), PVID (1 by default) and the
 * VLANs a trunk/hybrid carries. USG ports are routed unless `portswitch` is given.
 */
function switchPort(ctx: UsgContext, node: ConfigNode): SwitchPort | undefined {
  const l2 = node.children.find((c) => c.words.length === 1 && c.words[0]?.toLowerCase() === 'portswitch')
  if (!l2) return undefined
  const typeLine = node.children.find((c) => startsWith(c, 'port link-type'))
  const t = typeLine?.words[2]?.toLowerCase()
  const mode: SwitchPort['mode'] = t === 'trunk' || t === 'hybrid' ? t : 'access'
  let pvid = 1
  const vlans = new Set<number>()
  const vlanRefs = []
  for (const c of node.children) {
    if (startsWith(c, 'port default vlan') && /^\d+$/.test(c.words[3] ?? '')) {
      pvid = Number(c.words[3])
      vlanRefs.push(ref(ctx, c))
    } else if (startsWith(c, 'port trunk allow-pass vlan') || startsWith(c, 'undo port trunk allow-pass vlan')) {
      const undo = c.words[0]?.toLowerCase() === 'undo'
      for (const v of vlanList(c.words.slice(undo ? 5 : 4))) {
        if (undo) vlans.delete(v)
        else vlans.add(v)
      }
      vlanRefs.push(ref(ctx, c))
    }
  }
  // A trunk carries VLAN 1 untagged unless it is removed; an access port carries only its PVID.
  if (mode === 'access') {
    vlans.clear()
    vlans.add(pvid)
  } else if (!node.children.some((c) => startsWith(c, 'undo port trunk allow-pass vlan') && vlanList(c.words.slice(5)).includes(1))) {
    vlans.add(pvid)
  }
  const port: SwitchPort = {mode, vlans: [...vlans].sort((a, b) => a - b), ref: ref(ctx, typeLine ?? l2), vlanRefs}
  if (vlans.has(pvid)) port.untaggedVlan = pvid
  return port
}

/** `10 20 to 30 all` → VLAN ids. */
function vlanList(words: string[]): number[] {
  const out: number[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i]?.toLowerCase()
    if (w === 'all') return Array.from({length: 4094}, (_, k) => k + 1)
    if (!/^\d+$/.test(w ?? '')) continue
    const from = Number(w)
    if (words[i + 1]?.toLowerCase() === 'to' && /^\d+$/.test(words[i + 2] ?? '')) {
      for (let v = from; v <= Number(words[i + 2]); v++) out.push(v)
      i += 2
    } else out.push(from)
  }
  return out
}
