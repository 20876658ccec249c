import type {PortRange} from '../../model/index.js'
import {withoutDescription} from './addresses.js'
import type {Resolved, ServiceSetDef, ServiceTerm, UsgContext} from './context.js'

const TCP = 6
const UDP = 17

/**
 * Predefined services used in `service NAME`. Only names whose ports are certain are listed;
 * any other name that is not a user-defined service-set makes the rule `unknown` (fail closed).
 */
export const PREDEFINED_SERVICES: Record<string, ServiceTerm[]> = {
  http: [{protocols: [TCP], dstPorts: [{from: 80, to: 80}]}],
  https: [{protocols: [TCP], dstPorts: [{from: 443, to: 443}]}],
  ftp: [{protocols: [TCP], dstPorts: [{from: 21, to: 21}]}],
  ssh: [{protocols: [TCP], dstPorts: [{from: 22, to: 22}]}],
  telnet: [{protocols: [TCP], dstPorts: [{from: 23, to: 23}]}],
  smtp: [{protocols: [TCP], dstPorts: [{from: 25, to: 25}]}],
  pop3: [{protocols: [TCP], dstPorts: [{from: 110, to: 110}]}],
  imap: [{protocols: [TCP], dstPorts: [{from: 143, to: 143}]}],
  dns: [
    {protocols: [TCP], dstPorts: [{from: 53, to: 53}]},
    {protocols: [UDP], dstPorts: [{from: 53, to: 53}]},
  ],
  tftp: [{protocols: [UDP], dstPorts: [{from: 69, to: 69}]}],
  ntp: [{protocols: [UDP], dstPorts: [{from: 123, to: 123}]}],
  snmp: [{protocols: [UDP], dstPorts: [{from: 161, to: 161}]}],
  snmptrap: [{protocols: [UDP], dstPorts: [{from: 162, to: 162}]}],
  syslog: [{protocols: [UDP], dstPorts: [{from: 514, to: 514}]}],
  bgp: [{protocols: [TCP], dstPorts: [{from: 179, to: 179}]}],
  ldap: [{protocols: [TCP], dstPorts: [{from: 389, to: 389}]}],
  rdp: [{protocols: [TCP], dstPorts: [{from: 3389, to: 3389}]}],
  sqlnet: [{protocols: [TCP], dstPorts: [{from: 1521, to: 1521}]}],
  l2tp: [{protocols: [UDP], dstPorts: [{from: 1701, to: 1701}]}],
  icmp: [{protocols: [1]}],
  icmpv6: [{protocols: [58]}],
  gre: [{protocols: [47]}],
  esp: [{protocols: [50]}],
  ah: [{protocols: [51]}],
  ospf: [{protocols: [89]}],
}

const PROTOCOLS: Record<string, number> = {tcp: TCP, udp: UDP, sctp: 132, icmp: 1, icmpv6: 58, gre: 47, esp: 50, ah: 51, ospf: 89}

const ICMP_TYPES: Record<string, number> = {
  'echo-reply': 0,
  unreachable: 3,
  'destination-unreachable': 3,
  'source-quench': 4,
  redirect: 5,
  echo: 8,
  'time-exceeded': 11,
  'parameter-problem': 12,
  timestamp: 13,
  'timestamp-request': 13,
  'timestamp-reply': 14,
  'information-request': 15,
  'information-reply': 16,
}

const KEYWORDS = new Set(['source-port', 'destination-port', 'icmp-type', 'icmpv6-type', 'description'])

/** `80 443 1000 to 2000` up to the next keyword. */
function portList(words: string[], start: number): {ranges: PortRange[]; next: number} | undefined {
  const ranges: PortRange[] = []
  let i = start
  while (i < words.length && !KEYWORDS.has((words[i] ?? '').toLowerCase())) {
    const from = Number(words[i])
    if (!/^\d+$/.test(words[i] ?? '') || from > 65535) return undefined
    let to = from
    if (words[i + 1]?.toLowerCase() === 'to') {
      to = Number(words[i + 2])
      if (!/^\d+$/.test(words[i + 2] ?? '') || to > 65535 || to < from) return undefined
      i += 3
    } else i++
    ranges.push({from, to})
  }
  return ranges.length > 0 ? {ranges, next: i} : undefined
}

