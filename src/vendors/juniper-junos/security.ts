import type {AddressMatch, Filter, FilterRule, PacketMatch, SourceRef} from '../../model/index.js'
import {parseAddress, parsePrefix} from '../../net/address.js'
import {type JunosContext, push, ref, unrecognized} from './context.js'
import {ensureInterface} from './interfaces.js'
import {type AppTerm, ICMP_TYPES, PREDEFINED, portRange, protocolNumber} from './services.js'
import type {Statement} from './statements.js'

const tail = (st: Statement, n: number): Statement => ({...st, words: st.words.slice(n)})

function book(ctx: JunosContext, name: string): Map<string, Statement[]> {
  let b = ctx.addressBooks.get(name)
  if (!b) {
    b = new Map()
    ctx.addressBooks.set(name, b)
  }
  return b
}

/** `security …`: zones, address books, policies. */
export function securityStatement(ctx: JunosContext, st: Statement): boolean {
  const w = st.words
  if (w.length === 1) return true
  if (w[1] === 'zones') return zoneStatement(ctx, st)
  if (w[1] === 'address-book' && w[2] === undefined) return true
  if (w[1] === 'address-book' && w[2] !== undefined) {
    if (w[3] === 'attach' && w[4] === 'zone' && w[5]) {
      // A named book attached to a zone resolves names for that zone.
      const named = book(ctx, `book ${w[2]}`)
      for (const [k, v] of named) for (const s of v) push(book(ctx, w[5]), k, s)
      ctx.addressBooks.set(`book ${w[2]}`, book(ctx, w[5]))
      return true
    }
    const target = w[2] === 'global' ? 'global' : `book ${w[2]}`
    return addressBookEntry(book(ctx, target), tail(st, 3))
  }
  if (w[1] === 'policies') return policyStatement(ctx, st)
  // NAT is not modelled: it falls through to the unrecognized report.
  return ['screen', 'flow', 'alg', 'log', 'ike', 'ipsec', 'application-tracking', 'utm', 'idp', 'pki', 'ssh-known-hosts'].includes(w[1] ?? '')
}

/** `address NAME PREFIX`, `address NAME range-address A to B`, `address-set S address N`. */
function addressBookEntry(b: Map<string, Statement[]>, st: Statement): boolean {
  const [kind, name] = st.words
  if (kind === undefined) return true
  if ((kind === 'address' || kind === 'address-set') && name !== undefined) {
    if (st.words.length === 2) return true
    if (st.words[2] === 'description') return true
    push(b, name, st)
    return true
  }
  return false
}

function zoneStatement(ctx: JunosContext, st: Statement): boolean {
  const w = st.words
  if (w.length === 2) return true
  if (w[2] === 'functional-zone') return true
  if (w[2] !== 'security-zone' || w[3] === undefined) return false
  const name = w[3]
  let zone = ctx.config.securityZones.find((z) => z.name === name)
  if (!zone) {
    zone = {name, interfaces: [], ref: ref(ctx, st)}
    ctx.config.securityZones.push(zone)
  }
  const rest = w.slice(4)
  if (rest.length === 0) return true
  if (rest[0] === 'interfaces' && rest[1] !== undefined) {
    if (!zone.interfaces.includes(rest[1])) zone.interfaces.push(rest[1])
    ensureInterface(ctx, rest[1], st)
    // host-inbound-traffic under an interface governs traffic to the device itself.
    return true
  }
  if (rest[0] === 'address-book') return addressBookEntry(book(ctx, name), tail(st, 5))
  return ['host-inbound-traffic', 'screen', 'description', 'tcp-rst', 'application-tracking'].includes(rest[0] ?? '')
}

function policyStatement(ctx: JunosContext, st: Statement): boolean {
  const w = st.words
  if (w.length === 2) return true
  if (w[2] === 'default-policy') {
    if (w[3] === 'permit-all' || w[3] === 'deny-all') ctx.defaultPolicy = {action: w[3] === 'permit-all' ? 'permit' : 'deny', ref: ref(ctx, st)}
    return w[3] === undefined || w[3] === 'permit-all' || w[3] === 'deny-all'
  }
  if (w[2] === 'from-zone' && w[3] && w[4] === 'to-zone' && w[5]) {
    if (w[6] === undefined) return true
    if (w[6] !== 'policy' || !w[7]) return false
    const key = `${w[3]}>${w[5]}>${w[7]}`
    const p = ctx.policies.get(key) ?? {from: w[3], to: w[5], name: w[7], statements: []}
    p.statements.push(tail(st, 8))
    ctx.policies.set(key, p)
    return true
  }
  if (w[2] === 'global') {
    if (w[3] === undefined) return true
    if (w[3] !== 'policy' || !w[4]) return false
    const key = `global>${w[4]}`
    const p = ctx.policies.get(key) ?? {name: w[4], statements: []}
    p.statements.push(tail(st, 5))
    ctx.policies.set(key, p)
    return true
  }
  return ['policy-rematch', 'pre-id-default-policy', 'stateful-firewall-rule'].includes(w[2] ?? '')
}

