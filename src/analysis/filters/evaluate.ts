/**
 * The concrete reference evaluator: one packet, the rules one by one, plain number comparisons.
 * It shares nothing with the packet-set engine on purpose: tests use it as the oracle.
 */
import type {AddressMatch, Filter, IpFamily, PacketMatch, PortRange} from '../../model/index.js'
import {addressToBigInt, ipv4ToInt, parseAddress} from '../../net/address.js'
import type {Packet} from '../packetset/index.js'
import {type Decision, ruleAppliesToZones, ruleDecision, type ZonePair} from './decision.js'
import {failClosedOnInterfaces} from '../../model/interface-binding.js'

/** Parsed addresses: IPv6 parsing costs tens of µs and rules repeat the same few addresses. */
const parsedAddresses = new Map<string, {family: IpFamily; value: bigint}>()

function numericValue(text: string): {family: IpFamily; value: bigint} {
  const known = parsedAddresses.get(text)
  if (known) return known
  const parsed = parseAddress(text)
  if (!parsed) throw new Error(`not an IP address: ${text}`)
  const value = {family: parsed.family, value: addressToBigInt(parsed.address, parsed.family)}
  if (parsedAddresses.size >= 65536) parsedAddresses.clear()
  parsedAddresses.set(text, value)
  return value
}

export function addressMatches(m: AddressMatch, address: string): boolean {
  const a = numericValue(address)
  switch (m.kind) {
    case 'any':
      return true
    case 'prefix': {
      if (a.family !== m.family) return false
      const shift = BigInt((a.family === 4 ? 32 : 128) - m.length)
      return a.value >> shift === numericValue(m.address).value >> shift
    }
    case 'range':
      return a.family === m.family && numericValue(m.first).value <= a.value && a.value <= numericValue(m.last).value
    case 'wildcard':
      return a.family === 4 && ((Number(a.value) ^ ipv4ToInt(m.address)) & ~ipv4ToInt(m.wildcard)) === 0
  }
}

const inRanges = (ranges: PortRange[], port: number): boolean => ranges.some((r) => r.from <= port && port <= r.to)
const carriesPorts = (protocol: number): boolean => protocol === 6 || protocol === 17 || protocol === 132
const isIcmp = (protocol: number): boolean => protocol === 1 || protocol === 58

/** Does the match clause match the packet (rule order aside)? */
export function packetMatches(match: PacketMatch, p: Packet): boolean {
  if (match.src.some((m) => addressMatches(m, p.src)) === Boolean(match.srcNegate)) return false
  if (match.dst.some((m) => addressMatches(m, p.dst)) === Boolean(match.dstNegate)) return false
  if (match.protocols && !match.protocols.includes(p.protocol)) return false
  if (match.srcPorts && !(carriesPorts(p.protocol) && inRanges(match.srcPorts, p.srcPort ?? 0))) return false
  if (match.dstPorts && !(carriesPorts(p.protocol) && inRanges(match.dstPorts, p.dstPort ?? 0))) return false
  if (match.icmpTypes) {
    const hit = match.icmpTypes.some((t) => t.type === (p.icmpType ?? 0) && (t.code === undefined || t.code === (p.icmpCode ?? 0)))
    if (!(isIcmp(p.protocol) && hit)) return false
  }
  if (match.state && match.state !== p.state) return false
  if (match.family && match.family !== p.family) return false
  return true
}

/** First match wins; see Decision for session, other-family and unresolved zones. */
export function evaluateFilter(unbound: Filter, packet: Packet, zones?: ZonePair): Decision {
  const filter = failClosedOnInterfaces(unbound)
  if (filter.family !== undefined && filter.family !== packet.family) return {verdict: 'permit', by: 'other-family', ref: filter.ref}
  if (filter.stateful && packet.state === 'established') return {verdict: 'permit', by: 'session', ref: filter.ref}
  for (const [index, rule] of filter.rules.entries()) {
    const applies = ruleAppliesToZones(rule, zones)
    if (applies === false || !packetMatches(rule.match, packet)) continue
    return ruleDecision(rule, index, applies)
  }
  return {verdict: filter.defaultAction, by: 'default', ref: filter.defaultRef ?? filter.ref}
}
