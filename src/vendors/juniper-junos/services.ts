/** Port and protocol names Junos accepts in filters and applications. */
const PORTS: Record<string, number> = {
  ftp: 21, 'ftp-data': 20, ssh: 22, telnet: 23, smtp: 25, domain: 53, dns: 53, tftp: 69, http: 80, www: 80,
  kerberos: 88, pop3: 110, sunrpc: 111, ntp: 123, 'netbios-ns': 137, 'netbios-dgm': 138, 'netbios-ssn': 139,
  imap: 143, snmp: 161, snmptrap: 162, bgp: 179, ldap: 389, https: 443, 'ike': 500, syslog: 514, ldp: 646,
  imaps: 993, pop3s: 995, socks: 1080, 'mssql': 1433, radius: 1812, radacct: 1813, mysql: 3306, rdp: 3389,
  postgresql: 5432, 'http-alt': 8080,
}

export const PROTOCOLS: Record<string, number> = {
  icmp: 1, igmp: 2, ipip: 4, tcp: 6, egp: 8, udp: 17, rsvp: 46, gre: 47, esp: 50, ah: 51, icmp6: 58, icmpv6: 58,
  ospf: 89, pim: 103, vrrp: 112, sctp: 132,
}

export function portNumber(text: string): number | undefined {
  if (/^\d{1,5}$/.test(text)) return Number(text) <= 65535 ? Number(text) : undefined
  return PORTS[text.toLowerCase()]
}

/** `80`, `http`, `1024-65535` → inclusive range. */
export function portRange(text: string): {from: number; to: number} | undefined {
  const m = /^([^-]+)-([^-]+)$/.exec(text)
  const lo = portNumber(m ? (m[1] as string) : text)
  const hi = m ? portNumber(m[2] as string) : lo
  return lo !== undefined && hi !== undefined && lo <= hi ? {from: lo, to: hi} : undefined
}

export function protocolNumber(text: string): number | undefined {
  if (/^\d{1,3}$/.test(text) && Number(text) <= 255) return Number(text)
  return PROTOCOLS[text.toLowerCase()]
}

export const ICMP_TYPES: Record<string, number> = {
  'echo-reply': 0, unreachable: 3, 'source-quench': 4, redirect: 5, 'echo-request': 8, 'router-advertisement': 9,
  'router-solicit': 10, 'time-exceeded': 11, 'parameter-problem': 12, timestamp: 13, 'timestamp-reply': 14,
  'info-request': 15, 'info-reply': 16, 'mask-request': 17, 'mask-reply': 18,
}

export interface AppTerm {
  protocol?: number
  srcPorts?: {from: number; to: number}[]
  dstPorts?: {from: number; to: number}[]
  icmpType?: number
}

/**
 * Predefined `junos-*` applications (Junos "Predefined Applications" table, the common ones). A
 * predefined name not listed here makes the policy unknown rather than guessed.
 */
export const PREDEFINED: Record<string, AppTerm[]> = {
  'junos-ftp': [{protocol: 6, dstPorts: [{from: 21, to: 21}]}],
  'junos-ssh': [{protocol: 6, dstPorts: [{from: 22, to: 22}]}],
  'junos-telnet': [{protocol: 6, dstPorts: [{from: 23, to: 23}]}],
  'junos-smtp': [{protocol: 6, dstPorts: [{from: 25, to: 25}]}],
  'junos-dns-udp': [{protocol: 17, dstPorts: [{from: 53, to: 53}]}],
  'junos-dns-tcp': [{protocol: 6, dstPorts: [{from: 53, to: 53}]}],
  'junos-tftp': [{protocol: 17, dstPorts: [{from: 69, to: 69}]}],
  'junos-http': [{protocol: 6, dstPorts: [{from: 80, to: 80}]}],
  'junos-pop3': [{protocol: 6, dstPorts: [{from: 110, to: 110}]}],
  'junos-ntp': [{protocol: 17, dstPorts: [{from: 123, to: 123}]}],
  'junos-imap': [{protocol: 6, dstPorts: [{from: 143, to: 143}]}],
  'junos-snmp-agentx': [{protocol: 6, dstPorts: [{from: 705, to: 705}]}],
  'junos-bgp': [{protocol: 6, dstPorts: [{from: 179, to: 179}]}],
  'junos-ldap': [{protocol: 6, dstPorts: [{from: 389, to: 389}]}],
  'junos-https': [{protocol: 6, dstPorts: [{from: 443, to: 443}]}],
  'junos-ike': [{protocol: 17, dstPorts: [{from: 500, to: 500}]}],
  'junos-syslog': [{protocol: 17, dstPorts: [{from: 514, to: 514}]}],
  'junos-imaps': [{protocol: 6, dstPorts: [{from: 993, to: 993}]}],
  'junos-ms-sql': [{protocol: 6, dstPorts: [{from: 1433, to: 1433}]}],
  'junos-radius': [{protocol: 17, dstPorts: [{from: 1812, to: 1812}]}],
  'junos-mysql': [{protocol: 6, dstPorts: [{from: 3306, to: 3306}]}],
  'junos-rdp': [{protocol: 6, dstPorts: [{from: 3389, to: 3389}]}],
  'junos-ping': [{protocol: 1, icmpType: 8}],
  'junos-icmp-ping': [{protocol: 1, icmpType: 8}],
  'junos-icmp-all': [{protocol: 1}],
  'junos-icmp6-all': [{protocol: 58}],
  'junos-pingv6': [{protocol: 58, icmpType: 128}],
  'junos-gre': [{protocol: 47}],
  'junos-ospf': [{protocol: 89}],
}
