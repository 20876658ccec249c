import type {AddressMatch, IpFamily, PacketMatch, SourceRef} from '../../model/index.js'
import {networkOf, parseAddress, parsePrefix} from '../../net/address.js'
import {icmpMatch, portMatch} from './ports.js'
import type {BlockHandler, Statement} from './walker.js'

/** What a service member matches: protocol, ports, ICMP type (addresses come from the rule). */
export type ServiceTerm = Omit<PacketMatch, 'src' | 'dst'>

type Member<T> = {kind: 'item'; value: T} | {kind: 'group'; name: string} | {kind: 'unreadable'; reason: string}

/** `object-group ip|ipv6 address NAME` or `object-group service NAME` with its members in order. */
export interface ObjectGroup {
  kind: 'address' | 'service'
  name: string
  family?: IpFamily
  ref: SourceRef
  members: Member<AddressMatch | ServiceTerm>[]
}

export type Resolved<T> = {ok: true; value: T[]; refs: SourceRef[]} | {ok: false; reason: string; refs: SourceRef[]}

const PROTOCOLS: Record<string, number> = {tcp: 6, udp: 17, icmp: 1, icmpv6: 58, sctp: 132, gre: 47, esp: 50, ah: 51, ospf: 89}

/** Display output numbers members (`0 network …`); typed config does not. */
function withoutObjectId(words: string[]): string[] {
  return /^\d+$/.test(words[0] ?? '') ? words.slice(1) : words
}

function prefixOf(a: string, m: string | undefined): AddressMatch | undefined {
  const p = m !== undefined && /^\d{1,3}$/.test(m) ? parsePrefix(`${a}/${m}`) : parsePrefix(a, m)
  return p ? {kind: 'prefix', family: p.family, address: networkOf(p.address, p.length, p.family), length: p.length} : undefined
}

/** `network host address A`, `network subnet A M|LEN`, `network range A B`, `network group-object G`. */
function addressMember(w: string[]): Member<AddressMatch> {
  const low = w.map((x) => x.toLowerCase())
  if (low[0] !== 'network') return {kind: 'unreadable', reason: `unsupported address object "${w.join(' ')}"`}
  if (low[1] === 'group-object' && w[2] !== undefined && w.length === 3) return {kind: 'group', name: w[2]}
  if (low[1] === 'host' && low[2] === 'address' && w.length === 4) {
    const a = parseAddress(w[3] ?? '')
    if (a) return {kind: 'item', value: {kind: 'prefix', family: a.family, address: a.address, length: a.family === 4 ? 32 : 128}}
  }
  if (low[1] === 'subnet' && w.length === 4) {
    const p = prefixOf(w[2] ?? '', w[3])
    if (p) return {kind: 'item', value: p}
  }
  if (low[1] === 'range' && w.length === 4) {
    const a = parseAddress(w[2] ?? '')
    const b = parseAddress(w[3] ?? '')
    if (a && b && a.family === b.family) return {kind: 'item', value: {kind: 'range', family: a.family, first: a.address, last: b.address}}
  }
  // Host names resolve at run time; exclusions and wildcards carve holes a union cannot express.
  return {kind: 'unreadable', reason: `unsupported address object "${w.join(' ')}"`}
}

/** `service P [source OP…] [destination OP…]`, `service icmp T C`, `service N`, `service group-object G`. */
function serviceMember(w: string[]): Member<ServiceTerm> {
  const low = w.map((x) => x.toLowerCase())
  const bad: Member<ServiceTerm> = {kind: 'unreadable', reason: `unsupported service object "${w.join(' ')}"`}
  if (low[0] !== 'service' || w[1] === undefined) return bad
  if (low[1] === 'group-object' && w[2] !== undefined && w.length === 3) return {kind: 'group', name: w[2]}
  const p = PROTOCOLS[low[1] ?? ''] ?? (/^\d{1,3}$/.test(w[1]) && Number(w[1]) <= 255 ? Number(w[1]) : undefined)
  if (p === undefined) return bad
  const term: ServiceTerm = {protocols: [p]}
  let i = 2
  if ((p === 1 || p === 58) && i < w.length) {
    const icmp = icmpMatch(w.slice(i))
    if (!icmp) return bad
    term.icmpTypes = [icmp.icmp]
    i += icmp.used
  }
  while (i < w.length && (p === 6 || p === 17 || p === 132)) {
    const side = low[i]
    if (side !== 'source' && side !== 'destination') return bad
    const m = portMatch(w.slice(i + 1), p === 132 ? undefined : p)
    if (!m) return bad
    if (side === 'source') term.srcPorts = m.ranges
    else term.dstPorts = m.ranges
    i += 1 + m.used
  }
  return i === w.length ? {kind: 'item', value: term} : bad
}

/** `object-group ip address N`, `object-group ipv6 address N`, `object-group service N`; other kinds are left to the allowlist. */
export function openObjectGroup(s: Statement, ref: (s: Statement) => SourceRef, groups: Map<string, ObjectGroup>): BlockHandler | undefined {
  const low = s.words.map((x) => x.toLowerCase())
  const isAddress = (low[1] === 'ip' || low[1] === 'ipv6') && low[2] === 'address' && s.words.length === 4
  const isService = low[1] === 'service' && s.words.length === 3
  const name = isAddress ? s.words[3] : isService ? s.words[2] : undefined
  if (name === undefined) return undefined
  const group: ObjectGroup = {kind: isAddress ? 'address' : 'service', name, ref: ref(s), members: []}
  if (isAddress) group.family = low[1] === 'ipv6' ? 6 : 4
  groups.set(name, group)
  return {
    child: (c) => {
      const w = withoutObjectId(c.words)
      if (w[0]?.toLowerCase() === 'description') return true
      const m = group.kind === 'address' ? addressMember(w) : serviceMember(w)
      group.members.push(m)
      return m.kind !== 'unreadable'
    },
  }
}

/** Members of a group, nested groups flattened; fails on an undefined, cyclic or unreadable part. */
export function resolveGroup<T extends AddressMatch | ServiceTerm>(
  groups: Map<string, ObjectGroup>,
  name: string,
  kind: ObjectGroup['kind'],
  seen: string[] = [],
): Resolved<T> {
  const g = groups.get(name)
  if (!g || g.kind !== kind) return {ok: false, reason: `undefined object ${kind === 'address' ? 'address' : 'service'} group ${name}`, refs: []}
  if (seen.includes(name)) return {ok: false, reason: `object group ${name} contains itself`, refs: [g.ref]}
  const value: T[] = []
  const refs: SourceRef[] = [g.ref]
  for (const m of g.members) {
    if (m.kind === 'unreadable') return {ok: false, reason: m.reason, refs}
    if (m.kind === 'item') value.push(m.value as T)
    else {
      const nested = resolveGroup<T>(groups, m.name, kind, [...seen, name])
      refs.push(...nested.refs)
      if (!nested.ok) return {ok: false, reason: nested.reason, refs}
      value.push(...nested.value)
    }
  }
  return {ok: true, value, refs}
}
