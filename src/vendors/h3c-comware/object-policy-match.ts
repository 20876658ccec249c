import type {AddressMatch, FilterRule, IpFamily, PacketMatch, SourceRef} from '../../model/index.js'
import {type ObjectGroup, resolveGroup, type ServiceTerm} from './object-policy-groups.js'

/** A rule condition as written: object groups by name, or literal addresses and services. */
export interface RuleConditions {
  srcGroups: string[]
  dstGroups: string[]
  serviceGroups: string[]
  src: AddressMatch[]
  dst: AddressMatch[]
  services: ServiceTerm[]
  /** A condition that depends on run-time state or is not modelled: the rule is undecided. */
  problem?: string
}

export function emptyConditions(): RuleConditions {
  return {srcGroups: [], dstGroups: [], serviceGroups: [], src: [], dst: [], services: []}
}

/**
 * Predefined service object groups every Comware 7 firewall carries, by their well-known port;
 * a group of the same name in the file takes precedence. Other names are undefined objects.
 */
const PREDEFINED: Record<string, ServiceTerm[]> = {
  http: [{protocols: [6], dstPorts: [{from: 80, to: 80}]}],
  https: [{protocols: [6], dstPorts: [{from: 443, to: 443}]}],
  ftp: [{protocols: [6], dstPorts: [{from: 21, to: 21}]}],
  ssh: [{protocols: [6], dstPorts: [{from: 22, to: 22}]}],
  telnet: [{protocols: [6], dstPorts: [{from: 23, to: 23}]}],
  smtp: [{protocols: [6], dstPorts: [{from: 25, to: 25}]}],
  ping: [{protocols: [1], icmpTypes: [{type: 8, code: 0}]}],
}

type Side = {ok: true; value: AddressMatch[] | ServiceTerm[]} | {ok: false; reason: string}

function side(groups: Map<string, ObjectGroup>, names: string[], literal: (AddressMatch | ServiceTerm)[], kind: ObjectGroup['kind'], refs: SourceRef[]): Side {
  const out: (AddressMatch | ServiceTerm)[] = [...literal]
  for (const name of names) {
    const predefined = kind === 'service' && !groups.has(name) ? PREDEFINED[name.toLowerCase()] : undefined
    if (predefined) {
      out.push(...predefined)
      continue
    }
    const r = resolveGroup(groups, name, kind)
    refs.push(...r.refs)
    if (!r.ok) return r
    out.push(...r.value)
  }
  return {ok: true, value: out as AddressMatch[] | ServiceTerm[]}
}

/**
 * Rules of one policy rule: one per service term (a service union mixing protocols and ports
 * cannot share one PacketMatch). An unresolvable condition gives one `unknown` rule matching
 * anything the rule might match (fail closed).
 */
export function conditionRules(base: Omit<FilterRule, 'match'>, c: RuleConditions, groups: Map<string, ObjectGroup>, family: IpFamily): FilterRule[] {
  const refs = [...(base.refs ?? [])]
  const src = side(groups, c.srcGroups, c.src, 'address', refs)
  const dst = side(groups, c.dstGroups, c.dst, 'address', refs)
  const svc = side(groups, c.serviceGroups, c.services, 'service', refs)
  const withRefs = (r: FilterRule): FilterRule => (refs.length > 0 ? {...r, refs} : r)
  const reason = c.problem ?? [src, dst, svc].flatMap((s) => (s.ok ? [] : [s.reason]))[0]
  if (reason !== undefined || !src.ok || !dst.ok || !svc.ok) {
    return [withRefs({...base, action: 'unknown', reason: reason ?? 'unreadable condition', match: {src: [{kind: 'any'}], dst: [{kind: 'any'}], family}})]
  }
  const addresses = (v: AddressMatch[], written: boolean): AddressMatch[] => (written ? v : [{kind: 'any'}])
  const match: PacketMatch = {
    src: addresses(src.value as AddressMatch[], c.srcGroups.length + c.src.length > 0),
    dst: addresses(dst.value as AddressMatch[], c.dstGroups.length + c.dst.length > 0),
    family,
  }
  const terms = c.serviceGroups.length + c.services.length > 0 ? (svc.value as ServiceTerm[]) : [{}]
  return terms.map((t, k) => withRefs({...base, id: terms.length > 1 ? `${base.id}/${k + 1}` : base.id, match: {...match, ...t}}))
}
