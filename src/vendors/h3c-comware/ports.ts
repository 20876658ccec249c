import type {PortRange} from '../../model/index.js'

/** Port names Comware accepts in ACL rules (TCP and UDP share one table where names agree). */
const TCP: Record<string, number> = {
  chargen: 19, bgp: 179, cmd: 514, daytime: 13, discard: 9, domain: 53, echo: 7, exec: 512, finger: 79,
  ftp: 21, 'ftp-data': 20, gopher: 70, hostname: 101, irc: 194, klogin: 543, kshell: 544, login: 513,
  lpd: 515, nntp: 119, pop2: 109, pop3: 110, smtp: 25, sunrpc: 111, tacacs: 49, talk: 517, telnet: 23,
  time: 37, uucp: 540, whois: 43, www: 80, http: 80, https: 443, ssh: 22,
}
const UDP: Record<string, number> = {
  biff: 512, bootpc: 68, bootps: 67, discard: 9, dns: 53, domain: 53, dnsix: 90, echo: 7, 'mobilip-ag': 434,
  'mobilip-mn': 435, 'nameserver': 42, 'netbios-dgm': 138, 'netbios-ns': 137, 'netbios-ssn': 139, ntp: 123,
  rip: 520, snmp: 161, snmptrap: 162, sunrpc: 111, syslog: 514, tacacs: 49, 'tacacs-ds': 65, talk: 517,
  tftp: 69, time: 37, who: 513, xdmcp: 177,
}

export function portNumber(tok: string | undefined, protocol: number | undefined): number | undefined {
  if (tok === undefined) return undefined
  if (/^\d{1,5}$/.test(tok)) {
    const n = Number(tok)
    return n <= 65535 ? n : undefined
  }
  const low = tok.toLowerCase()
  return (protocol === 17 ? UDP[low] : TCP[low])
}

/**
 * `eq P`, `neq P`, `lt P`, `gt P`, `range P1 P2` → ranges and the number of tokens read,
 * or undefined when the operator or a port is unknown.
 */
export function portMatch(tokens: readonly string[], protocol: number | undefined): {ranges: PortRange[]; used: number} | undefined {
  const op = tokens[0]?.toLowerCase()
  const p = portNumber(tokens[1], protocol)
  if (p === undefined) return undefined
  if (op === 'eq') return {ranges: [{from: p, to: p}], used: 2}
  if (op === 'lt') return p === 0 ? undefined : {ranges: [{from: 0, to: p - 1}], used: 2}
  if (op === 'gt') return p === 65535 ? undefined : {ranges: [{from: p + 1, to: 65535}], used: 2}
  if (op === 'neq') {
    const ranges: PortRange[] = []
    if (p > 0) ranges.push({from: 0, to: p - 1})
    if (p < 65535) ranges.push({from: p + 1, to: 65535})
    return {ranges, used: 2}
  }
  if (op === 'range') {
    const q = portNumber(tokens[2], protocol)
    if (q === undefined) return undefined
    return {ranges: [{from: Math.min(p, q), to: Math.max(p, q)}], used: 3}
  }
  return undefined
}

const ICMP: Record<string, {type: number; code?: number}> = {
  echo: {type: 8, code: 0},
  'echo-reply': {type: 0, code: 0},
  'ttl-exceeded': {type: 11, code: 0},
  'net-unreachable': {type: 3, code: 0},
  'host-unreachable': {type: 3, code: 1},
  'protocol-unreachable': {type: 3, code: 2},
  'port-unreachable': {type: 3, code: 3},
  'fragmentneed-DFset': {type: 3, code: 4},
  'source-quench': {type: 4, code: 0},
  redirect: {type: 5, code: 0},
  'parameter-problem': {type: 12, code: 0},
  timestamp: {type: 13, code: 0},
  'timestamp-reply': {type: 14, code: 0},
  'information-request': {type: 15, code: 0},
  'information-reply': {type: 16, code: 0},
}

/** `icmp-type NAME` or `icmp-type T [C]` → type/code and tokens read after the keyword. */
export function icmpMatch(tokens: readonly string[]): {icmp: {type: number; code?: number}; used: number} | undefined {
  const t = tokens[0]
  if (t === undefined) return undefined
  const named = ICMP[t] ?? ICMP[t.toLowerCase()]
  if (named) return {icmp: named, used: 1}
  if (!/^\d{1,3}$/.test(t) || Number(t) > 255) return undefined
  const c = tokens[1]
  if (c !== undefined && /^\d{1,3}$/.test(c) && Number(c) <= 255) return {icmp: {type: Number(t), code: Number(c)}, used: 2}
  return {icmp: {type: Number(t)}, used: 1}
}
