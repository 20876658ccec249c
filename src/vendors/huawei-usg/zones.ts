import type {SecurityZone} from '../../model/index.js'
import {ref, type UsgContext, unknown} from './context.js'
import {canonicalInterfaceName} from './names.js'
import type {ConfigNode} from './tree.js'

// Priorities of the built-in zones when `set priority` is not printed.
const BUILTIN_PRIORITY: Record<string, number> = {local: 100, trust: 85, dmz: 50, untrust: 5}

/** `firewall zone [name] NAME [id N]` with `set priority N`, `add interface X`. */
export function parseZone(ctx: UsgContext, node: ConfigNode): void {
  let w = node.words.slice(2)
  if (w[0]?.toLowerCase() === 'name') w = w.slice(1)
  const name = w[0]
  if (name === undefined) {
    unknown(ctx, node, 'zone without a name')
    return
  }
  let zone = ctx.config.securityZones.find((z) => z.name === name)
  if (!zone) {
    zone = {name, interfaces: [], ref: ref(ctx, node)}
    const builtin = BUILTIN_PRIORITY[name.toLowerCase()]
    if (builtin !== undefined) zone.level = builtin
    ctx.config.securityZones.push(zone)
  }
  for (const c of node.children) {
    const cw = c.words.map((x) => x.toLowerCase())
    if (cw[0] === 'set' && cw[1] === 'priority' && /^\d+$/.test(cw[2] ?? '')) zone.level = Number(cw[2])
    else if (cw[0] === 'add' && cw[1] === 'interface' && c.words[2]) addInterface(zone, c.words.slice(2).join(''))
    else if (cw[0] === 'description' || (cw[0] === 'detect' && cw[1] === 'ip-scan')) {
      // labels and attack-detection switches: no effect on forwarding
    } else unknown(ctx, c, 'unrecognized zone command', node)
    for (const d of c.children) unknown(ctx, d, 'unexpected nested command', node)
  }
}

function addInterface(zone: SecurityZone, name: string): void {
  const canonical = canonicalInterfaceName(name)
  if (!zone.interfaces.includes(canonical)) zone.interfaces.push(canonical)
}
