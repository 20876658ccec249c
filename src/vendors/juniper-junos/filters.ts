import type {Filter, FilterRule} from '../../model/index.js'
import {and, ANY, type Condition, portComplement, singleton, toPacketMatch} from '../iptables/condition.js'
import {addressComplement} from '../iptables/condition.js'
import {type Intervals, intersect, normalize, prefixInterval} from '../iptables/ranges.js'
import {type JunosContext, ref, unrecognized} from './context.js'
import {ICMP_TYPES, portRange, protocolNumber} from './services.js'
import type {Statement} from './statements.js'

/** `firewall family inet filter N term T …` (and the older `firewall filter N`, which is inet). */
export function firewallStatement(ctx: JunosContext, st: Statement): boolean {
  const w = st.words
  let i = 1
  let family: 4 | 6 = 4
  if (w[1] === 'family') {
    if (w[2] !== 'inet' && w[2] !== 'inet6') return w.length === 3 && w[2] !== undefined
    family = w[2] === 'inet' ? 4 : 6
    i = 3
  }
  if (w[i] === undefined) return true
  if (w[i] !== 'filter' || w[i + 1] === undefined) return false
  const name = `${family === 4 ? 'inet' : 'inet6'} ${w[i + 1]}`
  let f = ctx.filterTerms.get(name)
  if (!f) {
    f = {family, ref: ref(ctx, st), terms: new Map()}
    ctx.filterTerms.set(name, f)
  }
  const rest = w.slice(i + 2)
  if (rest.length === 0) return true
  if (rest[0] === 'interface-specific') return true
  if (rest[0] !== 'term' || rest[1] === undefined) return false
  const terms = f.terms.get(rest[1]) ?? []
  terms.push({...st, words: rest.slice(2)})
  f.terms.set(rest[1], terms)
  return true
}

interface TermParse {
  cond: Condition
  /** `port`/`address` match either side: alternatives to split into disjoint terms. */
  either: {ports?: Intervals; addresses?: Intervals}
  action?: 'permit' | 'deny' | 'next'
  unknown: string[]
  empty: boolean
}

function addressSet(ctx: JunosContext, values: {text: string; except: boolean; list: boolean}[], family: 4 | 6, unknown: string[]): Intervals {
  let pos: Intervals = []
  let neg: Intervals = []
  for (const v of values) {
    const texts = v.list ? (ctx.prefixLists.get(v.text) ?? []).map((s) => s.words[0] ?? '') : [v.text]
    if (v.list && !ctx.prefixLists.has(v.text)) unknown.push(`prefix-list ${v.text} is not defined`)
    for (const t of texts) {
      const r = prefixInterval(t, family)
      if (!r) {
        if (!(v.list && t.includes(':') !== (family === 6))) unknown.push(`address ${t} is not understood`)
        continue
      }
      if (v.except) neg = normalize([...neg, r])
      else pos = normalize([...pos, r])
    }
  }
  // Junos picks the longest matching prefix: an `except` inside a wider prefix removes its addresses.
  return intersect(pos, addressComplement(neg, family))
}

