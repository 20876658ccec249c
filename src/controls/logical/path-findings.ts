import type {PacketSet} from '../../analysis/packetset/index.js'
import {type ReachAnalysis, type ReachResult, readableWitness, stepOf} from '../../analysis/reach/index.js'
import type {ApprovedFlow, LoadedInventory} from '../../inventory/types.js'
import type {FindingDraft, SourceRef} from '../../model/index.js'
import {say} from '../text.js'
import {packetText, pathText, witnessOf} from './witness.js'

/** LI-NO-FILTER: some packet of the pair crosses without meeting any filter. */
export function noFilter(a: ReachAnalysis, pair: [string, string], r: ReachResult): FindingDraft[] {
  const w = readableWitness(r.reached.bare)
  if (!w) return []
  const path = a.shortest(w, (step) => step.checks.length === 0)
  const first = path?.hops[0]
  const port = first ? a.topology.forwarders.get(first.device)?.ports.find((p) => p.iface.name === first.in) : undefined
  const out = first ? a.topology.forwarders.get(first.device)?.ports.find((p) => p.iface.name === first.out) : undefined
  const refs = [out?.iface.ref, port?.iface.ref].filter((x): x is SourceRef => x !== undefined)
  const where = path && path.hops.length === 0 ? `${path.from}` : pathText(path)
  return [
    {
      rule: 'LI-NO-FILTER',
      subject: `no-filter:${pair[0]}>${pair[1]}`,
      ...(first ? {device: first.device} : {}),
      zones: [...pair],
      ...(refs[0] ? {location: refs[0]} : {}),
      evidence: refs,
      witness: witnessOf(w),
      message: say(
        `${pair[0]} 与 ${pair[1]} 之间存在不经过任何过滤设备的路径（${where}），例如 ${packetText(w)} 可直接通过。`,
        `A path from ${pair[0]} to ${pair[1]} crosses no filtering device (${where}); e.g. ${packetText(w)} passes unchecked.`,
      ),
    },
  ]
}

/** LI-UNDECIDED: traffic that may pass, decided by rules or devices the analysis cannot read. */
export function undecided(a: ReachAnalysis, pair: [string, string], r: ReachResult): FindingDraft[] {
  const w = readableWitness(r.reached.maybe.minus(r.reached.surely))
  if (!w) return []
  // The hops where the witness may arrive and meets a check that neither permits nor denies it.
  const checks = a.hops
    .filter((h) => r.propagation.at[h.from.segment]?.maybe.contains(w) && h.scope.contains(w))
    .map((h) => stepOf(h, w))
    .filter((s) => s.verdict === 'unknown')
    .flatMap((s) => s.checks.filter((c) => c.verdict === 'unknown').map((c) => ({device: s.device, ...c})))
  const first = checks[0]
  const why = [...new Set(checks.map((c) => `${c.device} ${c.label}${c.rule ? ` rule ${c.rule}` : ''}${c.reason ? ` (${c.reason})` : ''}`))]
  return [
    {
      rule: 'LI-UNDECIDED',
      subject: `undecided:${pair[0]}>${pair[1]}`,
      ...(first ? {device: first.device, location: first.ref} : {}),
      zones: [...pair],
      evidence: checks.map((c) => c.ref),
      witness: witnessOf(w),
      message: say(
        `无法判定 ${pair[0]} → ${pair[1]} 的部分流量能否通过（例如 ${packetText(w)}），原因：${why.join('；') || '未知'}。不能据此认定已隔离。`,
        `Whether some ${pair[0]} → ${pair[1]} traffic passes cannot be decided (e.g. ${packetText(w)}), because of: ${why.join('; ') || 'unknown'}. The boundary cannot be shown isolated.`,
      ),
    },
  ]
}

/** LI-BROKEN-FLOW: an approved flow (or part of it) that no path lets through. */
/**
 * A flow is broken where one of its destinations on one of its port spans cannot be reached
 * from any of its sources: a blocked source or two (say, a second Internet exit) is not a broken
 * business flow, a service that nobody reaches is.
 */
export function brokenFlows(a: ReachAnalysis, loaded: LoadedInventory, parts: (f: ApprovedFlow) => PacketSet[]): FindingDraft[] {
  const out: FindingDraft[] = []
  loaded.inventory.flows.forEach((f, k) => {
    let w: ReturnType<typeof readableWitness>
    for (const part of parts(f)) {
      const blocked = a.cannotPass(part)
      if (blocked.isEmpty() || !blocked.equals(a.placed(part))) continue
      w = readableWitness(blocked)
      break
    }
    if (!w) return
    const denies = a.paths(w).flatMap((p) => (p.verdict === 'blocked' ? p.hops.slice(-1).map((h) => ({device: h.device, check: h.checks.find((c) => c.verdict === 'deny')})) : []))
    const by = denies.find((d) => d.check)
    const at = loaded.locate(['flows', k])
    const cause = by?.check ? `${by.device} ${by.check.label}${by.check.rule ? ` rule ${by.check.rule}` : ` (${by.check.by})`}` : ''
    out.push({
      rule: 'LI-BROKEN-FLOW',
      subject: `flow:${f.id}`,
      ...(by ? {device: by.device} : {}),
      location: at,
      evidence: [at, ...denies.flatMap((d) => (d.check ? [d.check.ref] : []))],
      witness: witnessOf(w),
      message: say(
        `已批准的业务流 ${f.id} 无法通过：例如 ${packetText(w)} 被阻断${cause ? `（${cause}）` : '（没有路径）'}。`,
        `Approved flow ${f.id} cannot pass: e.g. ${packetText(w)} is blocked${cause ? ` (${cause})` : ' (no path)'}.`,
      ),
    })
  })
  return out
}