/** `applications application X …` and `application-set`. */
export function applicationStatement(ctx: JunosContext, st: Statement): boolean {
  const [, kind, name] = st.words
  if (kind === undefined) return true
  if ((kind === 'application' || kind === 'application-set') && name !== undefined) {
    push(kind === 'application' ? ctx.applications : ctx.applicationSets, name, tail(st, 3))
    return true
  }
  return false
}

interface Resolved<T> {
  values: T[]
  unknown: string[]
}

function resolveAddress(ctx: JunosContext, zone: string | undefined, name: string, depth = 0): Resolved<AddressMatch> {
  if (name === 'any') return {values: [{kind: 'any'}], unknown: []}
  if (name === 'any-ipv4') return {values: [{kind: 'prefix', family: 4, address: '0.0.0.0', length: 0}], unknown: []}
  if (name === 'any-ipv6') return {values: [{kind: 'prefix', family: 6, address: '::', length: 0}], unknown: []}
  const entries = (zone !== undefined ? ctx.addressBooks.get(zone)?.get(name) : undefined) ?? ctx.addressBooks.get('global')?.get(name)
  if (!entries || depth > 16) return {values: [], unknown: [`address ${name} is not defined`]}
  const out: Resolved<AddressMatch> = {values: [], unknown: []}
  for (const e of entries) {
    const [kind, , a, b, c, d] = e.words
    if (kind === 'address') {
      const p = a !== undefined ? parsePrefix(a.includes('/') ? a : `${a}/${a.includes(':') ? 128 : 32}`) : undefined
      if (p) out.values.push({kind: 'prefix', family: p.family, address: p.address, length: p.length})
      else if (a === 'range-address' && b && c === 'to' && d) {
        const lo = parseAddress(b)
        const hi = parseAddress(d)
        if (lo && hi && lo.family === hi.family) out.values.push({kind: 'range', family: lo.family, first: lo.address, last: hi.address})
        else out.unknown.push(`address ${name}: range ${b} to ${d} is not understood`)
      } else out.unknown.push(`address ${name} (${a ?? ''}) is not modelled (DNS names and wildcards are resolved on the device)`)
    } else if (kind === 'address-set' && (a === 'address' || a === 'address-set') && b) {
      const r = resolveAddress(ctx, zone, b, depth + 1)
      out.values.push(...r.values)
      out.unknown.push(...r.unknown)
    }
  }
  return out
}

function resolveApplication(ctx: JunosContext, name: string, depth = 0): Resolved<AppTerm | 'any'> {
  if (name === 'any') return {values: ['any'], unknown: []}
  const predefined = PREDEFINED[name]
  if (predefined) return {values: predefined, unknown: []}
  const set = ctx.applicationSets.get(name)
  if (set && depth < 16) {
    const out: Resolved<AppTerm | 'any'> = {values: [], unknown: []}
    for (const s of set) {
      const [k, v] = s.words
      if ((k === 'application' || k === 'application-set') && v) {
        const r = resolveApplication(ctx, v, depth + 1)
        out.values.push(...r.values)
        out.unknown.push(...r.unknown)
      }
    }
    return out
  }
  const app = ctx.applications.get(name)
  if (!app) return {values: [], unknown: [`application ${name} is not defined${name.startsWith('junos-') ? ' in the predefined table segaudit knows' : ''}`]}
  // Statements either at the top (one term) or under `term T`.
  const terms = new Map<string, string[][]>()
  for (const s of app) {
    const [k, t, ...rest] = s.words
    if (k === 'term' && t) terms.set(t, [...(terms.get(t) ?? []), rest])
    else if (k) terms.set('', [...(terms.get('') ?? []), s.words])
  }
  const out: Resolved<AppTerm> = {values: [], unknown: []}
  for (const statements of terms.values()) {
    const term: AppTerm = {}
    for (const [k, v] of statements) {
      if (v === undefined) continue
      if (k === 'protocol') {
        const n = protocolNumber(v)
        if (n === undefined) out.unknown.push(`application ${name}: protocol ${v}`)
        else term.protocol = n
      } else if (k === 'destination-port' || k === 'source-port') {
        const r = portRange(v)
        if (!r) out.unknown.push(`application ${name}: port ${v}`)
        else if (k === 'destination-port') term.dstPorts = [r]
        else term.srcPorts = [r]
      } else if (k === 'icmp-type') {
        const n = /^\d+$/.test(v) ? Number(v) : ICMP_TYPES[v]
        if (n === undefined) out.unknown.push(`application ${name}: icmp-type ${v}`)
        else term.icmpType = n
      } else if (!['description', 'inactivity-timeout', 'application-protocol', 'alg'].includes(k ?? '')) out.unknown.push(`application ${name}: ${k} is not modelled`)
    }
    out.values.push(term)
  }
  return out
}

