import type {AddressMatch} from '../../model/index.js'
import {intToIPv4, ipv4ToInt, isIPv4, maskToLength, networkOf, parseAddress, wildcardToLength} from '../../net/address.js'
import type {AddressSetDef, Resolved, UsgContext} from './context.js'

/** A prefix match with the host bits cleared, as the device applies the mask. */
export function prefixMatch(address: string, length: number): AddressMatch | undefined {
  const p = parseAddress(address)
  if (!p || length < 0 || length > (p.family === 4 ? 32 : 128)) return undefined
  return {kind: 'prefix', family: p.family, address: networkOf(p.address, length, p.family), length}
}

/** IPv4 address + wildcard (1 bits = don't care): a prefix when contiguous, else a wildcard match. */
export function wildcardMatch(address: string, wildcard: string): AddressMatch | undefined {
  if (!isIPv4(address) || !isIPv4(wildcard)) return undefined
  const len = wildcardToLength(wildcard)
  if (len !== undefined) return prefixMatch(address, len)
  const w = ipv4ToInt(wildcard)
  return {kind: 'wildcard', address: intToIPv4((ipv4ToInt(address) & ~w) >>> 0), wildcard}
}

/** IPv4 address + mask (1 bits = compared); USG accepts non-contiguous masks in policies. */
export function maskMatch(address: string, mask: string): AddressMatch | undefined {
  if (/^\d{1,3}$/.test(mask)) return prefixMatch(address, Number(mask))
  if (!isIPv4(mask)) return undefined
  const len = maskToLength(mask)
  if (len !== undefined) return prefixMatch(address, len)
  return wildcardMatch(address, intToIPv4(~ipv4ToInt(mask) >>> 0))
}

export function rangeMatch(first: string, last: string): AddressMatch | undefined {
  const a = parseAddress(first)
  const b = parseAddress(last)
  if (!a || !b || a.family !== b.family) return undefined
  return {kind: 'range', family: a.family, first: a.address, last: b.address}
}

/** Drop a trailing `description …` (its text may contain anything). */
export function withoutDescription(words: string[]): string[] {
  const i = words.findIndex((w) => w.toLowerCase() === 'description')
  return i < 0 ? words : words.slice(0, i)
}

/**
 * One address term of a security-policy rule (after `source-address`/`destination-address`):
 * `A LEN`, `A mask M`, `A WILDCARD`, `X::/LEN`, `X:: LEN`, `range A B`, `address-set N…`, `any`.
 */
export function policyAddress(ctx: UsgContext, words: string[]): Resolved<AddressMatch[]> {
  const w = withoutDescription(words)
  const k = w[0]?.toLowerCase()
  if (k === undefined) return {ok: false, reason: 'empty address', refs: []}
  if (k === 'any') return {ok: true, value: [{kind: 'any'}], refs: []}
  if (k === 'address-set') return resolveSets(ctx, w.slice(1), new Set())
  if (k === 'range') return single(w[1] && w[2] ? rangeMatch(w[1], w[2]) : undefined, words)
  if (k === 'domain-set' || k === 'geo-location' || k === 'geo-location-set' || k === 'region' || k === 'region-set')
    return {ok: false, reason: `address by ${k} is resolved at run time`, refs: []}
  return single(hostForm(w, false), words)
}

/** `A LEN | A mask M | A WILDCARD | A/LEN | X:: LEN`; in address sets a bare `0` means host. */
function hostForm(w: string[], inSet: boolean): AddressMatch | undefined {
  const a = w[0]
  if (a === undefined) return undefined
  if (a.includes('/')) {
    const [addr, len] = a.split('/')
    return addr && len && /^\d{1,3}$/.test(len) && w.length === 1 ? prefixMatch(addr, Number(len)) : undefined
  }
  const b = w[1]
  const p = parseAddress(a)
  if (!p) return undefined
  if (b === undefined) return prefixMatch(a, p.family === 4 ? 32 : 128)
  if (w.length > 3) return undefined
  if (b.toLowerCase() === 'mask') return w[2] !== undefined && p.family === 4 ? maskMatch(a, w[2]) : undefined
  if (w.length !== 2) return undefined
  if (/^\d{1,3}$/.test(b)) {
    if (inSet && p.family === 4) return b === '0' ? prefixMatch(a, 32) : undefined
    return prefixMatch(a, Number(b))
  }
  return p.family === 4 ? wildcardMatch(a, b) : undefined
}

function single(m: AddressMatch | undefined, words: string[]): Resolved<AddressMatch[]> {
  return m ? {ok: true, value: [m], refs: []} : {ok: false, reason: `cannot read address "${words.join(' ')}"`, refs: []}
}

function resolveSets(ctx: UsgContext, names: string[], seen: Set<string>): Resolved<AddressMatch[]> {
  const value: AddressMatch[] = []
  const refs = []
  if (names.length === 0) return {ok: false, reason: 'address-set without a name', refs: []}
  for (const name of names) {
    const set = ctx.addressSets.get(name)
    if (!set) return {ok: false, reason: `address-set ${name} is not defined`, refs}
    if (seen.has(name)) return {ok: false, reason: `address-set ${name} contains itself`, refs}
    const r = resolveSet(ctx, set, new Set([...seen, name]))
    refs.push(...r.refs)
    if (!r.ok) return {ok: false, reason: r.reason, refs}
    value.push(...r.value)
  }
  return {ok: true, value, refs}
}

/** Members: `address [id] A 0|WILDCARD|mask M`, `X:: LEN`, `range A B`, `address-set N`, MAC (unknowable). */
function resolveSet(ctx: UsgContext, set: AddressSetDef, seen: Set<string>): Resolved<AddressMatch[]> {
  const value: AddressMatch[] = []
  const refs = [set.ref]
  for (const member of set.members) {
    refs.push(ctx.rec.ref(member.node.line))
    let w = withoutDescription(member.words)
    if (w[0] !== undefined && /^\d+$/.test(w[0]) && w.length > 1) w = w.slice(1)
    const k = w[0]?.toLowerCase()
    if (k === 'address-set') {
      const r = resolveSets(ctx, w.slice(1), seen)
      refs.push(...r.refs)
      if (!r.ok) return {ok: false, reason: r.reason, refs}
      value.push(...r.value)
      continue
    }
    const m = k === 'range' ? (w[1] && w[2] ? rangeMatch(w[1], w[2]) : undefined) : hostForm(w, true)
    if (!m) return {ok: false, reason: `address-set ${set.name}: cannot read member "${member.words.join(' ')}"`, refs}
    value.push(m)
  }
  return {ok: true, value, refs}
}
