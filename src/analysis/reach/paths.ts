import type {SourceRef} from '../../model/index.js'
import type {Packet, PacketSet} from '../packetset/index.js'
import {decide} from './applications.js'
import type {Hop} from './hops.js'

export type HopVerdict = 'permit' | 'deny' | 'unknown'

/** What one check on a hop did with the packet, and the line that decided it. */
export interface Check {
  label: string
  verdict: HopVerdict
  /** `rule`, `default`, `session`, `other-family` or `platform`. */
  by: string
  rule?: string
  reason?: string
  ref: SourceRef
}

export interface HopStep {
  device: string
  in: string
  /** Out interface, or `local` when the packet is addressed to the device itself. */
  out: string
  verdict: HopVerdict
  checks: Check[]
}

export interface ReachPath {
  /** `open`: every hop permits; `blocked`: a hop denies (the last one listed); `unknown`: otherwise. */
  verdict: 'open' | 'blocked' | 'unknown'
  from: string
  to: string
  hops: HopStep[]
}

/** Evaluate every check of a hop on one concrete packet. */
export function stepOf(hop: Hop, packet: Packet): HopStep {
  const checks: Check[] = hop.apps.flatMap((app) => {
    if (app.kind === 'filter' && app.guards && !app.guards.contains(packet)) return []
    const d = decide(app, packet)
    // A login ACL only narrows what surely gets in: its deny leaves the packet undecided.
    const verdict = app.kind === 'filter' && app.surelyOnly && d.verdict === 'deny' ? 'unknown' : d.verdict
    const c: Check = {label: app.label, verdict, by: d.by, ref: d.ref}
    if (d.by === 'rule') c.rule = d.rule.id
    if (d.by === 'rule' && d.rule.reason) c.reason = d.rule.reason
    if (d.by === 'platform') c.reason = d.reason
    return [c]
  })
  const verdict: HopVerdict = checks.some((c) => c.verdict === 'deny') ? 'deny' : checks.some((c) => c.verdict === 'unknown') ? 'unknown' : 'permit'
  return {device: hop.forwarder.device.id, in: hop.from.iface.name, out: hop.to === 'local' ? 'local' : hop.to.iface.name, verdict, checks}
}

export interface PathSearch {
  segmentIds: string[]
  leaving: Hop[][]
  srcLives: (s: number) => PacketSet
  dstLives: (s: number) => PacketSet
  /** Hops entering each segment, for the backward pruning walk. */
  entering: Hop[][]
}

/**
 * Simple paths (no segment twice) that carry `packet` from where its source lives to where its
 * destination lives or to the device that owns it. A path stops at the first hop that denies.
 * Only hops that can still lead to a destination (and that `accept` takes) are followed, and the
 * search is capped.
 */
export function pathsFor(g: PathSearch, packet: Packet, limit = 16, accept?: (step: HopStep) => boolean, maxSteps = 20_000): ReachPath[] {
  const n = g.segmentIds.length
  const isDst = (s: number) => g.dstLives(s).contains(packet)
  const delivers = (h: Hop) => h.to === 'local' && h.scope.contains(packet)
  // Segments from which some destination is reachable, filters ignored.
  const useful = new Uint8Array(n)
  const stack: number[] = []
  for (let s = 0; s < n; s++) {
    if (isDst(s) || (g.leaving[s] ?? []).some(delivers)) {
      useful[s] = 1
      stack.push(s)
    }
  }
  while (stack.length) {
    const t = stack.pop() as number
    for (const h of g.entering[t] ?? []) {
      if (!useful[h.from.segment]) {
        useful[h.from.segment] = 1
        stack.push(h.from.segment)
      }
    }
  }
  const out: ReachPath[] = []
  let steps = 0
  const onPath = new Uint8Array(n)
  // A path enters each device once: leaving a device only to re-enter it is a detour, not a path.
  const devices = new Set<string>()
  const walk = (from: number, s: number, hops: HopStep[]): void => {
    if (out.length >= limit || ++steps > maxSteps) return
    if (isDst(s)) {
      out.push({verdict: hops.every((h) => h.verdict === 'permit') ? 'open' : 'unknown', from: g.segmentIds[from] ?? '', to: g.segmentIds[s] ?? '', hops: [...hops]})
      return
    }
    onPath[s] = 1
    for (const hop of g.leaving[s] ?? []) {
      if (!hop.scope.contains(packet) || devices.has(hop.forwarder.device.id)) continue
      if (hop.to !== 'local' && (onPath[hop.to.segment] || !useful[hop.to.segment] || hop.to.segment === s)) continue
      const step = stepOf(hop, packet)
      if (accept && !accept(step)) continue
      const next = [...hops, step]
      if (step.verdict === 'deny') {
        out.push({verdict: 'blocked', from: g.segmentIds[from] ?? '', to: hop.to === 'local' ? hop.forwarder.device.id : (g.segmentIds[hop.to.segment] ?? ''), hops: next})
      } else if (hop.to === 'local') {
        out.push({verdict: next.every((h) => h.verdict === 'permit') ? 'open' : 'unknown', from: g.segmentIds[from] ?? '', to: hop.forwarder.device.id, hops: next})
      } else {
        devices.add(hop.forwarder.device.id)
        walk(from, hop.to.segment, next)
        devices.delete(hop.forwarder.device.id)
      }
      if (out.length >= limit) break
    }
    onPath[s] = 0
  }
  for (let s = 0; s < n && out.length < limit; s++) if (useful[s] && g.srcLives(s).contains(packet)) walk(s, s, [])
  const rank = {open: 0, unknown: 1, blocked: 2}
  return out.sort((a, b) => rank[a.verdict] - rank[b.verdict] || a.hops.length - b.hops.length)
}

/** The fewest-hop path for `packet` whose every hop `accept` takes (breadth first), or undefined. */
export function shortestPath(g: PathSearch, packet: Packet, accept: (step: HopStep) => boolean): ReachPath | undefined {
  const n = g.segmentIds.length
  const prev: ({seg: number; step: HopStep} | null | undefined)[] = new Array(n)
  const queue: number[] = []
  for (let s = 0; s < n; s++) {
    if (g.srcLives(s).contains(packet)) {
      prev[s] = null
      queue.push(s)
    }
  }
  const trail = (s: number, last?: HopStep): {from: number; hops: HopStep[]} => {
    const hops: HopStep[] = last ? [last] : []
    let cur = s
    for (let p = prev[cur]; p; p = prev[cur]) {
      hops.unshift(p.step)
      cur = p.seg
    }
    return {from: cur, hops}
  }
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i] as number
    if (g.dstLives(s).contains(packet)) {
      const t = trail(s)
      return {verdict: t.hops.every((h) => h.verdict === 'permit') ? 'open' : 'unknown', from: g.segmentIds[t.from] ?? '', to: g.segmentIds[s] ?? '', hops: t.hops}
    }
    for (const hop of g.leaving[s] ?? []) {
      if (!hop.scope.contains(packet) || (hop.to !== 'local' && prev[hop.to.segment] !== undefined)) continue
      const step = stepOf(hop, packet)
      if (!accept(step)) continue
      if (hop.to === 'local') {
        const t = trail(s, step)
        return {verdict: t.hops.every((h) => h.verdict === 'permit') ? 'open' : 'unknown', from: g.segmentIds[t.from] ?? '', to: hop.forwarder.device.id, hops: t.hops}
      }
      prev[hop.to.segment] = {seg: s, step}
      queue.push(hop.to.segment)
    }
  }
  return undefined
}
