import type {IpFamily} from '../../model/index.js'
import {
  addressComplement,
  and,
  ANY,
  type Condition,
  type IcmpType,
  portComplement,
  protocolComplement,
  singleton,
} from './condition.js'
import {icmpType, portNumber, protocolNumber} from './protocols.js'
import {type Intervals, normalize, prefixInterval, addressInterval} from './ranges.js'

export type Target =
  | {kind: 'accept' | 'drop' | 'reject' | 'return' | 'continue'; name: string}
  | {kind: 'jump' | 'goto'; name: string}
  | {kind: 'unknown'; name: string; reason: string}

/**
 * One `-A`/`-I` line as the kernel loads it. `variants` are the kernel rules the line expands to
 * (`-s a,b` loads one rule per address); each variant is a union of disjoint conditions (`--ports`).
 */
export interface RuleSpec {
  variants: Condition[][]
  target: Target
  /** Match options or modules the model cannot express: the rule decides `unknown`. */
  unknown: string[]
  comment?: string
}

/** Split like a shell: iptables-save quotes comments with `"` and escapes inner quotes. */
export function tokenize(text: string): string[] {
  const out: string[] = []
  let cur = ''
  let inToken = false
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '\\' && i + 1 < text.length) cur += text[++i]
      else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') {
      quoted = true
      inToken = true
    } else if (/\s/.test(ch)) {
      if (inToken) out.push(cur)
      cur = ''
      inToken = false
    } else {
      cur += ch
      inToken = true
    }
  }
  if (inToken) out.push(cur)
  return out
}

const CONTINUE_TARGETS = new Set([
  'LOG', 'NFLOG', 'ULOG', 'TCPMSS', 'MARK', 'CONNMARK', 'CLASSIFY', 'DSCP', 'TOS', 'TTL', 'HL', 'AUDIT',
  'TRACE', 'CHECKSUM', 'SECMARK', 'CONNSECMARK', 'IDLETIMER', 'LED', 'SET', 'TEE', 'ECN', 'RATEEST',
])

export function classifyTarget(name: string, chains: ReadonlySet<string>, jump: 'jump' | 'goto'): Target {
  if (chains.has(name)) return {kind: jump, name}
  if (jump === 'goto') return {kind: 'unknown', name, reason: `goto to an undeclared chain ${name}`}
  if (name === 'ACCEPT') return {kind: 'accept', name}
  if (name === 'DROP') return {kind: 'drop', name}
  if (name === 'REJECT') return {kind: 'reject', name}
  if (name === 'RETURN') return {kind: 'return', name}
  if (CONTINUE_TARGETS.has(name)) return {kind: 'continue', name}
  return {kind: 'unknown', name, reason: /^[A-Z][A-Z0-9_]*$/.test(name) ? `target ${name} is not modelled` : `jump to an undeclared chain ${name}`}
}

const KNOWN_MODULES = new Set(['tcp', 'udp', 'sctp', 'icmp', 'icmp6', 'icmpv6', 'multiport', 'conntrack', 'state', 'iprange', 'comment'])

const TCP_FLAGS = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'] as const
// The model's TCP packets: a new session opens with a bare SYN; return traffic carries ACK (or RST).
const NEW_SHAPE = new Set(['SYN'])
const ESTABLISHED_SHAPES = [['SYN', 'ACK'], ['ACK'], ['PSH', 'ACK'], ['FIN', 'ACK'], ['RST'], ['RST', 'ACK'], ['URG', 'ACK']].map((s) => new Set(s))

function flagSet(text: string): Set<string> | undefined {
  const up = text.toUpperCase()
  if (up === 'ALL') return new Set(TCP_FLAGS)
  if (up === 'NONE') return new Set()
  const parts = up.split(',')
  return parts.every((p) => (TCP_FLAGS as readonly string[]).includes(p)) ? new Set(parts) : undefined
}

/** `--tcp-flags MASK COMP` on the model's two TCP shapes: a state test, or undefined when it splits them. */
function tcpFlagsState(mask: Set<string>, comp: Set<string>, negate: boolean): {new: boolean; established: boolean} | undefined {
  const test = (flags: Set<string>): boolean => [...mask].every((f) => flags.has(f) === comp.has(f)) !== negate
  const est = ESTABLISHED_SHAPES.map(test)
  if (est.some((x) => x !== est[0])) return undefined
  return {new: test(NEW_SHAPE), established: est[0] ?? false}
}

function portRange(text: string): [bigint, bigint] | undefined {
  const m = /^([^:]*)(?::([^:]*))?$/.exec(text)
  if (!m) return undefined
  const lo = m[1] === '' ? 0 : portNumber(m[1] ?? '')
  const hi = m[2] === undefined ? lo : m[2] === '' ? 65535 : portNumber(m[2])
  if (lo === undefined || hi === undefined || lo > hi) return undefined
  return [BigInt(lo), BigInt(hi)]
}

