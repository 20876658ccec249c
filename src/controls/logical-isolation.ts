import {approvedSet, endpointSet, reachAnalysisOf, serviceSet} from '../analysis/reach/index.js'
import type {ApprovedFlow} from '../inventory/types.js'
import {boundaryCrossings} from './logical/boundary.js'
import {isolatedPairs} from './logical/pairs.js'
import {brokenFlows, noFilter, undecided} from './logical/path-findings.js'
import {RuleFindings} from './logical/rule-findings.js'
import type {Control} from './types.js'

/**
 * Tianjin Art. 19 (外网/门户 逻辑隔离), GB/T 22239 8.1.3.2: between every pair of zones the policy
 * isolates logically, every path crosses a filter, filters deny by default, and what can pass is
 * at most the approved flows — each excess pinned to the rule that permits it, with a witness.
 */
export const logicalIsolation: Control = {
  id: 'logical-isolation',
  run(ctx) {
    const net = ctx.network
    const a = reachAnalysisOf(net)
    const space = a.space
    const flows = ctx.inventory.inventory.flows
    const approved = approvedSet(net, a.zones, space, flows)
    const rules = new RuleFindings(([x, y]) => `${x}>${y}`)
    const drafts = []
    for (const pair of isolatedPairs(ctx.policy, net)) {
      const r = a.zoneToZone(pair[0], pair[1])
      if (r.reached.maybe.isEmpty() && r.propagation.at.every((p) => p.maybe.intersect(r.query).isEmpty())) continue
      const crossings = boundaryCrossings(a, r)
      drafts.push(...noFilter(a, pair, r), ...undecided(a, pair, r))
      rules.excess(pair, crossings, r.reached.surely.minus(approved))
      rules.defaults(pair, crossings)
      rules.hygiene(pair, crossings)
    }
    // Each destination on each port span of a flow, from all of its sources.
    const parts = (f: ApprovedFlow) => {
      const src = space.union(f.from.map((x) => endpointSet(net, a.zones, space, 'src', x) ?? space.empty))
      const spans = f.ports.length ? f.ports.map((p) => [p]) : [[]]
      return f.to.flatMap((x) => spans.map((ps) => src.intersect(endpointSet(net, a.zones, space, 'dst', x) ?? space.empty).intersect(serviceSet(space, f.proto, ps))))
    }
    return [...drafts, ...rules.drafts, ...brokenFlows(a, ctx.inventory, parts)]
  },
}
