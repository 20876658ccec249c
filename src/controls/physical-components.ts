import type {FindingDraft, SourceRef} from '../model/index.js'
import type {PhysicalSeparation} from './isolation-pairs.js'
import {say} from './text.js'
import type {AuditContext} from './types.js'

/**
 * Summary rule: no connected part of the physical graph (devices joined by cables or neighbor
 * adjacencies) holds a protected zone and a zone it must be separated from. The message gives
 * one shortest path between the two as a witness.
 */
export function mixedComponents(ctx: AuditContext, sep: PhysicalSeparation): FindingDraft[] {
  const net = ctx.network
  const skipGateways = ctx.policy.isolation.allowIsolationGateways
  const adj = new Map<string, {to: string; refs: SourceRef[]}[]>()
  for (const id of net.devices.keys()) adj.set(id, [])
  for (const l of net.links) {
    const ga = net.devices.get(l.a.device)?.inv.role === 'isolation-gateway'
    const gb = net.devices.get(l.b.device)?.inv.role === 'isolation-gateway'
    if (skipGateways && (ga || gb)) continue
    adj.get(l.a.device)?.push({to: l.b.device, refs: l.refs})
    adj.get(l.b.device)?.push({to: l.a.device, refs: l.refs})
  }
  const seen = new Set<string>()
  const out: FindingDraft[] = []
  for (const start of [...net.devices.keys()].sort()) {
    if (seen.has(start)) continue
    const comp: string[] = []
    const queue = [start]
    seen.add(start)
    while (queue.length) {
      const cur = queue.shift() as string
      comp.push(cur)
      for (const e of adj.get(cur) ?? []) {
        if (seen.has(e.to)) continue
        seen.add(e.to)
        queue.push(e.to)
      }
    }
    const zones = [...new Set(comp.flatMap((id) => net.devices.get(id)?.zones ?? []))].sort()
    if (!sep.conflict(zones)) continue
    const prot = zones.filter((z) => sep.isProtected(z))
    const foreign = sep.foreign(zones).filter((z) => !sep.isProtected(z))
    const zonesOf = (id: string) => net.devices.get(id)?.zones ?? []
    const onlyProt = (id: string) => zonesOf(id).some((z) => prot.includes(z)) && !zonesOf(id).some((z) => foreign.includes(z))
    const onlyForeign = (id: string) => zonesOf(id).some((z) => foreign.includes(z)) && !zonesOf(id).some((z) => prot.includes(z))
    // Prefer a path from a purely protected device to a purely foreign one: it shows the joining links.
    let path = witnessPath(comp, adj, onlyProt, onlyForeign)
    if (path.nodes.length < 2) {
      path = witnessPath(comp, adj, (id) => zonesOf(id).some((z) => prot.includes(z)), (id) => zonesOf(id).some((z) => foreign.includes(z)))
    }
    out.push({
      rule: 'PI-MIXED-COMPONENT',
      subject: `component:${prot.join(',')}`,
      ...(path.nodes[0] ? {device: path.nodes[0]} : {}),
      zones: [...prot, ...foreign],
      ...(path.refs[0] ? {location: path.refs[0]} : {}),
      evidence: path.refs,
      message: say(
        `${prot.join('、')} 与 ${foreign.join('、')} 在物理上连通（共 ${comp.length} 台设备），例如：${path.nodes.join(' → ')}。`,
        `${prot.join(', ')} is physically connected to ${foreign.join(', ')} (${comp.length} devices), e.g. ${path.nodes.join(' → ')}.`,
      ),
    })
  }
  return out
}

function witnessPath(
  comp: string[],
  adj: Map<string, {to: string; refs: SourceRef[]}[]>,
  isSource: (id: string) => boolean,
  isTarget: (id: string) => boolean,
): {nodes: string[]; refs: SourceRef[]} {
  const sources = comp.filter(isSource).sort()
  const prev = new Map<string, {from: string; refs: SourceRef[]} | null>()
  const queue: string[] = []
  for (const s of sources) {
    prev.set(s, null)
    queue.push(s)
  }
  while (queue.length) {
    const cur = queue.shift() as string
    if (isTarget(cur)) {
      const nodes: string[] = []
      const refs: SourceRef[] = []
      let at: string | undefined = cur
      while (at !== undefined) {
        nodes.unshift(at)
        const p = prev.get(at)
        if (!p) break
        refs.unshift(...p.refs.slice(0, 1))
        at = p.from
      }
      return {nodes, refs}
    }
    for (const e of [...(adj.get(cur) ?? [])].sort((x, y) => (x.to < y.to ? -1 : 1))) {
      if (prev.has(e.to)) continue
      prev.set(e.to, {from: cur, refs: e.refs})
      queue.push(e.to)
    }
  }
  return {nodes: sources.slice(0, 1), refs: []}
}
