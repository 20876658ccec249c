/** IP protocol keywords IOS accepts in ACLs (`ip`/`ipv6` mean any and are handled apart). */
export const PROTOCOLS: Record<string, number> = {
  icmp: 1, igmp: 2, ipinip: 4, tcp: 6, udp: 17, gre: 47, esp: 50, ahp: 51, eigrp: 88, ospf: 89,
  nos: 94, pim: 103, pcp: 108, sctp: 132, hbh: 0,
}

const TCP_PORTS: Record<string, number> = {
  bgp: 179, chargen: 19, cmd: 514, daytime: 13, discard: 9, domain: 53, drip: 3949, echo: 7, exec: 512,
  finger: 79, ftp: 21, 'ftp-data': 20, gopher: 70, hostname: 101, ident: 113, irc: 194, klogin: 543,
  kshell: 544, login: 513, lpd: 515, msrpc: 135, nntp: 119, 'onep-plain': 15001, 'onep-tls': 15002,
  'pim-auto-rp': 496, pop2: 109, pop3: 110, smtp: 25, sunrpc: 111, tacacs: 49, talk: 517, telnet: 23,
  time: 37, uucp: 540, whois: 43, www: 80,
}

const UDP_PORTS: Record<string, number> = {
  biff: 512, bootpc: 68, bootps: 67, discard: 9, dnsix: 195, domain: 53, echo: 7, isakmp: 500,
  'mobile-ip': 434, nameserver: 42, 'netbios-dgm': 138, 'netbios-ns': 137, 'netbios-ss': 139,
  non500_isakmp: 4500, 'non500-isakmp': 4500, ntp: 123, 'pim-auto-rp': 496, rip: 520, ripv6: 521,
  snmp: 161, snmptrap: 162, sunrpc: 111, syslog: 514, tacacs: 49, talk: 517, tftp: 69, time: 37,
  who: 513, xdmcp: 177,
}

/** Port number or IOS port name for the protocol; undefined when unknown. */
export function portNumber(text: string, protocol: number | undefined): number | undefined {
  if (/^\d{1,5}$/.test(text)) {
    const n = Number(text)
    return n <= 65535 ? n : undefined
  }
  const low = text.toLowerCase()
  if (protocol === 6) return TCP_PORTS[low]
  if (protocol === 17) return UDP_PORTS[low]
  // tcp-udp service groups: a name must mean the same port for both.
  const t = TCP_PORTS[low]
  return t !== undefined && t === UDP_PORTS[low] ? t : undefined
}

type IcmpType = {type: number; code?: number}

const ICMP4: Record<string, IcmpType> = {
  'echo-reply': {type: 0}, unreachable: {type: 3}, 'net-unreachable': {type: 3, code: 0},
  'host-unreachable': {type: 3, code: 1}, 'protocol-unreachable': {type: 3, code: 2},
  'port-unreachable': {type: 3, code: 3}, 'packet-too-big': {type: 3, code: 4},
  'source-route-failed': {type: 3, code: 5}, 'network-unknown': {type: 3, code: 6},
  'host-unknown': {type: 3, code: 7}, 'host-isolated': {type: 3, code: 8},
  'dod-net-prohibited': {type: 3, code: 9}, 'dod-host-prohibited': {type: 3, code: 10},
  'net-tos-unreachable': {type: 3, code: 11}, 'host-tos-unreachable': {type: 3, code: 12},
  'administratively-prohibited': {type: 3, code: 13}, 'host-precedence-unreachable': {type: 3, code: 14},
  'precedence-unreachable': {type: 3, code: 15}, 'source-quench': {type: 4}, redirect: {type: 5},
  'net-redirect': {type: 5, code: 0}, 'host-redirect': {type: 5, code: 1},
  'net-tos-redirect': {type: 5, code: 2}, 'host-tos-redirect': {type: 5, code: 3},
  'alternate-address': {type: 6}, echo: {type: 8}, 'router-advertisement': {type: 9},
  'router-solicitation': {type: 10}, 'time-exceeded': {type: 11}, 'ttl-exceeded': {type: 11, code: 0},
  'reassembly-timeout': {type: 11, code: 1}, 'parameter-problem': {type: 12},
  'general-parameter-problem': {type: 12, code: 0}, 'option-missing': {type: 12, code: 1},
  'timestamp-request': {type: 13}, 'timestamp-reply': {type: 14}, 'information-request': {type: 15},
  'information-reply': {type: 16}, 'mask-request': {type: 17}, 'mask-reply': {type: 18},
  traceroute: {type: 30}, 'conversion-error': {type: 31}, 'mobile-redirect': {type: 32},
}

const ICMP6: Record<string, IcmpType> = {
  unreachable: {type: 1}, 'no-admin': {type: 1, code: 1}, 'no-route': {type: 1, code: 0},
  'packet-too-big': {type: 2}, 'time-exceeded': {type: 3}, 'hop-limit': {type: 3, code: 0},
  'reassembly-timeout': {type: 3, code: 1}, 'parameter-problem': {type: 4}, 'echo-request': {type: 128},
  'echo-reply': {type: 129}, 'mld-query': {type: 130}, 'mld-report': {type: 131}, 'mld-reduction': {type: 132},
  'router-solicitation': {type: 133}, 'router-advertisement': {type: 134}, 'nd-ns': {type: 135},
  'nd-na': {type: 136}, redirect: {type: 137},
}

export function icmpTypeByName(name: string, v6: boolean): IcmpType | undefined {
  return (v6 ? ICMP6 : ICMP4)[name.toLowerCase()]
}
