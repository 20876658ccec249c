import type {PortRange} from '../../model/index.js'

/** Port names VRP accepts in ACL rules (and prints back in the configuration). */
const TCP_PORTS: Record<string, number> = {
  bgp: 179, chargen: 19, cmd: 514, daytime: 13, discard: 9, domain: 53, dns: 53, echo: 7, exec: 512,
  finger: 79, ftp: 21, 'ftp-data': 20, gopher: 70, hostname: 101, irc: 194, klogin: 543, kshell: 544,
  login: 513, lpd: 515, nntp: 119, pop2: 109, pop3: 110, smtp: 25, sunrpc: 111, tacacs: 49, talk: 517,
  telnet: 23, time: 37, uucp: 540, whois: 43, www: 80, http: 80, https: 443, ssh: 22,
}
const UDP_PORTS: Record<string, number> = {
  biff: 512, bootpc: 68, bootps: 67, discard: 9, dns: 53, domain: 53, dnsix: 90, echo: 7,
  'mobilip-ag': 434, 'mobilip-mn': 435, nameserver: 42, 'netbios-dgm': 138, 'netbios-ns': 137,
  'netbios-ssn': 139, ntp: 123, rip: 520, snmp: 161, snmptrap: 162, sunrpc: 111, syslog: 514,
  'tacacs-ds': 65, talk: 517, tftp: 69, time: 37, who: 513, xdmcp: 177,
}

export function portNumber(token: string | undefined, protocol: number | undefined): number | undefined {
  if (token === undefined) return undefined
  if (/^\d{1,5}$/.test(token)) {
    const n = Number(token)
    return n <= 65535 ? n : undefined
  }
  const low = token.toLowerCase()
  return (protocol === 17 ? UDP_PORTS[low] : TCP_PORTS[low]) ?? undefined
}

/** `eq P`, `gt P`, `lt P`, `range P1 P2` starting at tokens[0]; returns the range and tokens used. */
export function parsePortOp(tokens: string[], protocol: number | undefined): {range: PortRange; used: number} | undefined {
  const op = tokens[0]?.toLowerCase()
  const a = portNumber(tokens[1], protocol)
  if (a === undefined) return undefined
  if (op === 'eq') return {range: {from: a, to: a}, used: 2}
  if (op === 'gt') return a < 65535 ? {range: {from: a + 1, to: 65535}, used: 2} : undefined
  if (op === 'lt') return a > 0 ? {range: {from: 0, to: a - 1}, used: 2} : undefined
  if (op === 'range') {
    const b = portNumber(tokens[2], protocol)
    if (b === undefined || b < a) return undefined
    return {range: {from: a, to: b}, used: 3}
  }
  return undefined
}
