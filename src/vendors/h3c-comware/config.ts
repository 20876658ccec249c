import {type DeviceConfig, emptyDeviceConfig, type FilterBinding, type LocalUser, type SecurityZone, type SourceRef} from '../../model/index.js'
import {CoverageRecorder} from '../common/coverage.js'
import {deviceLines} from '../common/text.js'
import {openLocalUser} from './accounts.js'
import {aclView, type ComwareAcl, parseAclHeader, type RuleProblem} from './acl.js'
import {isIrrelevantCommand, isIrrelevantView} from './allowlist.js'
import {buildFilters} from './filters.js'
import {type ComwareInterface, type InterfaceBinding, interfaceLine, looksLikeSwitch, newInterface, toInterface} from './interfaces.js'
import {ManagementReader} from './management.js'
import {appliedPolicyRules, type ObjectPolicy, openObjectPolicy} from './object-policy.js'
import {type ObjectGroup, openObjectGroup} from './object-policy-groups.js'
import {openSecurityPolicy, type SecurityPolicy, securityPolicyFilter} from './object-policy-security.js'
import {parseStaticRoute} from './routes.js'
import {VlanTable} from './vlans.js'
import {type BlockHandler, type Statement, walkConfig} from './walker.js'
import {openSecurityZone, openZonePair, type ZonePair} from './zones.js'

/** Parse a Comware 5/7 `display current-configuration` (or saved .cfg) into the neutral model. */
export function parseComwareConfig(input: Uint8Array | string, file: string): DeviceConfig {
  const cfg = emptyDeviceConfig('h3c-comware', file)
  const rec = new CoverageRecorder(file)
  const ref = (s: Statement): SourceRef => rec.ref(s.line)

  const interfaces = new Map<string, ComwareInterface>()
  const interfaceBindings: {interface: string; binding: InterfaceBinding}[] = []
  const vlans = new VlanTable()
  const acls: ComwareAcl[] = []
  const ruleProblems: {problem: RuleProblem; context: string}[] = []
  const zones: SecurityZone[] = []
  const zonePairs: ZonePair[] = []
  const objectGroups = new Map<string, ObjectGroup>()
  const objectPolicies: ObjectPolicy[] = []
  const securityPolicies: SecurityPolicy[] = []
  const users: LocalUser[] = []
  const mgmt = new ManagementReader(ref)
  let packetFilterDefault: {action: 'permit' | 'deny'; ref: SourceRef} | undefined

  const global = (s: Statement): boolean => {
    const low = s.words.map((w) => w.toLowerCase())
    if (low[0] === 'sysname' && s.words[1] !== undefined) {
      cfg.hostname = s.text.replace(/^sysname\s+/i, '')
      cfg.hostnameRef = ref(s)
      return true
    }
    if ((low[0] === 'ip' || low[0] === 'ipv6') && low[1] === 'route-static' && low[2] !== 'default-preference') {
      const route = parseStaticRoute(s.words, ref(s))
      if (route) cfg.staticRoutes.push(route)
      else rec.unrecognized(s.line, 'static route not understood')
      // Counted once: either a route or an unrecognized line.
      return true
    }
    // `packet-filter default deny` (Comware 7), `firewall default deny|permit` (Comware 5 routers).
    const t = low.join(' ')
    if (t === 'packet-filter default deny' || t === 'firewall default deny' || t === 'firewall default permit') {
      packetFilterDefault = {action: t.endsWith('deny') ? 'deny' : 'permit', ref: ref(s)}
      return true
    }
    if (t === 'undo packet-filter default deny') {
      packetFilterDefault = {action: 'permit', ref: ref(s)}
      return true
    }
    if (mgmt.global(s)) return true
    return isIrrelevantCommand(s.text)
  }

  const open = (s: Statement): BlockHandler | undefined => {
    const low = s.words.map((w) => w.toLowerCase())
    const key = low[0]
    if (key === 'interface' && s.words.length >= 2 && low[1] !== 'range') {
      const itf = newInterface(s.words.slice(1).join(''), ref(s))
      const existing = interfaces.get(itf.name)
      const target = existing ?? itf
      if (!existing) interfaces.set(itf.name, itf)
      const bind = (binding: InterfaceBinding): void => {
        interfaceBindings.push({interface: target.name, binding})
      }
      return {child: (c) => interfaceLine(target, c, ref, bind)}
    }
    if (key === 'vlan' && /^\d/.test(low[1] ?? '')) return vlans.open(s, ref(s))
    if (key === 'local-user') return openLocalUser(s, ref, users)
    if (key === 'user-interface' || key === 'line') return mgmt.openLine(s)
    if (key === 'acl') {
      const acl = parseAclHeader(s, ref(s))
      if (!acl) return undefined
      const same = acls.find((a) => a.id === acl.id && a.family === acl.family)
      const target = same ?? acl
      if (!same) acls.push(acl)
      const problems: RuleProblem[] = []
      const view = aclView(target, ref, problems)
      return {
        child: (c) => {
          const ok = view.child(c)
          for (const problem of problems.splice(0)) ruleProblems.push({problem, context: s.text})
          return ok
        },
      }
    }
    if (key === 'security-zone') return openSecurityZone(s, ref, zones)
    if (key === 'zone-pair') return openZonePair(s, ref, zonePairs)
    if (key === 'object-policy') return openObjectPolicy(s, ref, objectPolicies)
    if (key === 'security-policy') return openSecurityPolicy(s, ref, securityPolicies)
    const group = key === 'object-group' ? openObjectGroup(s, ref, objectGroups) : undefined
    if (group) return group
    if (isIrrelevantView(s.text)) return {child: () => true}
    return undefined
  }

  walkConfig(deviceLines(input), rec, {global, open})
  for (const {problem, context} of ruleProblems) rec.unrecognized(problem.stmt.line, problem.reason, context)

  const raw = [...interfaces.values()]
  const switchFile = looksLikeSwitch(raw) || vlans.list().some((v) => v.id !== 1)
  cfg.interfaces = raw.map((i) => toInterface(i, switchFile))
  cfg.vlans = vlans.list()
  const managementBindings: FilterBinding[] = mgmt.bindings
  // Object policies lose effect once a security-policy view exists (H3C SecPath FAQ).
  // A pair left with nothing to apply then has no say: the security policy decides its traffic.
  if (securityPolicies.length > 0) {
    for (const pair of zonePairs) pair.objectPolicies = []
    zonePairs.splice(0, zonePairs.length, ...zonePairs.filter((p) => p.acls.length > 0))
  }
  const objectPolicyRules = (use: ZonePair['objectPolicies'][number]) => appliedPolicyRules(use, objectPolicies, objectGroups)
  const inputs = {acls, interfaceBindings, managementBindings, zonePairs, objectPolicyRules}
  const built = buildFilters(packetFilterDefault ? {...inputs, packetFilterDefault} : inputs)
  cfg.filters = built.filters
  cfg.filterBindings = built.bindings
  for (const policy of securityPolicies) {
    const filter = securityPolicyFilter(policy, objectGroups, zones.map((z) => z.name))
    cfg.filters.push(filter)
    cfg.filterBindings.push({kind: 'global', filter: filter.name, ref: policy.ref})
  }
  cfg.securityZones = zones
  cfg.accounts = {users, enable: []}
  cfg.management = mgmt.plane
  const coverage = rec.result()
  coverage.unrecognized.sort((a, b) => a.line - b.line)
  cfg.coverage = coverage
  return cfg
}
