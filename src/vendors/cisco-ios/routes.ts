import type {StaticRoute} from '../../model/index.js'
import {parseAddress, parsePrefix} from '../../net/address.js'
import type {SourceLine} from '../common/text.js'
import {type IosContext, words} from './context.js'
import {canonicalInterfaceName} from './names.js'

// Trailing options: `name` and `tag` take an argument; the rest are flags.
const OPTION_WITH_ARG = new Set(['name', 'tag', 'track', 'metric'])
const OPTION_FLAG = new Set(['permanent', 'global', 'multicast', 'unicast', 'dhcp'])

/**
 * `ip route [vrf X] DEST MASK [IFACE] [NEXTHOP] [DISTANCE] [name X] [permanent] [tag N]`
 * and `ipv6 route [vrf X] PREFIX/LEN [IFACE] [NEXTHOP] …`. Returns why not understood.
 */
export function parseStaticRoute(line: SourceLine, ctx: IosContext): string | undefined {
  const w = words(line)
  const v6 = w[0] === 'ipv6'
  let i = 2
  let vrf: string | undefined
  if (w[i] === 'vrf') {
    vrf = w[i + 1]
    i += 2
  }
  // `ip route static bfd …`, `ip route profile` configure the process, not a route.
  if (!v6 && (w[i] === 'static' || w[i] === 'profile')) return undefined
  const dest = v6 ? parsePrefix(w[i] ?? '') : parsePrefix(w[i] ?? '', w[i + 1] ?? '')
  if (!dest || dest.family !== (v6 ? 6 : 4)) return 'bad route destination'
  i += v6 ? 1 : 2
  const route: StaticRoute = {prefix: dest.address, length: dest.length, family: dest.family, discard: false, ref: ctx.ref(line)}
  if (vrf !== undefined) route.vrf = vrf
  let sawTarget = false
  for (; i < w.length; i++) {
    const tok = w[i] ?? ''
    const low = tok.toLowerCase()
    if (OPTION_WITH_ARG.has(low)) {
      i++
      continue
    }
    if (OPTION_FLAG.has(low)) {
      sawTarget ||= low === 'dhcp'
      continue
    }
    if (/^\d{1,3}$/.test(tok) && sawTarget) continue // administrative distance
    const hop = parseAddress(tok)
    if (hop && hop.family === dest.family && !/^\d+$/.test(tok)) {
      route.nextHop = hop.address
      sawTarget = true
      continue
    }
    if (/^[A-Za-z][A-Za-z-]*\d[\w./:]*$/.test(tok)) {
      const name = canonicalInterfaceName(tok)
      if (/^null\d/i.test(name)) route.discard = true
      else route.outInterface = name
      sawTarget = true
      continue
    }
    return `unsupported route option "${tok}"`
  }
  if (!sawTarget) return 'route without next hop or interface'
  ctx.cfg.staticRoutes.push(route)
  return undefined
}
