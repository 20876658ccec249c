/**
 * Cisco IOS zone-based policy firewall → neutral filters. Semantics (Cisco "Zone-Based Policy
 * Firewall Design and Application Guide", rules for zone-policy interaction):
 *  - traffic between interfaces of the same zone flows freely (unless an intra-zone zone-pair
 *    with a policy exists);
 *  - traffic between two zones is dropped unless a zone-pair from source to destination zone
 *    carries a `service-policy type inspect` that passes or inspects it;
 *  - traffic cannot flow between a zone member and an interface in no zone; interfaces in no
 *    zone forward among themselves as classic router ports;
 *  - the `self` zone (the router) is the exception: traffic to or from it is allowed until a
 *    zone-pair with `self` applies a policy in that direction;
 *  - `inspect` is stateful (return traffic of the session passes without a policy in the other
 *    direction); `pass` is one-way and stateless; `drop` discards; class-default drops.
 */
import {type Filter, type FilterRule, type SecurityZone, type SourceRef, UNZONED} from '../../model/index.js'
import type {IosContext} from './context.js'
import {ANY_MATCH} from './zbf-match.js'
import {type PairPolicy, pairPolicy, undefinedPolicy} from './zbf-policy.js'
import type {ZbfZonePair} from './zbf-types.js'

export const ZBF_FILTER = 'zone-based-firewall'
export const SELF_ZONE = 'self'

const zoned = (rule: FilterRule, from: string | undefined, to: string | undefined): FilterRule => {
  const out = {...rule}
  if (from !== undefined) out.fromZones = [from]
  if (to !== undefined) out.toZones = [to]
  return out
}

function securityZones(ctx: IosContext, first: SourceRef): SecurityZone[] {
  const zones = new Map<string, SecurityZone>()
  for (const [name, line] of ctx.zbf.zones) zones.set(name, {name, interfaces: [], ref: ctx.ref(line)})
  for (const m of ctx.zbf.members) {
    const zone = zones.get(m.zone) ?? {name: m.zone, interfaces: [], ref: ctx.ref(m.line)}
    zones.set(m.zone, zone)
    if (!zone.interfaces.includes(m.interface)) zone.interfaces.push(m.interface)
  }
  // The router itself: every address of the device, no member interfaces.
  if (!zones.has(SELF_ZONE)) zones.set(SELF_ZONE, {name: SELF_ZONE, interfaces: [], ref: first})
  return [...zones.values()]
}

/**
 * Emit, when the file configures ZBF: the security zones with their members; one `zone-policy`
 * Filter per zone-pair with a policy, bound to the pair; and one global Filter holding the whole
 * zone semantics for any (from, to) zone pair — pair policies, return traffic of inspected
 * sessions, intra-zone, self and unzoned traffic, everything else dropped — evaluated with the
 * ingress and egress zones (`UNZONED` for an interface in no zone, `self` for the router).
 */
export function buildZoneFirewall(ctx: IosContext): void {
  const z = ctx.zbf
  const firstLine = [...z.zones.values()][0] ?? z.pairs[0]?.header ?? z.members[0]?.line
  if (firstLine === undefined) return
  const first = ctx.ref(firstLine)
  const acls = new Map<string, Filter[]>()
  for (const f of ctx.cfg.filters) if (f.kind === 'acl') acls.set(f.name, [...(acls.get(f.name) ?? []), f])

  const zones = securityZones(ctx, first)
  ctx.cfg.securityZones.push(...zones)
  const withPolicy: {pair: ZbfZonePair; policy: PairPolicy}[] = []
  for (const pair of z.pairs) {
    if (!pair.policy) continue
    const defined = z.policies.get(pair.policy.name)
    const policy = defined ? pairPolicy(ctx, defined, acls) : undefinedPolicy(pair.policy.name, ctx.ref(pair.policy.line))
    withPolicy.push({pair, policy})
  }
  const inspectsFrom = (from: string, to: string): boolean => withPolicy.some((p) => p.pair.from === from && p.pair.to === to && p.policy.inspects)

  const global: FilterRule[] = []
  // Return traffic first: an established session bypasses the policy of the other direction.
  for (const {pair, policy} of withPolicy) for (const r of policy.returns) global.push(zoned({...r, id: `${pair.name}:${r.id}`}, pair.to, pair.from))
  for (const {pair, policy} of withPolicy) {
    const headerRef = ctx.ref(pair.header)
    const filter: Filter = {
      name: `zone-pair:${pair.name}`,
      kind: 'zone-policy',
      rules: policy.rules,
      defaultAction: policy.defaultAction,
      defaultRef: policy.defaultRef,
      // Established packets this way are the return of sessions inspected the other way.
      stateful: policy.inspects || inspectsFrom(pair.to, pair.from),
      ref: headerRef,
    }
    ctx.cfg.filters.push(filter)
    ctx.cfg.filterBindings.push({kind: 'zone-pair', filter: filter.name, from: pair.from, to: pair.to, ref: headerRef})
    for (const r of policy.rules) global.push(zoned({...r, id: `${pair.name}:${r.id}`}, pair.from, pair.to))
    global.push(zoned({id: `${pair.name}:class-default`, action: policy.defaultAction, match: ANY_MATCH, ref: policy.defaultRef}, pair.from, pair.to))
  }
  for (const zone of zones) {
    if (zone.name === SELF_ZONE) continue
    global.push(zoned({id: `intra-zone:${zone.name}`, action: 'permit', match: ANY_MATCH, ref: zone.ref}, zone.name, zone.name))
  }
  global.push(zoned({id: 'self:from', action: 'permit', match: ANY_MATCH, ref: first}, SELF_ZONE, undefined))
  global.push(zoned({id: 'self:to', action: 'permit', match: ANY_MATCH, ref: first}, undefined, SELF_ZONE))
  global.push(zoned({id: 'unzoned', action: 'permit', match: ANY_MATCH, ref: first}, UNZONED, UNZONED))
  // Return traffic is written out as rules, so the global filter itself keeps no session table.
  ctx.cfg.filters.push({name: ZBF_FILTER, kind: 'zone-policy', rules: global, defaultAction: 'deny', defaultRef: first, stateful: false, ref: first})
  ctx.cfg.filterBindings.push({kind: 'global', filter: ZBF_FILTER, ref: first})
}
