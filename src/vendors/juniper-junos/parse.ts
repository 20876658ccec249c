import {type DeviceConfig, emptyDeviceConfig} from '../../model/index.js'
import {CoverageRecorder} from '../common/coverage.js'
import {deviceLines, isPromptLine} from '../common/text.js'
import {type JunosContext, unrecognized} from './context.js'
import {buildFirewallFilters, firewallStatement} from './filters.js'
import {interfaceStatement, resolveSwitchPorts} from './interfaces.js'
import {routingStatement, vlanStatement} from './routes.js'
import {applicationStatement, buildSecurityPolicy, securityStatement} from './security.js'
import {parseStatements, type Statement} from './statements.js'
import {snmpStatement, systemStatement} from './system.js'

/** Top-level hierarchies that touch no control (documented allowlist): recognized, not modelled. */
const IRRELEVANT = new Set(['version', 'chassis', 'groups', 'apply-groups', 'protocols', 'class-of-service', 'event-options', 'forwarding-options', 'services', 'access', 'ethernet-switching-options', 'poe', 'switch-options', 'multi-chassis', 'virtual-chassis', 'bridge-domains', 'access-profile'])

type Handler = (ctx: JunosContext, st: Statement) => boolean

const HANDLERS: Record<string, Handler> = {
  system: systemStatement,
  interfaces: interfaceStatement,
  vlans: vlanStatement,
  'routing-options': routingStatement,
  firewall: firewallStatement,
  security: securityStatement,
  applications: applicationStatement,
  snmp: snmpStatement,
  'policy-options': policyOptions,
}

/** `policy-options prefix-list NAME PREFIX`; routing policies do not filter traffic. */
function policyOptions(ctx: JunosContext, st: Statement): boolean {
  const [, k, name, prefix] = st.words
  if (k === 'prefix-list' && name) {
    const list = ctx.prefixLists.get(name) ?? []
    if (prefix !== undefined) list.push({...st, words: [prefix]})
    ctx.prefixLists.set(name, list)
  }
  return true
}

function reasonFor(st: Statement, known: boolean): string {
  const w = st.words.join(' ')
  if (/^security nat\b/.test(w)) return 'NAT is not modelled: translated flows are not followed'
  if (/ filter (input|output)-list /.test(w)) return 'filter lists are not modelled'
  if (/^security policies .* then permit /.test(w)) return 'permit options are not modelled'
  return known ? 'unrecognized statement' : `hierarchy ${st.words[0] ?? ''} is not modelled`
}

/** Parse a Junos configuration, hierarchical (`show configuration`) or `display set`. */
export function parseJunosConfig(input: Uint8Array | string, file: string): DeviceConfig {
  const config = emptyDeviceConfig('juniper-junos', file)
  const rec = new CoverageRecorder(file)
  const ctx: JunosContext = {
    config,
    rec,
    interfaces: new Map(),
    vlanIds: new Map(),
    l3Interfaces: new Map(),
    vlanMembers: new Map(),
    filterTerms: new Map(),
    prefixLists: new Map(),
    addressBooks: new Map(),
    applications: new Map(),
    applicationSets: new Map(),
    policies: new Map(),
    rules: [],
    reported: new Set(),
    snmpCommunities: new Map(),
  }
  const lines = deviceLines(input).filter((l) => !isPromptLine(l.text))
  const {statements, significant, stray} = parseStatements(lines)
  for (const _ of significant) rec.count()
  for (const line of stray) unrecognized(ctx, {words: [], line, inactive: false}, 'not a set command')
  for (const st of statements) {
    if (st.inactive) continue
    const top = st.words[0] ?? ''
    const handler = HANDLERS[top]
    let ok: boolean
    try {
      ok = handler ? handler(ctx, st) : IRRELEVANT.has(top)
    } catch (err) {
      ok = false
      unrecognized(ctx, st, `parser error: ${err instanceof Error ? err.message : String(err)}`)
    }
    if (!ok && !st.container) unrecognized(ctx, st, reasonFor(st, handler !== undefined), st.words.slice(0, 3).join(' '))
  }
  for (const [vlan, irb] of ctx.l3Interfaces) {
    const id = ctx.vlanIds.get(vlan)
    const intf = ctx.interfaces.get(irb)
    if (intf && id !== undefined) intf.vlan = id
  }
  resolveSwitchPorts(ctx)
  config.interfaces = [...ctx.interfaces.values()]
  config.filters.push(...buildFirewallFilters(ctx))
  const policy = buildSecurityPolicy(ctx)
  if (policy) {
    config.filters.push(policy)
    config.filterBindings.push({kind: 'global', filter: policy.name, ref: policy.ref})
  }
  config.coverage = rec.result()
  return config
}
