import type {AddressMatch, FilterRule, IpFamily, PacketMatch} from '../../model/index.js'
import {isIPv4, maskToLength, networkOf, parseAddress, parsePrefix, wildcardToLength} from '../../net/address.js'
import {parsePortOp} from './acl-ports.js'

export type AclKind = 'basic' | 'advanced' | 'unsupported'

const PROTOCOLS: Record<string, number> = {tcp: 6, udp: 17, icmp: 1, icmpv6: 58, gre: 47, ospf: 89, igmp: 2, ipinip: 4, sctp: 132}
const ICMP_TYPES: Record<string, number> = {
  echo: 8, 'echo-reply': 0, unreachable: 3, 'host-unreachable': 3, 'net-unreachable': 3, 'port-unreachable': 3,
  'protocol-unreachable': 3, 'source-quench': 4, redirect: 5, 'ttl-exceeded': 11, 'timestamp-request': 13,
  'timestamp-reply': 14, 'information-request': 15, 'information-reply': 16, 'parameter-problem': 12,
}
// Options that change nothing about which packets match.
const NEUTRAL = new Set(['logging', 'counting'])

export interface ParsedRule {
  /** Explicit rule number, when the line gives one. */
  number?: number
  action: FilterRule['action']
  match: PacketMatch
  /** Set when part of the rule was not understood; the action is then `unknown`. */
  problem?: string
  /** `rule N description …`: a remark, not a rule. */
  remark?: boolean
}

/** The tokens after `rule`. Never throws; anything not understood makes the rule `unknown`. */
export function parseRule(tokens: string[], kind: AclKind, family: IpFamily): ParsedRule {
  const low = tokens.map((t) => t.toLowerCase())
  const rule: ParsedRule = {action: 'unknown', match: {src: [{kind: 'any'}], dst: [{kind: 'any'}], family}}
  let i = 0
  if (/^\d+$/.test(low[0] ?? '')) {
    rule.number = Number(low[0])
    i++
  }
  const action = low[i]
  if (action === 'description' || action === 'remark') return {...rule, remark: true}
  if (action !== 'permit' && action !== 'deny') return {...rule, problem: `unknown action ${tokens[i] ?? ''}`}
  i++
  const fail = (problem: string): ParsedRule => ({...rule, action: 'unknown', problem})
  if (kind === 'unsupported') return fail('layer-2/user-defined ACL rules are not modelled')
  const protoTok = low[i]
  if (kind === 'advanced' && protoTok !== undefined && !isKeyword(protoTok)) {
    if (protoTok === 'ip' || protoTok === 'ipv6') i++
    else if (PROTOCOLS[protoTok] !== undefined) {
      rule.match.protocols = [protoTok === 'icmp' && family === 6 ? 58 : (PROTOCOLS[protoTok] ?? 0)]
      i++
    } else if (/^\d{1,3}$/.test(protoTok) && Number(protoTok) <= 255) {
      rule.match.protocols = [Number(protoTok)]
      i++
    } else return fail(`unknown protocol ${tokens[i] ?? ''}`)
  }
  const proto = rule.match.protocols?.[0]
  while (i < tokens.length) {
    const key = low[i] ?? ''
    if (NEUTRAL.has(key)) {
      i++
      continue
    }
    if (key === 'source' || (key === 'destination' && kind === 'advanced')) {
      const parsed = parseAddressSpec(tokens.slice(i + 1), family)
      if (!parsed) return fail(`bad ${key} address`)
      if (key === 'source') rule.match.src = [parsed.match]
      else rule.match.dst = [parsed.match]
      i += 1 + parsed.used
      continue
    }
    if ((key === 'source-port' || key === 'destination-port') && (proto === 6 || proto === 17)) {
      const p = parsePortOp(tokens.slice(i + 1), proto)
      if (!p) return fail(`bad ${key}`)
      if (key === 'source-port') rule.match.srcPorts = [p.range]
      else rule.match.dstPorts = [p.range]
      i += 1 + p.used
      continue
    }
    if (key === 'icmp-type' && (proto === 1 || proto === 58)) {
      const named = ICMP_TYPES[low[i + 1] ?? '']
      if (named !== undefined && family === 4) {
        rule.match.icmpTypes = [{type: named}]
        i += 2
        continue
      }
      const t = Number(low[i + 1])
      const c = Number(low[i + 2])
      if (/^\d+$/.test(low[i + 1] ?? '') && /^\d+$/.test(low[i + 2] ?? '') && t <= 255 && c <= 255) {
        rule.match.icmpTypes = [{type: t, code: c}]
        i += 3
        continue
      }
      return fail('bad icmp-type')
    }
    if (key === 'tcp-flag' && low[i + 1] === 'established' && proto === 6) {
      rule.match.state = 'established'
      i += 2
      continue
    }
    // time-range, vpn-instance, fragment, dscp, tos, precedence, ttl…: they narrow the match in
    // ways the model cannot hold, so the rule's effect is unknown (fail closed).
    return fail(`unsupported option ${tokens[i] ?? ''}`)
  }
  rule.action = action
  return rule
}

function isKeyword(tok: string): boolean {
  return ['source', 'destination', 'logging', 'counting', 'time-range', 'vpn-instance', 'fragment', 'source-port', 'destination-port'].includes(tok)
}

/** `any`, `A WILDCARD`, `A 0` (IPv4); `any`, `X/LEN`, `X LEN` (IPv6). */
function parseAddressSpec(t: string[], family: IpFamily): {match: AddressMatch; used: number} | undefined {
  const first = t[0]
  if (first === undefined) return undefined
  if (first.toLowerCase() === 'any') return {match: {kind: 'any'}, used: 1}
  if (family === 6) {
    if (first.includes('/')) {
      const p = parsePrefix(first)
      return p?.family === 6 ? {match: prefixMatch(p.address, p.length, 6), used: 1} : undefined
    }
    const a = parseAddress(first)
    const len = t[1]
    if (a?.family !== 6 || len === undefined || !/^\d{1,3}$/.test(len) || Number(len) > 128) return undefined
    return {match: prefixMatch(a.address, Number(len), 6), used: 2}
  }
  if (!isIPv4(first)) return undefined
  const wild = t[1] === '0' ? '0.0.0.0' : t[1]
  if (wild === undefined || !isIPv4(wild)) return undefined
  const length = wildcardToLength(wild)
  if (length !== undefined) return {match: prefixMatch(first, length, 4), used: 2}
  // 255.255.255.0 here is a netmask on some releases and a wildcard on others: undecidable.
  const asMask = maskToLength(wild)
  if (asMask !== undefined && asMask > 0 && asMask < 32) return undefined
  return {match: {kind: 'wildcard', address: first, wildcard: wild}, used: 2}
}

function prefixMatch(address: string, length: number, family: IpFamily): AddressMatch {
  return length === 0 ? {kind: 'any'} : {kind: 'prefix', family, address: networkOf(address, length, family), length}
}