function portList(text: string, multi: boolean): Intervals | undefined {
  const parts = multi ? text.split(',') : [text]
  const out: Intervals = []
  for (const p of parts) {
    const r = portRange(p)
    if (!r) return undefined
    out.push(r)
  }
  return normalize(out)
}

interface Builder {
  family: IpFamily
  cond: Condition
  unknown: string[]
  /** `--ports`: source or destination port in the list. */
  eitherPorts?: Intervals
  src: {list: string[]; negate: boolean} | undefined
  dst: {list: string[]; negate: boolean} | undefined
  empty: boolean
  comment?: string
}

function restrict(b: Builder, extra: Partial<Condition>): void {
  const next = and(b.cond, {...extra, inexact: []})
  if (next === null) b.empty = true
  else b.cond = next
}

function stateTest(b: Builder, test: {new: boolean; established: boolean}): void {
  if (test.new && test.established) return
  if (!test.new && !test.established) b.empty = true
  else restrict(b, {state: test.new ? 'new' : 'established'})
}

/** Values of an unknown option: everything up to the next option. */
function skipValues(tokens: string[], i: number): number {
  let j = i
  while (j + 1 < tokens.length && !/^(-|!$)/.test(tokens[j + 1] as string)) j++
  return j
}

function ctstate(b: Builder, value: string, negate: boolean): void {
  const states = value.toUpperCase().split(',')
  const known = ['NEW', 'ESTABLISHED', 'RELATED', 'INVALID', 'UNTRACKED', 'SNAT', 'DNAT']
  const odd = states.filter((s) => !known.includes(s))
  if (odd.length > 0) {
    b.unknown.push(`connection state ${odd.join(',')} is not understood`)
    return
  }
  // A model packet opening a session is NEW; its return traffic is ESTABLISHED. RELATED, INVALID
  // and UNTRACKED describe packets outside that universe (ICMP errors, stray segments, notrack).
  stateTest(b, {new: states.includes('NEW') !== negate, established: states.includes('ESTABLISHED') !== negate})
}

function addressSide(b: Builder, side: 'src' | 'dst', value: string, negate: boolean): void {
  b[side] = {list: value.split(','), negate}
}

function icmpOption(b: Builder, value: string, negate: boolean): void {
  const t = icmpType(value, b.family)
  if (t === null) return void b.unknown.push(`ICMP type ${value} is not understood`)
  if (t === undefined) {
    if (negate) b.empty = true
    return
  }
  if (negate) return void b.unknown.push('a negated ICMP type is not modelled')
  restrict(b, {icmp: [t as IcmpType]})
}

/** Parse the match and target part of a rule (after `-A CHAIN`). */
export function parseRuleSpec(tokens: string[], family: IpFamily, chains: ReadonlySet<string>): RuleSpec {
  const b: Builder = {family, cond: {...ANY, inexact: []}, unknown: [], src: undefined, dst: undefined, empty: false}
  let target: Target = {kind: 'continue', name: ''}
  let negate = false
  let module = ''
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string
    if (tok === '!') {
      negate = true
      continue
    }
    const next = (): string => {
      let v = tokens[++i] ?? ''
      // Old syntax: `-s ! 10.0.0.0/8`.
      if (v === '!') {
        negate = true
        v = tokens[++i] ?? ''
      }
      return v
    }
    switch (tok) {
      case '-s':
      case '--source':
      case '--src':
        addressSide(b, 'src', next(), negate)
        break
      case '-d':
      case '--destination':
      case '--dst':
        addressSide(b, 'dst', next(), negate)
        break
      case '-p':
      case '--protocol': {
        const v = next()
        const n = protocolNumber(v)
        if (Number.isNaN(n)) b.unknown.push(`protocol ${v} is not understood`)
        else if (n === undefined) {
          if (negate) b.empty = true
        } else restrict(b, {protocols: negate ? protocolComplement(singleton(n)) : singleton(n)})
        break
      }
      case '-i':
      case '--in-interface':
        restrict(b, {inIf: {names: [next()], negate}})
        break
      case '-o':
      case '--out-interface':
        restrict(b, {outIf: {names: [next()], negate}})
        break
      case '-f':
      case '--fragment':
        // Conntrack reassembles before the filter and the model's packets are whole: `-f` never matches.
        if (!negate) b.empty = true
        break
      case '-m':
      case '--match':
        module = next()
        if (!KNOWN_MODULES.has(module)) b.unknown.push(`match module ${module} is not modelled`)
        break
      case '-c':
      case '--set-counters':
        i += 2
        break
      case '-4':
      case '-6':
        if ((tok === '-4') !== (family === 4)) b.empty = true
        break
      case '-j':
      case '--jump':
      case '-g':
      case '--goto': {
        const name = next()
        target = classifyTarget(name, chains, tok === '-g' || tok === '--goto' ? 'goto' : 'jump')
        // Everything after the target belongs to it (LOG prefix, reject-with…).
        i = tokens.length
        break
      }
      default:
        i = matchOption(b, tokens, i, tok, negate, module)
    }
    negate = false
  }
  const variants: Condition[][] = []
  if (!b.empty) for (const c of expandAddresses(b)) variants.push(splitEitherPorts(c, b.eitherPorts))
  const spec: RuleSpec = {variants, target, unknown: b.unknown}
  if (b.comment !== undefined) spec.comment = b.comment
  return spec
}

