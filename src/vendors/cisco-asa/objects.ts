import type {AddressMatch, PortRange, SourceRef} from '../../model/index.js'
import {isIPv4, maskToLength, networkOf, parseAddress, parsePrefix} from '../../net/address.js'
import {type AsaContext, type ObjectDef, type Resolved, type ServiceTerm, unknown} from './context.js'
import {ICMP6_TYPES, ICMP_TYPES, PORT_OPERATORS, portOperator, portProtocols, protocolNumber} from './ports.js'
import type {ConfigNode} from './tree.js'

type R<T> = Resolved<T>
const fail = <T>(reason: string, refs: SourceRef[]): R<T> => ({ok: false, reason, refs})

export function prefixMatch(address: string, length: number): AddressMatch | undefined {
  const p = parseAddress(address)
  if (!p || length > (p.family === 4 ? 32 : 128)) return undefined
  return {kind: 'prefix', family: p.family, address: networkOf(p.address, length, p.family), length}
}

/** `A MASK` (ASA masks are netmasks and must be contiguous), `X::/LEN`, or a `name` alias. */
export function addressAndMask(ctx: AsaContext, a: string, mask: string | undefined): AddressMatch | undefined {
  const addr = ctx.names.get(a) ?? a
  if (addr.includes(':')) {
    const p = parsePrefix(addr)
    return p ? prefixMatch(p.address, p.length) : undefined
  }
  if (mask === undefined || !isIPv4(addr) || !isIPv4(mask)) return undefined
  const len = maskToLength(mask)
  return len === undefined ? undefined : prefixMatch(addr, len)
}

export function hostMatch(ctx: AsaContext, a: string): AddressMatch | undefined {
  const p = parseAddress(ctx.names.get(a) ?? a)
  return p ? prefixMatch(p.address, p.family === 4 ? 32 : 128) : undefined
}

function rangeMatch(first: string, last: string): AddressMatch | undefined {
  const a = parseAddress(first)
  const b = parseAddress(last)
  return a && b && a.family === b.family ? {kind: 'range', family: a.family, first: a.address, last: b.address} : undefined
}

function lookup(ctx: AsaContext, name: string, kinds: ObjectDef['kind'][], seen: Set<string>): ObjectDef | string {
  const def = ctx.objects.get(name)
  if (!def) return `object ${name} is not defined`
  if (!kinds.includes(def.kind)) return `object ${name} is a ${def.kind} object`
  if (seen.has(name)) return `object-group ${name} contains itself`
  return def
}

/** `object network` / `object-group network` → addresses (an FQDN cannot be known from the config). */
export function resolveNetwork(ctx: AsaContext, name: string, seen: Set<string> = new Set()): R<AddressMatch[]> {
  const def = lookup(ctx, name, ['network'], seen)
  if (typeof def === 'string') return fail(def, [])
  const refs = [ctx.rec.ref(def.node.line)]
  const value: AddressMatch[] = []
  const inner = new Set([...seen, name])
  for (const m of def.members) {
    const w = m.words
    const k = (w[0] ?? '').toLowerCase()
    if (k === 'description') continue
    refs.push(ctx.rec.ref(m.line))
    let got: AddressMatch | undefined
    if (!def.group) {
      if (k === 'host' && w[1]) got = hostMatch(ctx, w[1])
      else if (k === 'subnet' && w[1]) got = addressAndMask(ctx, w[1], w[2])
      else if (k === 'range' && w[1] && w[2]) got = rangeMatch(w[1], w[2])
      else if (k === 'fqdn') return fail(`object ${name} is an FQDN, resolved only at run time`, refs)
      else if (k === 'nat') continue
    } else if (k === 'network-object' || k === 'group-object') {
      if (k === 'group-object' || w[1]?.toLowerCase() === 'object') {
        const r = resolveNetwork(ctx, (k === 'group-object' ? w[1] : w[2]) ?? '', inner)
        refs.push(...r.refs)
        if (!r.ok) return fail(r.reason, refs)
        value.push(...r.value)
        continue
      }
      if (w[1]?.toLowerCase() === 'host' && w[2]) got = hostMatch(ctx, w[2])
      else if (w[1]) got = addressAndMask(ctx, w[1], w[2])
    }
    if (!got) return fail(`object ${name}: cannot read "${w.join(' ')}"`, refs)
    value.push(got)
  }
  return {ok: true, value, refs}
}

