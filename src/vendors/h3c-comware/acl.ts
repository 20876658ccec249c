import type {AddressMatch, FilterRule, IpFamily, PacketMatch, SourceRef} from '../../model/index.js'
import {isIPv4, networkOf, parsePrefix, wildcardToLength} from '../../net/address.js'
import {icmpMatch, portMatch} from './ports.js'
import type {BlockHandler, Statement} from './walker.js'

export type AclType = 'basic' | 'advanced' | 'mac' | 'user-defined' | 'unknown'

/** One `acl` view as written: rules keyed by their Comware rule id. */
export interface ComwareAcl {
  /** The number when there is one (bindings may use either), else the name. */
  id: string
  /** The name an `acl number N name X` also answers to. */
  alias?: string
  family: IpFamily
  type: AclType
  matchOrder: 'config' | 'auto'
  rules: {ruleId: number; rule: FilterRule}[]
  ref: SourceRef
}

/** A rule we could not fully read, to report as an unrecognized line. */
export interface RuleProblem {
  stmt: Statement
  reason: string
}

const PROTOCOLS: Record<string, number | undefined> = {
  ip: undefined, ipv6: undefined, tcp: 6, udp: 17, icmp: 1, icmpv6: 58, gre: 47, igmp: 2, ospf: 89,
  ah: 51, esp: 50, pim: 103, ipinip: 4, sctp: 132,
}

function typeOfNumber(n: number): AclType {
  if (n >= 2000 && n <= 2999) return 'basic'
  if (n >= 3000 && n <= 3999) return 'advanced'
  if (n >= 4000 && n <= 4999) return 'mac'
  if (n >= 5000 && n <= 5999) return 'user-defined'
  return 'unknown'
}

/**
 * `acl [ipv6] number N [name X] [match-order …]` (Comware 5, early 7) and
 * `acl [ipv6] basic|advanced|mac|user-defined N|name X [match-order …]` (Comware 7).
 */
export function parseAclHeader(s: Statement, ref: SourceRef): ComwareAcl | undefined {
  const w = s.words
  const low = w.map((x) => x.toLowerCase())
  let i = 1
  let family: IpFamily = 4
  if (low[i] === 'ipv6') {
    family = 6
    i++
  }
  let type: AclType | undefined
  if (low[i] === 'basic' || low[i] === 'advanced' || low[i] === 'mac' || low[i] === 'user-defined') {
    type = low[i] as AclType
    i++
  }
  let id: string | undefined
  let alias: string | undefined
  if (low[i] === 'number' || (type !== undefined && /^\d+$/.test(low[i] ?? ''))) {
    if (low[i] === 'number') i++
    id = w[i]
    i++
    if (id === undefined || !/^\d+$/.test(id)) return undefined
    type ??= typeOfNumber(Number(id))
  }
  if (low[i] === 'name') {
    const name = w[i + 1]
    if (name === undefined) return undefined
    if (id === undefined) id = name
    else alias = name
    i += 2
  }
  if (id === undefined) return undefined
  let matchOrder: 'config' | 'auto' = 'config'
  if (low[i] === 'match-order') {
    if (low[i + 1] !== 'auto' && low[i + 1] !== 'config') return undefined
    matchOrder = low[i + 1] as 'config' | 'auto'
    i += 2
  }
  if (i !== w.length) return undefined
  // A named ACL without a type keyword is advanced unless the number says otherwise.
  const acl: ComwareAcl = {id, family, type: type ?? 'advanced', matchOrder, rules: [], ref}
  if (alias !== undefined) acl.alias = alias
  return acl
}

/** The view of one ACL: reads rules; `problems` collects rules we could not read fully. */
export function aclView(acl: ComwareAcl, ref: (s: Statement) => SourceRef, problems: RuleProblem[]): BlockHandler {
  let step = 5
  return {
    child: (s) => {
      const low = s.words.map((x) => x.toLowerCase())
      if (low[0] === 'description') return true
      if (low[0] === 'step' && /^\d+$/.test(low[1] ?? '')) {
        step = Number(low[1])
        return true
      }
      if (low[0] !== 'rule') return false
      let i = 1
      let ruleId: number
      if (/^\d+$/.test(low[1] ?? '')) {
        ruleId = Number(low[1])
        i = 2
      } else {
        // Comware numbers an unnumbered rule with the next multiple of the step above the highest id.
        const max = acl.rules.reduce((m, r) => Math.max(m, r.ruleId), -1)
        ruleId = (Math.floor(max / step) + 1) * step
      }
      if (low[i] === 'comment') return true
      const parsed = parseRule(s.words.slice(i), acl)
      const rule: FilterRule = {id: String(ruleId), action: parsed.action, match: parsed.match, ref: ref(s)}
      if (parsed.problem !== undefined) rule.reason = parsed.problem
      if (parsed.problem !== undefined) problems.push({stmt: s, reason: `ACL rule not fully understood (${parsed.problem}); treated as unknown`})
      const existing = acl.rules.findIndex((r) => r.ruleId === ruleId)
      if (existing >= 0) acl.rules.splice(existing, 1)
      acl.rules.push({ruleId, rule})
      return true
    },
  }
}

interface ParsedRule {
  action: FilterRule['action']
  match: PacketMatch
  problem?: string
}

