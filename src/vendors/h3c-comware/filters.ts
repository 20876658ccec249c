import type {Filter, FilterBinding, FilterRule, SourceRef} from '../../model/index.js'
import {type ComwareAcl, orderedRules} from './acl.js'
import type {InterfaceBinding} from './interfaces.js'
import type {ZonePair} from './zones.js'

export interface FilterInputs {
  acls: readonly ComwareAcl[]
  interfaceBindings: readonly {interface: string; binding: InterfaceBinding}[]
  managementBindings: readonly FilterBinding[]
  zonePairs: readonly ZonePair[]
  /** Rules an `object-policy apply` brings into its zone pair. */
  objectPolicyRules?: (use: ZonePair['objectPolicies'][number]) => FilterRule[]
  /** `packet-filter default deny` / `firewall default deny`; absent means the Comware default, permit. */
  packetFilterDefault?: {action: 'permit' | 'deny'; ref: SourceRef}
}

/**
 * Comware semantics of an ACL depend on where it is used:
 * - as an interface packet filter, packets matching no rule are permitted unless
 *   `packet-filter default deny` is configured (H3C Security Command Reference, "Packet filter
 *   commands": `packet-filter default deny`, default "the packet filter permits packets that do not
 *   match any ACL rule"; the lab outputs in the corpus print "IPv4 default action: Permit");
 * - for login control (VTY, SSH/Telnet/HTTP server, SNMP community), only permitted clients get in;
 * - between security zones, traffic no rule permits is dropped (inter-zone default deny), and the
 *   firewall is session-based, so return traffic passes.
 */
export function buildFilters(input: FilterInputs): {filters: Filter[]; bindings: FilterBinding[]} {
  const byKey = new Map<string, ComwareAcl>()
  for (const acl of input.acls) {
    byKey.set(acl.id.toLowerCase(), acl)
    if (acl.alias !== undefined) byKey.set(acl.alias.toLowerCase(), acl)
  }
  const resolve = (name: string): string => byKey.get(name.toLowerCase())?.id ?? name
  const onInterfaces = new Set(input.interfaceBindings.map((b) => resolve(b.binding.filter)))
  const forManagement = new Set(input.managementBindings.map((b) => (b.kind === 'management' ? resolve(b.filter) : '')))
  const pfDefault = input.packetFilterDefault?.action ?? 'permit'

  const filters: Filter[] = input.acls.map((acl) => {
    const managementOnly = forManagement.has(acl.id) && !onInterfaces.has(acl.id)
    const f: Filter = {
      name: acl.id,
      kind: 'acl',
      family: acl.family,
      rules: orderedRules(acl),
      defaultAction: managementOnly ? 'deny' : pfDefault,
      stateful: false,
      ref: acl.ref,
    }
    if (!managementOnly && input.packetFilterDefault) f.defaultRef = input.packetFilterDefault.ref
    return f
  })

  const bindings: FilterBinding[] = []
  for (const {interface: itf, binding} of input.interfaceBindings) {
    bindings.push({kind: 'interface', filter: resolve(binding.filter), interface: itf, direction: binding.direction, ref: binding.ref})
  }
  for (const b of input.managementBindings) bindings.push(b.kind === 'management' ? {...b, filter: resolve(b.filter)} : b)

  for (const pair of input.zonePairs) {
    const name = `zone-pair ${pair.from}->${pair.to}`
    const rules: FilterRule[] = []
    for (const use of pair.acls) {
      const acl = byKey.get(use.acl.toLowerCase())
      if (!acl) {
        // A missing ACL: what the device does with it is not known here, so the pair is undecided.
        rules.push({id: `${use.acl}:missing`, action: 'unknown', reason: `ACL ${use.acl} is not defined`, match: {src: [{kind: 'any'}], dst: [{kind: 'any'}]}, ref: use.ref})
        continue
      }
      for (const r of orderedRules(acl)) rules.push({...r, id: `${acl.id}:${r.id}`, refs: [use.ref]})
    }
    for (const use of pair.objectPolicies) rules.push(...(input.objectPolicyRules?.(use) ?? []))
    filters.push({name, kind: 'zone-policy', rules, defaultAction: 'deny', stateful: true, ref: pair.ref})
    bindings.push({kind: 'zone-pair', filter: name, from: pair.from, to: pair.to, ref: pair.ref})
  }
  return {filters, bindings}
}