function parseTerm(ctx: JunosContext, statements: Statement[], family: 4 | 6): TermParse {
  const t: TermParse = {cond: {...ANY, inexact: []}, either: {}, unknown: [], empty: false}
  const addresses = new Map<string, {text: string; except: boolean; list: boolean}[]>()
  const lists = new Map<string, string[]>()
  for (const st of statements) {
    const [part, key, value, extra] = st.words
    if (part === 'from' && key !== undefined) {
      if (['source-address', 'destination-address', 'address', 'source-prefix-list', 'destination-prefix-list', 'prefix-list'].includes(key) && value !== undefined) {
        const side = key.replace('-prefix-list', '').replace('prefix-list', 'address').replace('-address', '')
        const k = side === 'address' ? 'address' : side
        const list = addresses.get(k) ?? []
        list.push({text: value, except: extra === 'except', list: key.includes('prefix-list')})
        addresses.set(k, list)
      } else if (['protocol', 'next-header', 'source-port', 'destination-port', 'port', 'icmp-type', 'icmp6-type'].includes(key) && value !== undefined) {
        lists.set(key, [...(lists.get(key) ?? []), value])
      } else if (key === 'tcp-established' || key === 'tcp-initial') {
        const next = and(t.cond, {protocols: singleton(6), state: key === 'tcp-established' ? 'established' : 'new', inexact: []})
        if (next) t.cond = next
        else t.empty = true
      } else if (st.container && value === undefined) {
        // `source-address {` and the like: the values follow as their own statements.
      } else t.unknown.push(`match condition ${key} is not modelled`)
    } else if (part === 'then') {
      if (key === 'accept') t.action = 'permit'
      else if (key === 'discard' || key === 'reject') t.action = 'deny'
      else if (key === 'next' && value === 'term') t.action = 'next'
      // Counting, logging, policing and marking do not stop the term from accepting.
      else if (key === undefined || ['count', 'log', 'syslog', 'sample', 'port-mirror', 'policer', 'loss-priority', 'forwarding-class', 'dscp', 'three-color-policer'].includes(key)) continue
      else t.unknown.push(`action ${key} is not modelled`)
    } else if (part !== undefined && part !== 'from') t.unknown.push(`term statement ${part} is not understood`)
  }
  for (const [side, values] of addresses) {
    const before = t.unknown.length
    const set = addressSet(ctx, values, family, t.unknown)
    // Fail closed: an address not understood leaves that side unrestricted (the term is unknown anyway).
    if (t.unknown.length > before) continue
    if (side === 'address') t.either.addresses = set
    else {
      const next = and(t.cond, side === 'source' ? {src: set, inexact: []} : {dst: set, inexact: []})
      if (next) t.cond = next
      else t.empty = true
    }
  }
  for (const [key, values] of lists) {
    if (key === 'protocol' || key === 'next-header') {
      const nums = values.map(protocolNumber)
      if (nums.some((n) => n === undefined)) t.unknown.push(`protocol ${values.join(' ')} is not understood`)
      else restrict(t, {protocols: normalize(nums.map((n) => [BigInt(n as number), BigInt(n as number)]))})
    } else if (key === 'icmp-type' || key === 'icmp6-type') {
      const types = values.map((v) => (/^\d+$/.test(v) ? Number(v) : ICMP_TYPES[v]))
      if (types.some((x) => x === undefined || family === 6)) t.unknown.push(`icmp-type ${values.join(' ')} is not understood`)
      else restrict(t, {icmp: types.map((type) => ({type: type as number}))})
    } else {
      const ranges = values.map(portRange)
      if (ranges.some((r) => r === undefined)) {
        t.unknown.push(`port ${values.join(' ')} is not understood`)
        continue
      }
      const set = normalize(ranges.map((r) => [BigInt(r?.from ?? 0), BigInt(r?.to ?? 0)]))
      if (key === 'port') t.either.ports = set
      else restrict(t, key === 'source-port' ? {srcPorts: set} : {dstPorts: set})
    }
  }
  return t
}

function restrict(t: TermParse, extra: Partial<Condition>): void {
  const next = and(t.cond, {...extra, inexact: []})
  if (next) t.cond = next
  else t.empty = true
}

/** Disjoint conditions for `address` / `port`, which match either side. */
function split(t: TermParse, family: 4 | 6): Condition[] {
  let out: Condition[] = [t.cond]
  if (t.either.addresses) {
    const a = t.either.addresses
    out = out.flatMap((c) => [and(c, {src: a, inexact: []}), and(c, {src: addressComplement(a, family), dst: a, inexact: []})]).filter((c): c is Condition => c !== null)
  }
  if (t.either.ports) {
    const p = t.either.ports
    out = out.flatMap((c) => [and(c, {srcPorts: p, inexact: []}), and(c, {srcPorts: portComplement(p), dstPorts: p, inexact: []})]).filter((c): c is Condition => c !== null)
  }
  return out
}

/** Terms in order, first match; a term with no terminating action accepts; the filter ends in an implicit discard. */
export function buildFirewallFilters(ctx: JunosContext): Filter[] {
  const out: Filter[] = []
  for (const [name, f] of ctx.filterTerms) {
    const rules: FilterRule[] = []
    for (const [term, statements] of f.terms) {
      if (statements.every((s) => s.inactive)) continue
      const active = statements.filter((s) => !s.inactive)
      const t = parseTerm(ctx, active, f.family)
      const first = active[0] as Statement
      const termRef = ref(ctx, first)
      if (t.empty || t.action === 'next') continue
      const refs = active.slice(1).map((s) => ref(ctx, s))
      for (const c of split(t, f.family)) {
        const rule: FilterRule = {id: term, action: t.unknown.length > 0 ? 'unknown' : (t.action ?? 'permit'), match: toPacketMatch(c, f.family), ref: termRef}
        if (refs.length > 0) rule.refs = refs
        if (t.unknown.length > 0) rule.reason = t.unknown.join('; ')
        rules.push(rule)
      }
      // Report the statements that carry what was not understood (or the term's first line).
      if (t.unknown.length > 0) {
        const culprits = active.filter((s) => !s.container && s.words[1] !== undefined && t.unknown.some((u) => u.includes(` ${s.words[1] ?? ''} `) || u.includes(`${s.words[1] ?? ''} is`)))
        for (const s of culprits.length > 0 ? culprits : [first]) unrecognized(ctx, s, t.unknown.join('; '), `firewall filter ${name} term ${term}`)
      }
    }
    out.push({name, kind: 'acl', family: f.family, rules, defaultAction: 'deny', defaultRef: f.ref, stateful: false, ref: f.ref})
  }
  return out
}
