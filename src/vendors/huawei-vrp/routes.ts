import type {StaticRoute} from '../../model/index.js'
import {networkOf, parseAddress, parsePrefix} from '../../net/address.js'
import type {Block} from './blocks.js'
import {words} from './blocks.js'
import {type ParseContext, unknown} from './context.js'
import {canonicalInterfaceName, classifyInterface} from './names.js'

// Options after the next hop that do not change where packets go.
const FLAG_OPTIONS = new Set(['permanent', 'inherit-cost', 'no-advertise', 'no-install', 'public', 'relay-arp', 'ldp-sync'])
const VALUE_OPTIONS = new Set(['preference', 'tag', 'track', 'bfd-session', 'name', 'weight', 'cost'])

/**
 * `ip route-static [vpn-instance V] DEST MASK|LEN [IFACE] [NEXTHOP] [preference N] [tag N] [description …]`
 * and `ipv6 route-static …`. A route with an option we do not know is still recorded, and the
 * line is reported.
 */
export function parseStaticRoute(block: Block, ctx: ParseContext): void {
  for (const line of block.body) unknown(ctx, line, block)
  const w = words(block.header)
  const family = w[0]?.toLowerCase() === 'ipv6' ? 6 : 4
  let i = 2
  let vrf: string | undefined
  if (w[i]?.toLowerCase() === 'vpn-instance') {
    vrf = w[i + 1]
    i += 2
  }
  const dest = w[i]
  const maskOrLen = dest?.includes('/') ? undefined : w[i + 1]
  const p = dest === undefined ? undefined : parsePrefix(dest, maskOrLen)
  if (!p || p.family !== family) {
    unknown(ctx, block.header, undefined, 'bad destination')
    return
  }
  i += maskOrLen === undefined ? 1 : 2
  const route: StaticRoute = {
    prefix: networkOf(p.address, p.length, p.family),
    length: p.length,
    family: p.family,
    discard: false,
    ref: ctx.rec.ref(block.header),
  }
  if (vrf !== undefined) route.vrf = vrf
  let problem: string | undefined
  while (i < w.length) {
    const tok = w[i] ?? ''
    const low = tok.toLowerCase()
    if (low === 'description') break
    if (low === 'vpn-instance' && w[i + 1] !== undefined) {
      // Next hop resolved in another VPN instance: the hop that follows is still the next hop.
      i += 2
      continue
    }
    if (VALUE_OPTIONS.has(low) && w[i + 1] !== undefined) {
      i += 2
      continue
    }
    if (low === 'bfd' || low === 'track') {
      i = w.length
      break
    }
    if (FLAG_OPTIONS.has(low)) {
      i++
      continue
    }
    const hop = parseAddress(tok)
    if (hop && hop.family === family && route.nextHop === undefined) {
      route.nextHop = hop.address
      i++
      continue
    }
    const name = canonicalInterfaceName(tok)
    if (route.outInterface === undefined && route.nextHop === undefined && /^[A-Za-z][\w-]*\d[\d/.:]*$/.test(name)) {
      route.outInterface = name
      if (classifyInterface(name).kind === 'null') route.discard = true
      i++
      continue
    }
    problem = `unsupported option ${tok}`
    break
  }
  ctx.config.staticRoutes.push(route)
  if (problem !== undefined) unknown(ctx, block.header, undefined, problem)
}
