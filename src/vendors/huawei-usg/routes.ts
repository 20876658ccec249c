import type {StaticRoute} from '../../model/index.js'
import {isIPv4, parseAddress, parsePrefix} from '../../net/address.js'
import {ref, type UsgContext, unknown} from './context.js'
import {canonicalInterfaceName} from './names.js'
import type {ConfigNode} from './tree.js'

const OPTIONS = new Set(['preference', 'tag', 'description', 'track', 'bfd', 'nqa', 'permanent', 'inherit-cost', 'no-advertise'])

/**
 * `ip route-static [vpn-instance V] DEST MASK|LEN [IFACE] [NEXTHOP] [preference N …]`,
 * `ipv6 route-static [vpn-instance V] DEST LEN [IFACE] [NEXTHOP] …`.
 */
export function parseStaticRoute(ctx: UsgContext, node: ConfigNode, family: 4 | 6): void {
  let w = node.words.slice(2)
  let vrf: string | undefined
  if (w[0]?.toLowerCase() === 'vpn-instance' && w[1]) {
    vrf = w[1]
    w = w.slice(2)
  }
  const p = w[0] && w[1] ? parsePrefix(w[0], w[1]) : undefined
  if (!p || p.family !== family) {
    unknown(ctx, node, 'bad static route destination')
    return
  }
  const route: StaticRoute = {prefix: p.address, length: p.length, family, discard: false, ref: ref(ctx, node)}
  if (vrf) route.vrf = vrf
  for (let i = 2; i < w.length; i++) {
    const t = w[i] ?? ''
    if (OPTIONS.has(t.toLowerCase())) break
    if (t.toLowerCase() === 'vpn-instance') {
      i++
      continue
    }
    const a = parseAddress(t)
    if (a && (family === 6 || isIPv4(t))) route.nextHop = a.address
    else if (/^[A-Za-z]/.test(t)) {
      const name = canonicalInterfaceName(/^\d/.test(w[i + 1] ?? '') && !parseAddress(w[i + 1] ?? '') ? t + w[++i] : t)
      route.outInterface = name
      if (name.toUpperCase().startsWith('NULL')) route.discard = true
    } else {
      unknown(ctx, node, 'bad static route next hop')
      return
    }
  }
  ctx.config.staticRoutes.push(route)
  for (const c of node.children) unknown(ctx, c, 'unexpected nested command', node)
}
