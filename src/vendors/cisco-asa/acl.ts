import type {AddressMatch, Filter, FilterRule, PacketMatch, SourceRef} from '../../model/index.js'
import {type AclLine, type AsaContext, ref, type Resolved, type ServiceTerm, unknown} from './context.js'
import {
  addressAndMask,
  hostMatch,
  isPortGroup,
  prefixMatch,
  resolveIcmpTypes,
  resolveNetwork,
  resolvePorts,
  resolveProtocols,
  resolveService,
} from './objects.js'
import {ICMP6_TYPES, ICMP_TYPES, PORT_OPERATORS, portOperator, portProtocols, protocolNumber} from './ports.js'

/** One access-control entry after reading: rules to emit, or nothing for remarks/inactive lines. */
interface Ace {
  action: 'permit' | 'deny'
  src?: AddressMatch[]
  dst?: AddressMatch[]
  terms: ServiceTerm[]
  family?: 4 | 6
  unknownReason?: string
  refs: SourceRef[]
}

const ANY4: AddressMatch = {kind: 'prefix', family: 4, address: '0.0.0.0', length: 0}
const ANY6: AddressMatch = {kind: 'prefix', family: 6, address: '::', length: 0}

/**
 * Filters for every ACL (kind `acl`, first match, implicit deny). Extended, `advanced` and
 * old-style (no keyword) entries are read; `standard` entries match the destination (ASA
 * standard ACLs identify destination networks); `remark` and `inactive` entries are skipped.
 */
export function buildAcls(ctx: AsaContext): Map<string, Filter> {
  const filters = new Map<string, Filter>()
  const positions = new Map<string, number>()
  for (const aclLine of ctx.aclLines) {
    const position = (positions.get(aclLine.acl) ?? 0) + 1
    positions.set(aclLine.acl, position)
    const line = {...aclLine, position}
    let filter = filters.get(line.acl)
    if (!filter) {
      filter = {name: line.acl, kind: 'acl', rules: [], defaultAction: 'deny', stateful: true, ref: ref(ctx, line.node)}
      filters.set(line.acl, filter)
    }
    filter.rules.push(...readEntry(ctx, line))
  }
  return filters
}

/** `line` is the ACE's position as `show access-list` numbers it (remarks included). */
function readEntry(ctx: AsaContext, line: AclLine & {position: number}): FilterRule[] {
  const w = line.words
  const type = (w[0] ?? '').toLowerCase()
  if (type === 'remark') return []
  if (type === 'ethertype' || type === 'webtype') {
    unknown(ctx, line.node, `${type} access lists are not modelled`)
    return []
  }
  const body = type === 'extended' || type === 'advanced' || type === 'standard' ? w.slice(1) : w
  const action = (body[0] ?? '').toLowerCase()
  if (action !== 'permit' && action !== 'deny') {
    unknown(ctx, line.node, 'unrecognized access-list entry')
    return []
  }
  if (body.some((x) => x.toLowerCase() === 'inactive')) return []
  const ace = type === 'standard' ? standardEntry(ctx, body, action) : extendedEntry(ctx, body, action)
  return toRules(ctx, line, ace)
}

function standardEntry(ctx: AsaContext, body: string[], action: 'permit' | 'deny'): Ace {
  const ace: Ace = {action, terms: [{}], refs: []}
  const a = readAddress(ctx, body, 1)
  if (!a.ok || a.next !== body.length) ace.unknownReason = a.ok ? `cannot read "${body.join(' ')}"` : a.reason
  else ace.dst = a.value
  return ace
}