/** `object-group protocol` → protocol numbers (`ip` = any). */
export function resolveProtocols(ctx: AsaContext, name: string, seen: Set<string> = new Set()): R<number[] | undefined> {
  const def = lookup(ctx, name, ['protocol'], seen)
  if (typeof def === 'string') return fail(def, [])
  const refs = [ctx.rec.ref(def.node.line)]
  const value: number[] = []
  for (const m of def.members) {
    const [k, arg] = m.words.map((x) => x.toLowerCase())
    if (k === 'description') continue
    refs.push(ctx.rec.ref(m.line))
    if (k === 'protocol-object' && arg === 'ip') return {ok: true, value: undefined, refs}
    if (k === 'protocol-object' && arg && protocolNumber(arg) !== undefined) value.push(protocolNumber(arg) ?? 0)
    else if (k === 'group-object' && m.words[1]) {
      const r = resolveProtocols(ctx, m.words[1], new Set([...seen, name]))
      refs.push(...r.refs)
      if (!r.ok) return fail(r.reason, refs)
      if (r.value === undefined) return {ok: true, value: undefined, refs}
      value.push(...r.value)
    } else return fail(`object-group ${name}: cannot read "${m.words.join(' ')}"`, refs)
  }
  return {ok: true, value, refs}
}

/** `object-group icmp-type` → ICMP types. */
export function resolveIcmpTypes(ctx: AsaContext, name: string, seen: Set<string> = new Set()): R<{type: number}[]> {
  const def = lookup(ctx, name, ['icmp-type'], seen)
  if (typeof def === 'string') return fail(def, [])
  const refs = [ctx.rec.ref(def.node.line)]
  const value: {type: number}[] = []
  for (const m of def.members) {
    const [k, arg] = m.words.map((x) => x.toLowerCase())
    if (k === 'description') continue
    refs.push(ctx.rec.ref(m.line))
    const t = arg === undefined ? undefined : /^\d+$/.test(arg) ? Number(arg) : ICMP_TYPES[arg]
    if (k === 'icmp-object' && t !== undefined) value.push({type: t})
    else if (k === 'group-object' && m.words[1]) {
      const r = resolveIcmpTypes(ctx, m.words[1], new Set([...seen, name]))
      refs.push(...r.refs)
      if (!r.ok) return fail(r.reason, refs)
      value.push(...r.value)
    } else return fail(`object-group ${name}: cannot read "${m.words.join(' ')}"`, refs)
  }
  return {ok: true, value, refs}
}

/** Is this a typed service group (`object-group service N tcp|udp|tcp-udp`) usable as a port list? */
export function isPortGroup(ctx: AsaContext, name: string): boolean {
  const def = ctx.objects.get(name)
  return def?.kind === 'service' && def.group && def.serviceType !== undefined
}

/** Typed service group → port ranges (`port-object eq|range`, nested `group-object`). */
export function resolvePorts(ctx: AsaContext, name: string, seen: Set<string> = new Set()): R<PortRange[]> {
  const def = lookup(ctx, name, ['service'], seen)
  if (typeof def === 'string') return fail(def, [])
  const refs = [ctx.rec.ref(def.node.line)]
  const protocols = typedProtocols(def.serviceType)
  const value: PortRange[] = []
  for (const m of def.members) {
    const k = (m.words[0] ?? '').toLowerCase()
    if (k === 'description') continue
    refs.push(ctx.rec.ref(m.line))
    if (k === 'port-object') {
      const r = portOperator(m.words, 1, portProtocols(protocols))
      if (!r || r.next !== m.words.length) return fail(`object-group ${name}: cannot read "${m.words.join(' ')}"`, refs)
      value.push(...r.ranges)
    } else if (k === 'group-object' && m.words[1]) {
      const r = resolvePorts(ctx, m.words[1], new Set([...seen, name]))
      refs.push(...r.refs)
      if (!r.ok) return fail(r.reason, refs)
      value.push(...r.value)
    } else return fail(`object-group ${name}: cannot read "${m.words.join(' ')}"`, refs)
  }
  return {ok: true, value, refs}
}

function typedProtocols(type: string | undefined): number[] | undefined {
  if (type === 'tcp') return [6]
  if (type === 'udp') return [17]
  if (type === 'tcp-udp') return [6, 17]
  return undefined
}

