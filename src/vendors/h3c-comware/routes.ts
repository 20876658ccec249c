import type {StaticRoute, SourceRef} from '../../model/index.js'
import {parseAddress, parsePrefix} from '../../net/address.js'
import {canonicalInterfaceName, interfaceKind} from './names.js'

const OTHER_TYPES = /^(Serial|Dialer|Virtual-Template|Cellular)\d/

/**
 * `ip route-static [vpn-instance X] DEST MASK|LEN [IFACE] [NEXTHOP] [preference N] [tag N] [description …]`
 * and `ipv6 route-static …`. Returns undefined when the line is not fully understood.
 */
export function parseStaticRoute(words: readonly string[], ref: SourceRef): StaticRoute | undefined {
  const family = words[0]?.toLowerCase() === 'ipv6' ? 6 : 4
  let i = 2
  let vrf: string | undefined
  if (words[i]?.toLowerCase() === 'vpn-instance') {
    vrf = words[i + 1]
    i += 2
  }
  const dest = words[i]
  const mask = words[i + 1]
  if (dest === undefined || mask === undefined) return undefined
  const prefix = parsePrefix(dest, mask)
  if (!prefix || prefix.family !== family) return undefined
  i += 2
  const route: StaticRoute = {prefix: prefix.address, length: prefix.length, family, discard: false, ref}
  if (vrf !== undefined) route.vrf = vrf
  // Interface and next hop in either order; `vpn-instance Y` before a next hop names its VRF (inter-VRF routes).
  while (i < words.length) {
    const tok = words[i] ?? ''
    const low = tok.toLowerCase()
    if (low === 'description') break
    if (low === 'preference' || low === 'tag' || low === 'track' || low === 'bfd' || low === 'vpn-instance' || low === 'recursive-lookup') {
      if (low === 'bfd') i += 2
      else i += low === 'recursive-lookup' ? 1 : 2
      continue
    }
    if (low === 'permanent' || low === 'no-advertise' || low === 'public') {
      i++
      continue
    }
    const addr = parseAddress(tok)
    if (addr) {
      if (addr.family !== family) return undefined
      route.nextHop = addr.address
      i++
      continue
    }
    const name = canonicalInterfaceName(tok.includes('/') || /\d$/.test(tok) ? tok : `${tok}${words[i + 1] ?? ''}`)
    if (!/\d/.test(name) || (interfaceKind(name) === 'other' && !OTHER_TYPES.test(name))) return undefined
    if (!/\d$/.test(tok)) i++ // `NULL 0` written with a space
    route.outInterface = name
    if (interfaceKind(name) === 'null') route.discard = true
    i++
  }
  return route
}