/** `protocol P [source-port …] [destination-port …] [icmp-type T [C]]` → one term. */
export function protocolTerm(words: string[]): ServiceTerm | undefined {
  const w = withoutDescription(words)
  if (w[0]?.toLowerCase() !== 'protocol' || w[1] === undefined) return undefined
  const pname = w[1].toLowerCase()
  const proto = /^\d+$/.test(pname) ? Number(pname) : PROTOCOLS[pname]
  if (proto === undefined || proto > 255) return undefined
  const term: ServiceTerm = {protocols: [proto]}
  let i = 2
  while (i < w.length) {
    const k = (w[i] ?? '').toLowerCase()
    if ((k === 'source-port' || k === 'destination-port') && (proto === TCP || proto === UDP || proto === 132)) {
      const r = portList(w, i + 1)
      if (!r) return undefined
      const all = r.ranges.some((p) => p.from === 0 && p.to === 65535)
      if (!all) term[k === 'source-port' ? 'srcPorts' : 'dstPorts'] = r.ranges
      i = r.next
    } else if ((k === 'icmp-type' && proto === 1) || (k === 'icmpv6-type' && proto === 58)) {
      const t = w[i + 1] ?? ''
      const type = /^\d+$/.test(t) ? Number(t) : proto === 1 ? ICMP_TYPES[t.toLowerCase()] : undefined
      if (type === undefined || type > 255) return undefined
      const c = w[i + 2]
      if (c !== undefined && /^\d+$/.test(c)) {
        if (w[i + 3] !== undefined) return undefined
        term.icmpTypes = [{type, code: Number(c)}]
      } else {
        if (c !== undefined) return undefined
        term.icmpTypes = [{type}]
      }
      i = w.length
    } else return undefined
  }
  return term
}

/** Service names of a rule (`service http my-set`) → terms, through nested service-sets. */
export function resolveServices(ctx: UsgContext, names: string[], seen: Set<string> = new Set()): Resolved<ServiceTerm[]> {
  const value: ServiceTerm[] = []
  const refs = []
  for (const name of names) {
    const set = ctx.serviceSets.get(name)
    if (set) {
      if (seen.has(name)) return {ok: false, reason: `service-set ${name} contains itself`, refs}
      const r = resolveSet(ctx, set, new Set([...seen, name]))
      refs.push(...r.refs)
      if (!r.ok) return {ok: false, reason: r.reason, refs}
      value.push(...r.value)
      continue
    }
    const low = name.toLowerCase()
    if (low === 'any') {
      value.push({})
      continue
    }
    const pre = PREDEFINED_SERVICES[low]
    if (!pre) return {ok: false, reason: `service ${name} is neither defined nor a known predefined service`, refs}
    value.push(...pre)
  }
  return {ok: true, value, refs}
}

/** Members: `service [id] protocol …` or `service [id] service-set NAME`. */
function resolveSet(ctx: UsgContext, set: ServiceSetDef, seen: Set<string>): Resolved<ServiceTerm[]> {
  const value: ServiceTerm[] = []
  const refs = [set.ref]
  for (const member of set.members) {
    refs.push(ctx.rec.ref(member.node.line))
    let w = member.words
    if (w[0] !== undefined && /^\d+$/.test(w[0])) w = w.slice(1)
    if (w[0]?.toLowerCase() === 'service-set') {
      const r = resolveServices(ctx, withoutDescription(w.slice(1)), seen)
      refs.push(...r.refs)
      if (!r.ok) return {ok: false, reason: r.reason, refs}
      value.push(...r.value)
      continue
    }
    const term = protocolTerm(w)
    if (!term) return {ok: false, reason: `service-set ${set.name}: cannot read item "${member.words.join(' ')}"`, refs}
    value.push(term)
  }
  return {ok: true, value, refs}
}