/** Module options; returns the index of the last token consumed. */
function matchOption(b: Builder, tokens: string[], i: number, tok: string, negate: boolean, module: string): number {
  const value = tokens[i + 1] ?? ''
  const unknownOption = (): number => {
    b.unknown.push(`option ${tok}${module ? ` of ${module}` : ''} is not modelled`)
    return skipValues(tokens, i)
  }
  if (!KNOWN_MODULES.has(module) && module !== '') return skipValues(tokens, i)
  switch (tok) {
    case '--sport':
    case '--source-port':
    case '--dport':
    case '--destination-port': {
      const ports = portList(value, false)
      if (!ports) b.unknown.push(`port ${value} is not understood`)
      else {
        const set = negate ? portComplement(ports) : ports
        restrict(b, tok.startsWith('--s') ? {srcPorts: set} : {dstPorts: set})
      }
      return i + 1
    }
    case '--sports':
    case '--source-ports':
    case '--dports':
    case '--destination-ports':
    case '--ports': {
      const ports = portList(value, true)
      if (!ports) b.unknown.push(`port list ${value} is not understood`)
      else if (tok === '--ports') {
        if (negate) restrict(b, {srcPorts: portComplement(ports), dstPorts: portComplement(ports)})
        else b.eitherPorts = ports
      } else {
        const set = negate ? portComplement(ports) : ports
        restrict(b, tok.startsWith('--s') ? {srcPorts: set} : {dstPorts: set})
      }
      return i + 1
    }
    case '--ctstate':
    case '--state':
      ctstate(b, value, negate)
      return i + 1
    case '--src-range':
    case '--dst-range': {
      const [first, last] = value.split('-')
      const lo = addressInterval(first ?? '', b.family)
      const hi = addressInterval(last ?? '', b.family)
      if (lo === undefined || hi === undefined || lo > hi) b.unknown.push(`address range ${value} is not understood`)
      else {
        const range = normalize([[lo, hi]])
        const set = negate ? addressComplement(range, b.family) : range
        restrict(b, tok === '--src-range' ? {src: set} : {dst: set})
      }
      return i + 1
    }
    case '--comment':
      b.comment = value
      return i + 1
    case '--icmp-type':
    case '--icmpv6-type':
      icmpOption(b, value, negate)
      return i + 1
    case '--syn':
      stateTest(b, {new: !negate, established: negate})
      return i
    case '--tcp-flags': {
      const mask = flagSet(value)
      const comp = flagSet(tokens[i + 2] ?? '')
      const test = mask && comp ? tcpFlagsState(mask, comp, negate) : undefined
      if (!test) b.unknown.push(`--tcp-flags ${value} ${tokens[i + 2] ?? ''} distinguishes packets the model does not`)
      else stateTest(b, test)
      return i + 2
    }
    default:
      return unknownOption()
  }
}

/** One condition per kernel rule: `-s a,b -d c` loads (a,c) and (b,c). */
function expandAddresses(b: Builder): Condition[] {
  const sides = (spec: Builder['src']): (Intervals | undefined)[] | undefined => {
    if (!spec) return [undefined]
    const out: Intervals[] = []
    for (const text of spec.list) {
      const r = prefixInterval(text, b.family)
      if (!r) {
        b.unknown.push(`address ${text} is not understood (host names are resolved when the rules are loaded)`)
        return [undefined]
      }
      const set = normalize([r])
      out.push(spec.negate ? addressComplement(set, b.family) : set)
    }
    return out
  }
  const srcs = sides(b.src) ?? [undefined]
  const dsts = sides(b.dst) ?? [undefined]
  const out: Condition[] = []
  for (const s of srcs)
    for (const d of dsts) {
      const extra: Condition = {inexact: []}
      if (s) extra.src = s
      if (d) extra.dst = d
      const c = and(b.cond, extra)
      if (c) out.push(c)
    }
  return out
}

/** `--ports P`: source in P, or else destination in P — two disjoint conditions. */
function splitEitherPorts(c: Condition, ports: Intervals | undefined): Condition[] {
  if (!ports) return [c]
  const bySource = and(c, {srcPorts: ports, inexact: []})
  const byDestination = and(c, {srcPorts: portComplement(ports), dstPorts: ports, inexact: []})
  return [bySource, byDestination].filter((x): x is Condition => x !== null)
}
