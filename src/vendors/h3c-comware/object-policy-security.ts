/**
 * Comware 7 `security-policy ip|ipv6` (the successor of object policies). H3C Security Policy
 * Command Reference: `action { drop | pass }`, "the action for a security policy rule is drop" by
 * default; rules match in the order shown; traffic no rule matches between two security zones is
 * denied (H3C SecPath FAQ: "By default, packets are denied between two security zones"). Once a
 * security-policy view exists, object policies lose effect (same FAQ).
 */
import type {AddressMatch, Filter, IpFamily, SourceRef} from '../../model/index.js'
import {networkOf, parseAddress, parsePrefix} from '../../net/address.js'
import type {ObjectGroup, ServiceTerm} from './object-policy-groups.js'
import {emptyConditions} from './object-policy-match.js'
import {type PolicyRuleDraft, policyRules} from './object-policy.js'
import {portMatch} from './ports.js'
import type {BlockHandler, Statement} from './walker.js'

export interface SecurityPolicy {
  family: IpFamily
  rules: PolicyRuleDraft[]
  ref: SourceRef
}

const NEUTRAL = /^(description|logging|counting|session|profile|parent-group|accelerate)\b/
const DYNAMIC = /^(time-range|application|app-group|user|user-group|source-user|track|vrf|terminal|url-category|ip-reputation)\b/

function literalAddress(kind: string, w: string[]): AddressMatch | undefined {
  if (kind === 'host' && w.length === 1) {
    const a = parseAddress(w[0] ?? '')
    return a ? {kind: 'prefix', family: a.family, address: a.address, length: a.family === 4 ? 32 : 128} : undefined
  }
  if (kind === 'subnet' && w.length === 2) {
    const [a, m] = w
    const p = m !== undefined && /^\d{1,3}$/.test(m) ? parsePrefix(`${a}/${m}`) : parsePrefix(a ?? '', m)
    return p ? {kind: 'prefix', family: p.family, address: networkOf(p.address, p.length, p.family), length: p.length} : undefined
  }
  if (kind === 'range' && w.length === 2) {
    const a = parseAddress(w[0] ?? '')
    const b = parseAddress(w[1] ?? '')
    return a && b && a.family === b.family ? {kind: 'range', family: a.family, first: a.address, last: b.address} : undefined
  }
  return undefined
}

/** One line inside `rule N name X`; false when not understood (the rule becomes undecided). */
function ruleLine(rule: PolicyRuleDraft, w: string[]): boolean {
  const low = w.map((x) => x.toLowerCase())
  const key = low[0] ?? ''
  const c = rule.conditions
  const arg = w[1]
  if (key === 'action' && (low[1] === 'pass' || low[1] === 'drop') && w.length === 2) rule.action = low[1] === 'pass' ? 'permit' : 'deny'
  else if (key === 'disable' && w.length === 1) rule.disabled = true
  else if ((key === 'source-zone' || key === 'destination-zone') && arg !== undefined && w.length === 2) {
    const list = key === 'source-zone' ? (rule.fromZones ??= []) : (rule.toZones ??= [])
    list.push(arg)
  } else if ((key === 'source-ip' || key === 'destination-ip') && arg !== undefined && w.length === 2) {
    ;(key === 'source-ip' ? c.srcGroups : c.dstGroups).push(arg)
  } else if (/^(source|destination)-ip-(host|subnet|range)$/.test(key)) {
    const m = literalAddress(key.split('-')[2] ?? '', w.slice(1))
    if (!m) return false
    ;(key.startsWith('source') ? c.src : c.dst).push(m)
  } else if (key === 'service' && arg !== undefined && w.length === 2) c.serviceGroups.push(arg)
  else if (key === 'service-port') return servicePort(rule, w.slice(1))
  else if (DYNAMIC.test(key)) c.problem ??= `condition "${key}" depends on run-time state`
  else return NEUTRAL.test(key)
  return true
}

/** `service-port tcp|udp [source OP P…] [destination OP P…]`, `service-port icmp|N`. */
function servicePort(rule: PolicyRuleDraft, w: string[]): boolean {
  const proto = w[0]?.toLowerCase()
  const p = proto === 'tcp' ? 6 : proto === 'udp' ? 17 : proto === 'icmp' ? 1 : /^\d{1,3}$/.test(proto ?? '') ? Number(proto) : undefined
  if (p === undefined || p > 255) return false
  const term: ServiceTerm = {protocols: [p]}
  let i = 1
  while (i < w.length && (p === 6 || p === 17)) {
    const side = w[i]?.toLowerCase()
    const m = side === 'source' || side === 'destination' ? portMatch(w.slice(i + 1), p) : undefined
    if (!m) return false
    if (side === 'source') term.srcPorts = m.ranges
    else term.dstPorts = m.ranges
    i += 1 + m.used
  }
  if (i !== w.length) return false
  rule.conditions.services.push(term)
  return true
}

/** `security-policy ip|ipv6` with `rule [N] name X` views (indented once) and their conditions (twice). */
export function openSecurityPolicy(s: Statement, ref: (s: Statement) => SourceRef, policies: SecurityPolicy[]): BlockHandler | undefined {
  const low = s.words.map((x) => x.toLowerCase())
  if ((low[1] !== 'ip' && low[1] !== 'ipv6') || s.words.length !== 2) return undefined
  const policy: SecurityPolicy = {family: low[1] === 'ipv6' ? 6 : 4, rules: [], ref: ref(s)}
  policies.push(policy)
  let current: PolicyRuleDraft | undefined
  return {
    child: (c) => {
      const w = c.words
      if (w[0]?.toLowerCase() === 'rule') {
        const named = w.findIndex((x) => x.toLowerCase() === 'name')
        const id = /^\d+$/.test(w[1] ?? '') ? (w[1] as string) : String(policy.rules.length)
        const name = named > 0 ? w.slice(named + 1).join(' ') : undefined
        // The action defaults to drop.
        current = {id: name ? `${id}:${name}` : id, action: 'deny', conditions: emptyConditions(), disabled: false, ref: ref(c), refs: []}
        policy.rules.push(current)
        return named > 0 && named <= 2 && name !== undefined
      }
      if (current === undefined) return NEUTRAL.test(w.join(' ').toLowerCase())
      current.refs.push(ref(c))
      if (ruleLine(current, w)) return true
      current.conditions.problem ??= `unrecognized rule condition "${w.join(' ')}"`
      return false
    },
  }
}

/** The device-wide security policy of one family: first match over zone-restricted rules, default deny, stateful. */
export function securityPolicyFilter(policy: SecurityPolicy, groups: Map<string, ObjectGroup>, zones: string[]): Filter {
  // Zone names are case-insensitive: rules take the spelling of the zone's definition.
  const canonical = (z: string): string => zones.find((x) => x.toLowerCase() === z.toLowerCase()) ?? z
  const drafts = policy.rules.map((r) => {
    const d = {...r}
    if (r.fromZones) d.fromZones = r.fromZones.map(canonical)
    if (r.toZones) d.toZones = r.toZones.map(canonical)
    return d
  })
  const rules = policyRules(drafts, groups, policy.family)
  return {name: `security-policy ${policy.family === 6 ? 'ipv6' : 'ip'}`, kind: 'security-policy', family: policy.family, rules, defaultAction: 'deny', defaultRef: policy.ref, stateful: true, ref: policy.ref}
}