/** `permit|deny PROTO SRC [SPORT] DST [DPORT|ICMP] [log …] [time-range N]`. */
function extendedEntry(ctx: AsaContext, body: string[], action: 'permit' | 'deny'): Ace {
  const ace: Ace = {action, terms: [], refs: []}
  const failAt = (reason: string): Ace => {
    ace.unknownReason ??= reason
    return ace
  }
  let i = 1
  // Protocol position: a keyword/number, an `object-group` (protocol or service), an `object` (service).
  let protocols: number[] | undefined
  let serviceTerms: ServiceTerm[] | undefined
  const p = (body[i] ?? '').toLowerCase()
  if ((p === 'object-group' || p === 'object') && body[i + 1]) {
    const name = body[i + 1] ?? ''
    const def = ctx.objects.get(name)
    const r: Resolved<ServiceTerm[]> =
      def?.kind === 'protocol'
        ? mapResolved(resolveProtocols(ctx, name), (ps) => [ps === undefined ? {} : {protocols: ps}])
        : resolveService(ctx, name)
    ace.refs.push(...r.refs)
    if (!r.ok) return failAt(r.reason)
    if (def?.kind === 'protocol') protocols = r.value[0]?.protocols
    else serviceTerms = r.value
    i += 2
  } else if (p === 'ip') i++
  else {
    const n = protocolNumber(p)
    if (n === undefined) return failAt(`unknown protocol "${body[i] ?? ''}"`)
    protocols = [n]
    i++
  }
  const ported = !serviceTerms && protocols !== undefined && protocols.every((x) => x === 6 || x === 17 || x === 132)
  const src = readAddress(ctx, body, i)
  ace.refs.push(...src.refs)
  if (!src.ok) return failAt(src.reason)
  ace.src = src.value
  i = src.next
  const srcPorts = ported ? readPorts(ctx, body, i, protocols) : undefined
  if (srcPorts && !srcPorts.ok) return failAt(srcPorts.reason)
  if (srcPorts?.ok) {
    ace.refs.push(...srcPorts.refs)
    i = srcPorts.value.next
  }
  const dst = readAddress(ctx, body, i)
  ace.refs.push(...dst.refs)
  if (!dst.ok) return failAt(dst.reason)
  ace.dst = dst.value
  i = dst.next
  const term: ServiceTerm = protocols ? {protocols} : {}
  if (srcPorts?.ok && srcPorts.value.ranges) term.srcPorts = srcPorts.value.ranges
  if (ported) {
    const dp = readPorts(ctx, body, i, protocols)
    if (!dp.ok) return failAt(dp.reason)
    ace.refs.push(...dp.refs)
    if (dp.value.ranges) term.dstPorts = dp.value.ranges
    i = dp.value.next
  } else if (protocols?.length === 1 && (protocols[0] === 1 || protocols[0] === 58)) {
    const ic = readIcmp(ctx, body, i, protocols[0])
    if (!ic.ok) return failAt(ic.reason)
    ace.refs.push(...ic.refs)
    if (ic.value.types) term.icmpTypes = ic.value.types
    i = ic.value.next
  }
  ace.terms = serviceTerms ?? [term]
  // Options that do not change the match; a time-range makes the entry depend on the clock.
  while (i < body.length) {
    const k = (body[i] ?? '').toLowerCase()
    if (k === 'log') {
      i++
      while (i < body.length && /^(\d+|disable|default|interval|emergencies|alerts|critical|errors|warnings|notifications|informational|debugging)$/i.test(body[i] ?? '')) i++
    } else if (k === 'time-range') return failAt(`time-range ${body[i + 1] ?? ''} makes the entry depend on the clock`)
    else return failAt(`cannot read "${body.slice(i).join(' ')}"`)
  }
  return ace
}

function mapResolved<A, B>(r: Resolved<A>, f: (a: A) => B): Resolved<B> {
  return r.ok ? {ok: true, value: f(r.value), refs: r.refs} : r
}

type Read<T> = Resolved<T> & {next: number}

/** `any | any4 | any6 | host A | A MASK | X::/LEN | object N | object-group N | interface IF`. */
function readAddress(ctx: AsaContext, w: string[], i: number): Read<AddressMatch[]> {
  const k = (w[i] ?? '').toLowerCase()
  const ok = (value: AddressMatch[], next: number, refs: SourceRef[] = []): Read<AddressMatch[]> => ({ok: true, value, refs, next})
  const bad = (reason: string, refs: SourceRef[] = []): Read<AddressMatch[]> => ({ok: false, reason, refs, next: i})
  // ASA 9.0+: `any` is IPv4 and IPv6, `any4`/`any6` one family.
  if (k === 'any') return ok([{kind: 'any'}], i + 1)
  if (k === 'any4') return ok([ANY4], i + 1)
  if (k === 'any6') return ok([ANY6], i + 1)
  if (k === 'host') {
    const m = hostMatch(ctx, w[i + 1] ?? '')
    return m ? ok([m], i + 2) : bad(`cannot read host "${w[i + 1] ?? ''}"`)
  }
  if (k === 'object' || k === 'object-group') {
    const r = resolveNetwork(ctx, w[i + 1] ?? '')
    return r.ok ? ok(r.value, i + 2, r.refs) : bad(r.reason, r.refs)
  }
  if (k === 'interface') {
    const nameif = w[i + 1] ?? ''
    const ai = ctx.interfaces.find((x) => x.nameif === nameif)
    const hosts = (ai?.iface.addresses ?? []).map((a) => prefixMatch(a.address, a.family === 4 ? 32 : 128)).filter((m) => m !== undefined)
    return hosts.length > 0 ? ok(hosts, i + 2) : bad(`interface ${nameif} has no static address`)
  }
  if (['user', 'user-group', 'object-group-user', 'security-group', 'object-group-security'].includes(k)) {
    return bad(`identity condition "${k}" is resolved at run time`)
  }
  if ((w[i] ?? '').includes(':')) {
    const m = addressAndMask(ctx, w[i] ?? '', undefined)
    return m ? ok([m], i + 1) : bad(`cannot read address "${w[i] ?? ''}"`)
  }
  const m = addressAndMask(ctx, w[i] ?? '', w[i + 1])
  return m ? ok([m], i + 2) : bad(`cannot read address "${w.slice(i, i + 2).join(' ')}"`)
}

