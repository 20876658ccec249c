import type {IpFamily, PacketMatch} from '../../model/index.js'
import {complement, familyMax, type Intervals, intersect, normalize, toAddressMatches, toPortRanges} from './ranges.js'

export interface IcmpType {
  type: number
  code?: number
}

/** Interface test: names (with `+` wildcards), all positive or all negated. */
export interface InterfaceTest {
  names: string[]
  negate: boolean
}

/**
 * A conjunction of header tests, kept as exact sets so that conjunctions (jump context ∧ rule) and
 * negations stay exact. Undefined fields match anything. `inexact` lists what could not be expressed:
 * the condition then over-approximates and a rule carrying it decides `unknown`.
 */
export interface Condition {
  src?: Intervals
  dst?: Intervals
  protocols?: Intervals
  srcPorts?: Intervals
  dstPorts?: Intervals
  icmp?: IcmpType[]
  state?: 'new' | 'established'
  inIf?: InterfaceTest
  outIf?: InterfaceTest
  inexact: string[]
}

export const ANY: Condition = {inexact: []}

const PORT_MAX = 65535n
const PROTO_MAX = 255n
export const portComplement = (x: Intervals): Intervals => complement(x, PORT_MAX)
export const protocolComplement = (x: Intervals): Intervals => complement(x, PROTO_MAX)
export const addressComplement = (x: Intervals, family: IpFamily): Intervals => complement(x, familyMax(family))

function both<T>(a: T | undefined, b: T | undefined, f: (a: T, b: T) => T): T | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return f(a, b)
}

function patternIntersect(p: string, q: string): string | undefined {
  const pw = p.endsWith('+')
  const qw = q.endsWith('+')
  const ps = pw ? p.slice(0, -1) : p
  const qs = qw ? q.slice(0, -1) : q
  if (!pw && !qw) return p === q ? p : undefined
  if (pw && !qw) return q.startsWith(ps) ? q : undefined
  if (!pw && qw) return p.startsWith(qs) ? p : undefined
  if (ps.startsWith(qs)) return p
  return qs.startsWith(ps) ? q : undefined
}

/** Does pattern n match every name pattern p matches? */
function covers(n: string, p: string): boolean {
  if (!n.endsWith('+')) return !p.endsWith('+') && n === p
  return p.startsWith(n.slice(0, -1))
}

const overlaps = (n: string, p: string): boolean => patternIntersect(n, p) !== undefined

/** Conjunction of two interface tests; `null` when no interface passes both. */
function interfaceAnd(a: InterfaceTest, b: InterfaceTest, inexact: string[]): InterfaceTest | null {
  if (a.negate && b.negate) return {names: [...new Set([...a.names, ...b.names])], negate: true}
  if (!a.negate && !b.negate) {
    const names = new Set<string>()
    for (const p of a.names) for (const q of b.names) {
      const r = patternIntersect(p, q)
      if (r !== undefined) names.add(r)
    }
    return names.size === 0 ? null : {names: [...names], negate: false}
  }
  const pos = a.negate ? b : a
  const neg = a.negate ? a : b
  const names: string[] = []
  for (const p of pos.names) {
    if (neg.names.some((n) => covers(n, p))) continue
    // `eth+` minus `eth0` has no single-pattern form: keep the wider test and say so.
    if (p.endsWith('+') && neg.names.some((n) => overlaps(n, p))) inexact.push(`interface ${p} except ${neg.names.join(',')} cannot be expressed`)
    names.push(p)
  }
  return names.length === 0 ? null : {names, negate: false}
}

function icmpAnd(a: IcmpType[], b: IcmpType[]): IcmpType[] {
  const out: IcmpType[] = []
  for (const x of a)
    for (const y of b) {
      if (x.type !== y.type) continue
      if (x.code !== undefined && y.code !== undefined && x.code !== y.code) continue
      const code = x.code ?? y.code
      out.push(code === undefined ? {type: x.type} : {type: x.type, code})
    }
  return out
}

const isEmpty = (x: Intervals | undefined): boolean => x !== undefined && x.length === 0

/** Conjunction; `null` when it matches no packet. */
export function and(a: Condition, b: Condition): Condition | null {
  const inexact = [...a.inexact, ...b.inexact]
  if (a.state !== undefined && b.state !== undefined && a.state !== b.state) return null
  const c: Condition = {inexact}
  const src = both(a.src, b.src, intersect)
  const dst = both(a.dst, b.dst, intersect)
  const protocols = both(a.protocols, b.protocols, intersect)
  const srcPorts = both(a.srcPorts, b.srcPorts, intersect)
  const dstPorts = both(a.dstPorts, b.dstPorts, intersect)
  if ([src, dst, protocols, srcPorts, dstPorts].some(isEmpty)) return null
  if (src) c.src = src
  if (dst) c.dst = dst
  if (protocols) c.protocols = protocols
  if (srcPorts) c.srcPorts = srcPorts
  if (dstPorts) c.dstPorts = dstPorts
  const icmp = both(a.icmp, b.icmp, icmpAnd)
  if (icmp !== undefined) {
    if (icmp.length === 0) return null
    c.icmp = icmp
  }
  const state = a.state ?? b.state
  if (state) c.state = state
  for (const side of ['inIf', 'outIf'] as const) {
    const x = a[side]
    const y = b[side]
    const t = x && y ? interfaceAnd(x, y, inexact) : (x ?? y)
    if (t === null) return null
    if (t) c[side] = t
  }
  return c
}

/** The model's form of a condition for one address family. */
export function toPacketMatch(c: Condition, family: IpFamily): PacketMatch {
  const m: PacketMatch = {
    src: c.src ? toAddressMatches(c.src, family) : [{kind: 'any'}],
    dst: c.dst ? toAddressMatches(c.dst, family) : [{kind: 'any'}],
    family,
  }
  if (c.protocols) m.protocols = c.protocols.flatMap(([a, b]) => Array.from({length: Number(b - a) + 1}, (_, i) => Number(a) + i))
  if (c.srcPorts) m.srcPorts = toPortRanges(c.srcPorts)
  if (c.dstPorts) m.dstPorts = toPortRanges(c.dstPorts)
  if (c.icmp) m.icmpTypes = c.icmp.map((t) => ({...t}))
  if (c.state) m.state = c.state
  if (c.inIf) {
    m.inInterfaces = [...c.inIf.names]
    if (c.inIf.negate) m.inInterfacesNegate = true
  }
  if (c.outIf) {
    m.outInterfaces = [...c.outIf.names]
    if (c.outIf.negate) m.outInterfacesNegate = true
  }
  return m
}

export const singleton = (n: number): Intervals => normalize([[BigInt(n), BigInt(n)]])
