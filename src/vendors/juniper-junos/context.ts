import type {DeviceConfig, FilterRule, Interface, SnmpCommunity, SourceRef} from '../../model/index.js'
import type {CoverageRecorder} from '../common/coverage.js'
import type {Statement} from './statements.js'

/** Statements grouped by the object they define, resolved once the whole file is read. */
export interface JunosContext {
  config: DeviceConfig
  rec: CoverageRecorder
  interfaces: Map<string, Interface>
  /** `vlans NAME vlan-id N`. */
  vlanIds: Map<string, number>
  /** `vlans NAME l3-interface irb.N`: the SVI routing that VLAN. */
  l3Interfaces: Map<string, string>
  /** Port → VLAN members as written (names, numbers, ranges), resolved after `vlans`. */
  vlanMembers: Map<string, {members: string[]; native?: number; refs: SourceRef[]}>
  /** `firewall family inet|inet6 filter NAME term T …` in order. */
  filterTerms: Map<string, {family: 4 | 6; ref: SourceRef; terms: Map<string, Statement[]>}>
  prefixLists: Map<string, Statement[]>
  /** Address book: key `global` or the zone name. */
  addressBooks: Map<string, Map<string, Statement[]>>
  applications: Map<string, Statement[]>
  applicationSets: Map<string, Statement[]>
  /** `security policies …` statements by policy key `from>to>name` or `global>name`. */
  policies: Map<string, {from?: string; to?: string; name: string; statements: Statement[]}>
  defaultPolicy?: {action: 'permit' | 'deny'; ref: SourceRef}
  /** Filters built from policies and terms, before pushing to the config. */
  rules: FilterRule[]
  /** Lines already reported, so a line carrying several statements is reported once. */
  reported: Set<number>
  snmpCommunities: Map<string, SnmpCommunity>
}

export function unrecognized(ctx: JunosContext, st: Statement, reason: string, context?: string): void {
  if (ctx.reported.has(st.line.no)) return
  ctx.reported.add(st.line.no)
  ctx.rec.unrecognized(st.line, reason, context)
}

export const ref = (ctx: JunosContext, st: Statement): SourceRef => ctx.rec.ref(st.line)

/** Append to a map of lists. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