/** Optional port condition: an operator, or `object-group` of a typed service group (not a network group). */
function readPorts(ctx: AsaContext, w: string[], i: number, protocols: number[] | undefined): Read<{ranges?: ServiceTerm['srcPorts']; next: number}> {
  const k = (w[i] ?? '').toLowerCase()
  if (PORT_OPERATORS.has(k)) {
    const r = portOperator(w, i, portProtocols(protocols))
    return r ? {ok: true, value: {ranges: r.ranges, next: r.next}, refs: [], next: r.next} : {ok: false, reason: `cannot read port "${w.slice(i, i + 3).join(' ')}"`, refs: [], next: i}
  }
  if (k === 'object-group' && isPortGroup(ctx, w[i + 1] ?? '')) {
    const r = resolvePorts(ctx, w[i + 1] ?? '')
    return r.ok ? {ok: true, value: {ranges: r.value, next: i + 2}, refs: r.refs, next: i + 2} : {...r, next: i}
  }
  return {ok: true, value: {next: i}, refs: [], next: i}
}

/** Optional `TYPE [CODE]` or `object-group ICMP-GROUP` after the destination of an icmp entry. */
function readIcmp(ctx: AsaContext, w: string[], i: number, proto: number): Read<{types?: {type: number; code?: number}[]; next: number}> {
  const k = (w[i] ?? '').toLowerCase()
  if (k === 'object-group') {
    const r = resolveIcmpTypes(ctx, w[i + 1] ?? '')
    return r.ok ? {ok: true, value: {types: r.value, next: i + 2}, refs: r.refs, next: i + 2} : {...r, next: i}
  }
  const table = proto === 1 ? ICMP_TYPES : ICMP6_TYPES
  const type = /^\d+$/.test(k) ? Number(k) : table[k]
  if (type === undefined) return {ok: true, value: {next: i}, refs: [], next: i}
  const code = w[i + 1]
  if (code !== undefined && /^\d+$/.test(code)) return {ok: true, value: {types: [{type, code: Number(code)}], next: i + 2}, refs: [], next: i + 2}
  return {ok: true, value: {types: [{type}], next: i + 1}, refs: [], next: i + 1}
}

/** One rule per service term (a union); an unreadable entry is one `unknown` rule matching anything. */
function toRules(ctx: AsaContext, line: AclLine & {position: number}, ace: Ace): FilterRule[] {
  const id = `${line.acl} line ${line.position}`
  const base = {id, ref: ref(ctx, line.node), ...(ace.refs.length > 0 ? {refs: dedupe(ace.refs)} : {})}
  if (ace.unknownReason !== undefined) {
    // Fail closed: addresses read before the problem stay, everything else matches anything.
    const match: PacketMatch = {src: ace.src ?? [{kind: 'any'}], dst: ace.dst ?? [{kind: 'any'}]}
    return [{...base, action: 'unknown', match, reason: ace.unknownReason}]
  }
  return ace.terms.map((t) => ({...base, action: ace.action, match: {src: ace.src ?? [{kind: 'any'}], dst: ace.dst ?? [{kind: 'any'}], ...t}}))
}

function dedupe(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<number>()
  return refs.filter((r) => !seen.has(r.line) && seen.add(r.line) !== undefined)
}
