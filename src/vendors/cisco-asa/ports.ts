import type {PortRange} from '../../model/index.js'

/** ASA protocol keywords (`show run` prints these names instead of numbers). */
export const PROTOCOLS: Record<string, number> = {
  ah: 51,
  eigrp: 88,
  esp: 50,
  gre: 47,
  icmp: 1,
  icmp6: 58,
  igmp: 2,
  igrp: 9,
  ipinip: 4,
  ipsec: 50,
  nos: 94,
  ospf: 89,
  pcp: 108,
  pim: 103,
  pptp: 47,
  sctp: 132,
  snp: 109,
  tcp: 6,
  udp: 17,
}

// ASA port literals (Cisco "Protocols and Applications" table); tcp and udp names differ.
const TCP_PORTS: Record<string, number> = {
  aol: 5190, bgp: 179, chargen: 19, cifs: 3020, 'citrix-ica': 1494, cmd: 514, ctiqbe: 2748, daytime: 13,
  discard: 9, domain: 53, echo: 7, exec: 512, finger: 79, ftp: 21, 'ftp-data': 20, gopher: 70, h323: 1720,
  hostname: 101, http: 80, https: 443, ident: 113, imap4: 143, irc: 194, kerberos: 88, klogin: 543,
  kshell: 544, ldap: 389, ldaps: 636, login: 513, lotusnotes: 1352, lpd: 515, 'netbios-ssn': 139, nfs: 2049,
  nntp: 119, 'pcanywhere-data': 5631, 'pim-auto-rp': 496, pop2: 109, pop3: 110, pptp: 1723, rsh: 514,
  rtsp: 554, sip: 5060, smtp: 25, sqlnet: 1521, ssh: 22, sunrpc: 111, tacacs: 49, talk: 517, telnet: 23,
  uucp: 540, whois: 43, www: 80,
}
const UDP_PORTS: Record<string, number> = {
  biff: 512, bootpc: 68, bootps: 67, cifs: 3020, discard: 9, dnsix: 195, domain: 53, echo: 7, http: 80,
  isakmp: 500, kerberos: 88, 'mobile-ip': 434, nameserver: 42, 'netbios-dgm': 138, 'netbios-ns': 137, nfs: 2049,
  ntp: 123, 'pcanywhere-status': 5632, 'pim-auto-rp': 496, radius: 1645, 'radius-acct': 1646, rip: 520,
  'secureid-udp': 5510, sip: 5060, snmp: 161, snmptrap: 162, sunrpc: 111, syslog: 514, tacacs: 49, talk: 517,
  tftp: 69, time: 37, vxlan: 4789, who: 513, www: 80, xdmcp: 177,
}

export const ICMP_TYPES: Record<string, number> = {
  'echo-reply': 0, unreachable: 3, 'source-quench': 4, redirect: 5, 'alternate-address': 6, echo: 8,
  'router-advertisement': 9, 'router-solicitation': 10, 'time-exceeded': 11, 'parameter-problem': 12,
  'timestamp-request': 13, 'timestamp-reply': 14, 'information-request': 15, 'information-reply': 16,
  'mask-request': 17, 'mask-reply': 18, traceroute: 30, 'conversion-error': 31, 'mobile-redirect': 32,
}
export const ICMP6_TYPES: Record<string, number> = {
  unreachable: 1, 'packet-too-big': 2, 'time-exceeded': 3, 'parameter-problem': 4, echo: 128, 'echo-reply': 129,
  'membership-query': 130, 'membership-report': 131, 'membership-reduction': 132, 'router-solicitation': 133,
  'router-advertisement': 134, 'neighbor-solicitation': 135, 'neighbor-advertisement': 136,
  'neighbor-redirect': 137, 'router-renumbering': 138,
}

export function protocolNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word) <= 255 ? Number(word) : undefined
  return PROTOCOLS[word.toLowerCase()]
}

/**
 * A port literal for the given protocols (6, 17 or both): a number, or a name that means the
 * same port for each of them; undefined when unknown or ambiguous.
 */
export function portNumber(word: string, protocols: number[]): number | undefined {
  if (/^\d+$/.test(word)) return Number(word) <= 65535 ? Number(word) : undefined
  const low = word.toLowerCase()
  const values = protocols.map((p) => (p === 6 ? TCP_PORTS[low] : p === 17 ? UDP_PORTS[low] : undefined))
  const first = values[0]
  return first !== undefined && values.every((v) => v === first) ? first : undefined
}

export const PORT_OPERATORS = new Set(['eq', 'neq', 'lt', 'gt', 'range'])

/** `eq P | neq P | lt P | gt P | range A B` at `i` → ranges and the index after it. */
export function portOperator(words: string[], i: number, protocols: number[]): {ranges: PortRange[]; next: number} | undefined {
  const op = words[i]?.toLowerCase()
  const a = portNumber(words[i + 1] ?? '', protocols)
  if (a === undefined) return undefined
  if (op === 'eq') return {ranges: [{from: a, to: a}], next: i + 2}
  if (op === 'neq') return {ranges: [...(a > 0 ? [{from: 0, to: a - 1}] : []), ...(a < 65535 ? [{from: a + 1, to: 65535}] : [])], next: i + 2}
  if (op === 'lt') return a > 0 ? {ranges: [{from: 0, to: a - 1}], next: i + 2} : {ranges: [], next: i + 2}
  if (op === 'gt') return a < 65535 ? {ranges: [{from: a + 1, to: 65535}], next: i + 2} : {ranges: [], next: i + 2}
  if (op === 'range') {
    const b = portNumber(words[i + 2] ?? '', protocols)
    if (b === undefined || b < a) return undefined
    return {ranges: [{from: a, to: b}], next: i + 3}
  }
  return undefined
}

/** Protocols a port literal is read against: tcp-udp groups use both tables. */
export function portProtocols(protocols: number[] | undefined): number[] {
  return protocols && protocols.length > 0 ? protocols.filter((p) => p === 6 || p === 17) : [6, 17]
}
