import type {Filter, FilterRule, SourceRef} from '../../model/index.js'
import type {AsaContext, AsaInterface} from './context.js'

/** Effective security level: explicit, else 100 for nameif `inside`, else 0 (ASA defaults). */
export function levelOf(ai: AsaInterface): number {
  return ai.level ?? (ai.nameif?.toLowerCase() === 'inside' ? 100 : 0)
}

/**
 * One ingress Filter per nameif'd interface, bound `in` on that interface. It folds in what
 * the ASA decides for traffic entering there, toward each egress zone (= nameif):
 *  1. same-level traffic is dropped unless `same-security-traffic permit inter-interface`
 *     (another interface) / `intra-interface` (the same one) — an ACL cannot override this;
 *  2. with an inbound ACL and/or a global ACL: interface ACL rules, then global ACL rules,
 *     then implicit deny (Cisco: "1. interface access rule 2. global access rule 3. implicit deny");
 *  3. with neither: permitted only toward lower levels (and equal levels when allowed above);
 *  4. a `management-only` interface forwards nothing through the box, in or out.
 * Every rule tests "has an outgoing interface" (forwarded); a last rule `to-the-box` passes what is
 * addressed to the ASA itself, which access-groups never filter (to-the-box.ts decides it).
 * Outbound ACLs stay their own Filter bound `out` on their interface.
 */
export function buildIngressFilters(ctx: AsaContext, acls: Map<string, Filter>): void {
  const zoned = ctx.interfaces.filter((ai) => ai.nameif !== undefined)
  const global = ctx.accessGroups.find((g) => g.direction === 'global')
  const globalAcl = global ? acls.get(global.acl) : undefined
  for (const ai of zoned) {
    const nameif = ai.nameif ?? ''
    const level = levelOf(ai)
    const here = ai.levelRef ?? ai.iface.ref
    // Egress through a management-only interface is dropped as well.
    const mgmtOnly = zoned.filter((o) => o !== ai && o.managementOnly)
    const others = zoned.filter((o) => o !== ai && !o.managementOnly)
    const same = others.filter((o) => levelOf(o) === level).map((o) => o.nameif ?? '')
    const lower = others.filter((o) => levelOf(o) < level).map((o) => o.nameif ?? '')
    const rules: FilterRule[] = []
    const any = {src: [{kind: 'any' as const}], dst: [{kind: 'any' as const}]}
    const rule = (id: string, action: 'permit' | 'deny', toZones: string[], r: SourceRef): FilterRule => ({id, action, match: any, toZones, ref: r})
    const inter = ctx.sameSecurity.inter
    const intra = ctx.sameSecurity.intra
    const group = ctx.accessGroups.find((g) => g.direction === 'in' && g.nameif === nameif)
    const inAcl = group ? acls.get(group.acl) : undefined
    let defaultRef: SourceRef | undefined
    if (ai.managementOnly) {
      defaultRef = ai.managementOnly
    } else {
      const first = mgmtOnly[0]?.managementOnly
      if (first) rules.push(rule('management-only', 'deny', mgmtOnly.map((o) => o.nameif ?? ''), first))
      if (!inter && same.length > 0) rules.push(rule('same-security:inter-interface', 'deny', same, here))
      if (!intra) rules.push(rule('same-security:intra-interface', 'deny', [nameif], here))
      if (group || globalAcl) {
        rules.push(...(inAcl?.rules ?? []), ...(globalAcl?.rules ?? []))
        defaultRef = group?.ref ?? global?.ref
      } else {
        if (lower.length > 0) rules.push(rule('security-level:lower', 'permit', lower, here))
        if (inter && same.length > 0) rules.push(rule('security-level:same', 'permit', same, inter))
        if (intra) rules.push(rule('security-level:intra-interface', 'permit', [nameif], intra))
      }
    }
    // Access-groups and security levels decide forwarded traffic only; what is addressed to the
    // ASA itself passes on to the `to-the-box` filter (to-the-box.ts).
    const forwarded = rules.map((r): FilterRule => ({...r, match: {...r.match, outInterfaces: ['+']}}))
    forwarded.push({id: 'to-the-box', action: 'permit', match: {...any, outInterfaces: ['+'], outInterfacesNegate: true}, ref: ai.iface.ref})
    const filter: Filter = {name: `ingress:${nameif}`, kind: 'security-policy', rules: forwarded, defaultAction: 'deny', stateful: true, ref: ai.iface.ref}
    if (defaultRef) filter.defaultRef = defaultRef
    ctx.config.filters.push(filter)
    ctx.config.filterBindings.push({kind: 'interface', filter: filter.name, interface: ai.iface.name, direction: 'in', ref: group?.ref ?? here})
  }
  for (const g of ctx.accessGroups) {
    if (g.direction !== 'out') continue
    const ai = zoned.find((x) => x.nameif === g.nameif)
    if (ai && acls.has(g.acl)) ctx.config.filterBindings.push({kind: 'interface', filter: g.acl, interface: ai.iface.name, direction: 'out', ref: g.ref})
  }
}
