import {parseAddress, parsePrefix} from '../../net/address.js'
import {type JunosContext, ref} from './context.js'
import type {Statement} from './statements.js'

/** `routing-options [rib inet6.0] static route P next-hop NH | discard | reject`. */
export function routingStatement(ctx: JunosContext, st: Statement): boolean {
  let w = st.words.slice(1)
  if (w[0] === 'rib' && w[1]) w = w.slice(2)
  if (w[0] !== 'static') return true
  if (w[1] !== 'route' || !w[2]) return w.length === 1 || w[1] === 'defaults'
  const p = parsePrefix(w[2])
  if (!p) return false
  const [k, v] = w.slice(3)
  if (k === undefined) return true
  const existing = ctx.config.staticRoutes.find((r) => r.prefix === p.address && r.length === p.length && r.ref.line === st.line.no)
  const route = existing ?? {prefix: p.address, length: p.length, family: p.family, discard: false, ref: ref(ctx, st)}
  if (k === 'next-hop' && v) {
    if (parseAddress(v)) route.nextHop = parseAddress(v)?.address as string
    else route.outInterface = v
  } else if (k === 'discard' || k === 'reject') route.discard = true
  else if (!['preference', 'metric', 'tag', 'no-readvertise', 'readvertise', 'resolve', 'retain', 'no-retain', 'active', 'passive'].includes(k)) return false
  if (!existing && (k === 'next-hop' || k === 'discard' || k === 'reject')) ctx.config.staticRoutes.push(route)
  return true
}

/** `vlans NAME vlan-id N | l3-interface irb.N | description`. */
export function vlanStatement(ctx: JunosContext, st: Statement): boolean {
  const [, name, k, v] = st.words
  if (!name || k === undefined) return true
  if (k === 'vlan-id' && v && /^\d+$/.test(v)) {
    ctx.vlanIds.set(name, Number(v))
    if (!ctx.config.vlans.some((x) => x.id === Number(v))) ctx.config.vlans.push({id: Number(v), name, ref: ref(ctx, st)})
    return true
  }
  if (k === 'l3-interface' && v) {
    ctx.l3Interfaces.set(name, v)
    return true
  }
  return ['description', 'interface', 'vlan-id-list', 'forwarding-options', 'switch-options'].includes(k) && k !== 'vlan-id-list'
}