function anyMatch(family: IpFamily): PacketMatch {
  return {src: [{kind: 'any'}], dst: [{kind: 'any'}], family}
}

/** Fail closed: a rule with anything we cannot model matches anything with an undecided action. */
function unknownRule(family: IpFamily, problem: string): ParsedRule {
  return {action: 'unknown', match: anyMatch(family), problem}
}

/** Tokens after `rule [N]`: `permit|deny [proto] [source …] [destination …] [ports] [icmp-type …] …`. */
export function parseRule(words: readonly string[], acl: Pick<ComwareAcl, 'family' | 'type'>): ParsedRule {
  const low = words.map((x) => x.toLowerCase())
  const action = low[0]
  const family = acl.family
  if (action !== 'permit' && action !== 'deny') return unknownRule(family, `action ${words[0] ?? 'missing'}`)
  if (acl.type === 'mac' || acl.type === 'user-defined' || acl.type === 'unknown') return unknownRule(family, `${acl.type} ACL`)
  const match: PacketMatch = anyMatch(family)
  let i = 1
  if (acl.type === 'advanced') {
    const proto = low[i]
    if (proto === undefined) return unknownRule(family, 'missing protocol')
    if (proto in PROTOCOLS) {
      const n = PROTOCOLS[proto]
      if (n !== undefined) match.protocols = [n]
      else if ((proto === 'ip' && family === 6) || (proto === 'ipv6' && family === 4)) return unknownRule(family, `protocol ${proto}`)
    } else if (/^\d{1,3}$/.test(proto) && Number(proto) <= 255) match.protocols = [Number(proto)]
    else return unknownRule(family, `protocol ${words[i]}`)
    i++
  }
  const protocol = match.protocols?.[0]
  while (i < words.length) {
    const k = low[i]
    if (k === 'source' || k === 'destination') {
      const addr = addressMatch(words.slice(i + 1), family)
      if (!addr) return unknownRule(family, `${k} address`)
      if (k === 'source') match.src = [addr.match]
      else match.dst = [addr.match]
      i += 1 + addr.used
    } else if ((k === 'source-port' || k === 'destination-port') && (protocol === 6 || protocol === 17)) {
      const p = portMatch(words.slice(i + 1), protocol)
      if (!p) return unknownRule(family, `${k} ${words.slice(i + 1, i + 3).join(' ')}`)
      if (k === 'source-port') match.srcPorts = p.ranges
      else match.dstPorts = p.ranges
      i += 1 + p.used
    } else if ((k === 'icmp-type' && protocol === 1) || (k === 'icmp6-type' && protocol === 58)) {
      const t = icmpMatch(words.slice(i + 1))
      if (!t) return unknownRule(family, `${k} ${words[i + 1] ?? ''}`)
      match.icmpTypes = [t.icmp]
      i += 1 + t.used
    } else if (k === 'established' && protocol === 6) {
      match.state = 'established'
      i++
    } else if (k === 'logging' || k === 'counting') i++
    else return unknownRule(family, `option ${words[i]}`)
  }
  return {action, match}
}

/** `any`, `A W` (wildcard, `0` = host), `A/len`, IPv6 `X/len` or `X len`. */
function addressMatch(tokens: readonly string[], family: IpFamily): {match: AddressMatch; used: number} | undefined {
  const a = tokens[0]
  if (a === undefined) return undefined
  if (a.toLowerCase() === 'any') return {match: {kind: 'any'}, used: 1}
  if (family === 4) {
    if (a.includes('/')) {
      const p = parsePrefix(a)
      return p && p.family === 4 ? {match: prefix(p.address, p.length, 4), used: 1} : undefined
    }
    const w = tokens[1]
    if (!isIPv4(a) || w === undefined) return undefined
    const wildcard = w === '0' ? '0.0.0.0' : w
    if (!isIPv4(wildcard)) return undefined
    const len = wildcardToLength(wildcard)
    if (len !== undefined) return {match: prefix(a, len, 4), used: 2}
    return {match: {kind: 'wildcard', address: a, wildcard}, used: 2}
  }
  let p = parsePrefix(a)
  if (p) return p.family === 6 ? {match: prefix(p.address, p.length, 6), used: 1} : undefined
  const len = tokens[1]
  if (len !== undefined && /^\d{1,3}$/.test(len)) {
    p = parsePrefix(`${a}/${len}`)
    if (p && p.family === 6) return {match: prefix(p.address, p.length, 6), used: 2}
  }
  return undefined
}

function prefix(address: string, length: number, family: IpFamily): AddressMatch {
  return {kind: 'prefix', family, address: networkOf(address, length, family), length}
}

/**
 * Rules in config order. With `match-order auto` Comware evaluates depth-first; when the rules
 * disagree on the action their real order matters and is not modelled, so they become unknown.
 */
export function orderedRules(acl: ComwareAcl): FilterRule[] {
  const rules = [...acl.rules].sort((a, b) => a.ruleId - b.ruleId).map((r) => r.rule)
  if (acl.matchOrder === 'auto' && new Set(rules.map((r) => r.action)).size > 1) {
    return rules.map((r) => ({...r, action: 'unknown' as const, match: anyMatch(acl.family), reason: 'match-order auto with mixed actions'}))
  }
  return rules
}