function appMatch(base: PacketMatch, app: AppTerm | 'any'): PacketMatch {
  if (app === 'any') return base
  const m: PacketMatch = {...base}
  if (app.protocol !== undefined) m.protocols = [app.protocol]
  if (app.dstPorts) m.dstPorts = app.dstPorts
  if (app.srcPorts) m.srcPorts = app.srcPorts
  if (app.icmpType !== undefined) m.icmpTypes = [{type: app.icmpType}]
  return m
}

/**
 * One stateful filter for the device: zone-pair policies in order, then global policies (Junos
 * tries them after the pair's own), then `default-policy` (deny-all unless set).
 */
export function buildSecurityPolicy(ctx: JunosContext): Filter | undefined {
  if (ctx.policies.size === 0 && ctx.config.securityZones.length === 0) return undefined
  const rules: FilterRule[] = []
  const ordered = [...ctx.policies.values()].sort((a, b) => Number(a.from === undefined) - Number(b.from === undefined))
  let first: SourceRef | undefined
  for (const p of ordered) {
    const active = p.statements.filter((s) => !s.inactive)
    if (active.length === 0) continue
    const pref = ref(ctx, active[0] as Statement)
    first ??= pref
    const src: string[] = []
    const dst: string[] = []
    const apps: string[] = []
    const fromZones: string[] = []
    const toZones: string[] = []
    let action: FilterRule['action'] | undefined
    const unknown: string[] = []
    for (const s of active) {
      const [k, m, v] = s.words
      if (k === 'match' && v !== undefined) {
        if (m === 'source-address') src.push(v)
        else if (m === 'destination-address') dst.push(v)
        else if (m === 'application') apps.push(v)
        else if (m === 'from-zone') fromZones.push(v)
        else if (m === 'to-zone') toZones.push(v)
        else if (m !== 'source-identity' || v !== 'any') unknown.push(`match ${m} is not modelled`)
      } else if (k === 'then' && m !== undefined) {
        if (m === 'permit') action = 'permit'
        else if (m === 'deny' || m === 'reject') action = 'deny'
        else if (!['log', 'count'].includes(m)) unknown.push(`then ${m} is not modelled`)
      } else if (k === 'match' || k === 'then' || k === 'description' || k === undefined) continue
      else unknown.push(`${k} is not modelled`)
    }
    const srcZone = p.from ?? fromZones[0]
    const dstZone = p.to ?? toZones[0]
    const s = src.map((n) => resolveAddress(ctx, srcZone, n))
    const d = dst.map((n) => resolveAddress(ctx, dstZone, n))
    const a = (apps.length > 0 ? apps : ['any']).map((n) => resolveApplication(ctx, n))
    for (const r of [...s, ...d, ...a]) unknown.push(...r.unknown)
    if (action === undefined) unknown.push('the policy has no then action')
    // Fail closed: a side that cannot be resolved matches anything, so the unknown rule covers every packet it might.
    const side = (rs: Resolved<AddressMatch>[], names: string[]): AddressMatch[] =>
      names.length === 0 || rs.some((r) => r.unknown.length > 0) ? [{kind: 'any'}] : rs.flatMap((r) => r.values)
    const base: PacketMatch = {src: side(s, src), dst: side(d, dst)}
    const appTerms = a.some((r) => r.unknown.length > 0) ? ['any' as const] : a.flatMap((r) => r.values)
    for (const term of appTerms.length > 0 ? appTerms : ['any' as const]) {
      const rule: FilterRule = {id: p.name, action: unknown.length > 0 ? 'unknown' : (action ?? 'unknown'), match: appMatch(base, term), ref: pref}
      if (unknown.length > 0) rule.reason = [...new Set(unknown)].join('; ')
      const from = p.from !== undefined ? [p.from] : fromZones
      const to = p.to !== undefined ? [p.to] : toZones
      if (from.length > 0) rule.fromZones = from
      if (to.length > 0) rule.toZones = to
      if (active.length > 1) rule.refs = active.slice(1).map((x) => ref(ctx, x))
      rules.push(rule)
    }
    if (unknown.length > 0) unrecognized(ctx, active[0] as Statement, [...new Set(unknown)].join('; '), `security policy ${p.name}`)
  }
  const def = ctx.defaultPolicy
  const anchor = def?.ref ?? first ?? ctx.config.securityZones[0]?.ref ?? {file: ctx.config.file, line: 1}
  const filter: Filter = {name: 'security-policy', kind: 'security-policy', rules, defaultAction: def?.action ?? 'deny', stateful: true, ref: anchor}
  if (def) filter.defaultRef = def.ref
  return filter
}