/** `object service` / `object-group service` → service terms (used where an ACE names its protocol). */
export function resolveService(ctx: AsaContext, name: string, seen: Set<string> = new Set()): R<ServiceTerm[]> {
  const def = lookup(ctx, name, ['service'], seen)
  if (typeof def === 'string') return fail(def, [])
  if (def.group && def.serviceType !== undefined) {
    // A typed port group in protocol position: its protocol(s) on the listed destination ports.
    const r = resolvePorts(ctx, name, seen)
    return r.ok ? {ok: true, value: [{protocols: typedProtocols(def.serviceType) ?? [], dstPorts: r.value}], refs: r.refs} : r
  }
  const refs = [ctx.rec.ref(def.node.line)]
  const value: ServiceTerm[] = []
  const inner = new Set([...seen, name])
  for (const m of def.members) {
    const w = m.words
    const k = (w[0] ?? '').toLowerCase()
    if (k === 'description') continue
    refs.push(ctx.rec.ref(m.line))
    if (k === 'group-object' || (k === 'service-object' && w[1]?.toLowerCase() === 'object')) {
      const r = resolveService(ctx, (k === 'group-object' ? w[1] : w[2]) ?? '', inner)
      refs.push(...r.refs)
      if (!r.ok) return fail(r.reason, refs)
      value.push(...r.value)
      continue
    }
    const term = (k === 'service' && !def.group) || (k === 'service-object' && def.group) ? serviceSpec(w.slice(1)) : undefined
    if (!term) return fail(`object ${name}: cannot read "${w.join(' ')}"`, refs)
    value.push(term)
  }
  return {ok: true, value, refs}
}

/**
 * `PROTO [source OP P] [destination OP P]`, `tcp eq P` (old form: destination), `icmp [TYPE [CODE]]`,
 * `tcp-udp …`, a protocol number.
 */
export function serviceSpec(w: string[]): ServiceTerm | undefined {
  const p = (w[0] ?? '').toLowerCase()
  const protocols = p === 'tcp-udp' ? [6, 17] : p === 'ip' ? undefined : protocolNumber(p) !== undefined ? [protocolNumber(p) ?? 0] : null
  if (protocols === null) return undefined
  const term: ServiceTerm = protocols ? {protocols} : {}
  if (p === 'icmp' || p === 'icmp6') {
    if (w.length === 1) return term
    const table = p === 'icmp' ? ICMP_TYPES : ICMP6_TYPES
    const t = w[1] ?? ''
    const type = /^\d+$/.test(t) ? Number(t) : table[t.toLowerCase()]
    if (type === undefined || w.length > 3) return undefined
    const code = w[2]
    if (code !== undefined && !/^\d+$/.test(code)) return undefined
    term.icmpTypes = [code === undefined ? {type} : {type, code: Number(code)}]
    return term
  }
  const ported = protocols?.every((x) => x === 6 || x === 17 || x === 132) === true
  let i = 1
  while (i < w.length) {
    const k = (w[i] ?? '').toLowerCase()
    const side = k === 'source' ? 'srcPorts' : k === 'destination' ? 'dstPorts' : PORT_OPERATORS.has(k) ? 'dstPorts' : undefined
    if (!side || !ported) return undefined
    const r = portOperator(w, k === 'source' || k === 'destination' ? i + 1 : i, portProtocols(protocols))
    if (!r) return undefined
    term[side] = r.ranges
    i = r.next
  }
  return term
}

/** Members of `object`/`object-group` views are kept as written; resolution happens per ACE. */
export function collectObject(ctx: AsaContext, node: ConfigNode): ObjectDef | undefined {
  const group = (node.words[0] ?? '').toLowerCase() === 'object-group'
  const type = (node.words[1] ?? '').toLowerCase()
  const name = node.words[2]
  if (!name) return undefined
  const kind: ObjectDef['kind'] = type === 'network' || type === 'service' || type === 'protocol' || type === 'icmp-type' ? type : 'other'
  const def: ObjectDef = {name, group, kind, node, members: node.children}
  const st = node.words[3]?.toLowerCase()
  if (group && kind === 'service' && (st === 'tcp' || st === 'udp' || st === 'tcp-udp')) def.serviceType = st
  ctx.objects.set(name, def)
  const allowed = MEMBERS[group ? `group ${kind}` : kind] ?? []
  for (const m of node.children) {
    const k = (m.words[0] ?? '').toLowerCase()
    if (k === 'nat') {
      // Dynamic (source) NAT never widens reach; static NAT publishes a host on a mapped address.
      if (m.words.some((x) => x.toLowerCase() === 'static')) unknown(ctx, m, 'static NAT is not modelled', node)
    } else if (k !== 'description' && !allowed.includes(k)) unknown(ctx, m, `unrecognized ${group ? 'object-group' : 'object'} member`, node)
    for (const d of m.children) unknown(ctx, d, 'unexpected nested command', node)
  }
  return def
}

const MEMBERS: Record<string, string[]> = {
  network: ['host', 'subnet', 'range', 'fqdn'],
  service: ['service'],
  'group network': ['network-object', 'group-object'],
  'group service': ['service-object', 'port-object', 'group-object'],
  'group protocol': ['protocol-object', 'group-object'],
  'group icmp-type': ['icmp-object', 'group-object'],
}
