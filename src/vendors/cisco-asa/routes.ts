import type {StaticRoute} from '../../model/index.js'
import {parseAddress, parsePrefix} from '../../net/address.js'
import {type AsaContext, ref, unknown} from './context.js'
import type {ConfigNode} from './tree.js'

/** `route IF DEST MASK GW [metric] [track N|tunneled]`, `ipv6 route IF X/LEN GW [metric]`. */
export function parseRoute(ctx: AsaContext, node: ConfigNode, family: 4 | 6): void {
  const w = family === 4 ? node.words.slice(1) : node.words.slice(2)
  const nameif = w[0] ?? ''
  const p = family === 4 ? (w[1] && w[2] ? parsePrefix(w[1], w[2]) : undefined) : parsePrefix(w[1] ?? '')
  const gw = parseAddress(w[family === 4 ? 3 : 2] ?? '')
  if (!p || p.family !== family || !gw) {
    unknown(ctx, node, 'bad static route')
    return
  }
  const route: StaticRoute = {prefix: p.address, length: p.length, family, nextHop: gw.address, discard: /^null0$/i.test(nameif), ref: ref(ctx, node)}
  ctx.config.staticRoutes.push(route)
  ctx.routeNameifs.set(route, nameif)
  for (const c of node.children) unknown(ctx, c, 'unexpected nested command', node)
}
