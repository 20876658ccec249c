import type {SecurityZone} from '../../model/index.js'
import type {Block} from './blocks.js'
import {words} from './blocks.js'
import {type ParseContext, unknown} from './context.js'
import {canonicalInterfaceName} from './names.js'

/** `firewall zone NAME` on AR routers: `add interface X`, `[set] priority N`. */
export function parseFirewallZone(block: Block, ctx: ParseContext): void {
  const name = words(block.header)[2]
  if (name === undefined) {
    unknown(ctx, block.header, undefined, 'zone without a name')
    return
  }
  let zone = ctx.config.securityZones.find((z) => z.name === name)
  if (!zone) {
    zone = {name, interfaces: [], ref: ctx.rec.ref(block.header)} satisfies SecurityZone
    ctx.config.securityZones.push(zone)
  }
  for (const line of block.body) {
    const w = words(line)
    const low = w.map((x) => x.toLowerCase())
    const prio = low[0] === 'set' ? 1 : 0
    if (low[prio] === 'priority' && /^\d+$/.test(w[prio + 1] ?? '') && w.length === prio + 2) {
      zone.level = Number(w[prio + 1])
    } else if (low[0] === 'add' && low[1] === 'interface' && w.length >= 3) {
      const intf = canonicalInterfaceName(w.slice(2).join(''))
      if (!zone.interfaces.includes(intf)) zone.interfaces.push(intf)
    } else unknown(ctx, line, block)
  }
}
