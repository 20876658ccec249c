import type {AddressMatch, Filter, ManagementLine} from '../model/index.js'
import {ipv4ToInt, isIPv4, parsePrefix, prefixContains, wildcardToLength} from '../net/address.js'
import type {ModelDevice} from '../network/types.js'

type Prefix = NonNullable<ReturnType<typeof parsePrefix>>

/** How far a login line's ACL lets sources in. */
export type AclVerdict =
  | {kind: 'restricted'}
  | {kind: 'none'}
  | {kind: 'undefined-acl'; name: string}
  | {kind: 'too-open'; filter: Filter; why: string; ref?: Filter['ref']}
  | {kind: 'unknown'; filter: Filter; why: string; ref?: Filter['ref']}

/** The filter guarding a VTY line: a management binding for it (or for the SSH server), else its `accessAcl`. */
export function lineFilter(d: ModelDevice, line: ManagementLine): {name?: string; filter?: Filter} {
  const cfg = d.config
  if (!cfg) return {}
  const bindings = cfg.filterBindings.flatMap((b) => (b.kind === 'management' ? [b] : []))
  const bound = bindings.find((b) => b.line === line.name || b.line === `line ${line.name}` || b.line === `user-interface ${line.name}`) ?? bindings.find((b) => b.line === 'ssh')
  const name = bound?.filter ?? line.accessAcl
  if (!name) return {}
  const filter = cfg.filters.find((f) => f.name === name) ?? (line.accessAcl ? cfg.filters.find((f) => f.name === line.accessAcl) : undefined)
  return {name, ...(filter ? {filter} : {})}
}

function asPrefix(m: AddressMatch): Prefix | 'any' | undefined {
  if (m.kind === 'any') return 'any'
  if (m.kind === 'prefix') return {address: m.address, length: m.length, family: m.family}
  if (m.kind === 'wildcard') {
    const len = wildcardToLength(m.wildcard)
    if (len === undefined || !isIPv4(m.address)) return undefined
    const net = (ipv4ToInt(m.address) & (len === 0 ? 0 : (~0 << (32 - len)) >>> 0)) >>> 0
    return parsePrefix(`${[24, 16, 8, 0].map((s) => (net >>> s) & 255).join('.')}/${len}`)
  }
  if (m.kind === 'range') {
    const a = parsePrefix(`${m.first}/${m.family === 4 ? 32 : 128}`)
    return a && m.first === m.last ? a : undefined
  }
  return undefined
}

/** Judge a filter: every permitted source lies inside `allowed`; a deny-any (or default deny) ends it. */
export function judgeAcl(filter: Filter, allowed: Prefix[]): AclVerdict {
  for (const r of filter.rules) {
    if (r.action === 'unknown') return {kind: 'unknown', filter, why: r.reason ?? 'rule not understood', ref: r.ref}
    const srcs = r.match.src.map(asPrefix)
    if (r.action === 'deny') {
      const all = !r.match.srcNegate && srcs.includes('any') && !r.match.protocols && !r.match.dstPorts && !r.match.state
      if (all) return {kind: 'restricted'}
      continue
    }
    if (r.match.srcNegate) return {kind: 'unknown', filter, why: 'negated source', ref: r.ref}
    for (const s of srcs) {
      if (s === undefined) return {kind: 'unknown', filter, why: 'source not a prefix', ref: r.ref}
      if (s === 'any') return {kind: 'too-open', filter, why: 'any', ref: r.ref}
      if (!allowed.some((a) => prefixContains(a, s))) return {kind: 'too-open', filter, why: `${s.address}/${s.length}`, ref: r.ref}
    }
  }
  return filter.defaultAction === 'deny' ? {kind: 'restricted'} : {kind: 'too-open', filter, why: 'default permit', ...(filter.defaultRef ? {ref: filter.defaultRef} : {ref: filter.ref})}
}
