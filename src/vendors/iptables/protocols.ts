import type {IpFamily} from '../../model/index.js'
import type {IcmpType} from './condition.js'

/** `-p` names as /etc/protocols spells them (iptables resolves through it). */
const PROTOCOLS: Record<string, number> = {
  icmp: 1,
  igmp: 2,
  ipencap: 4,
  ipip: 4,
  tcp: 6,
  egp: 8,
  udp: 17,
  dccp: 33,
  ipv6: 41,
  rsvp: 46,
  gre: 47,
  esp: 50,
  ah: 51,
  'ipv6-icmp': 58,
  icmpv6: 58,
  'ipv6-nonxt': 59,
  eigrp: 88,
  ospf: 89,
  ospfigp: 89,
  pim: 103,
  vrrp: 112,
  l2tp: 115,
  sctp: 132,
  mh: 135,
  'ipv6-mh': 135,
  udplite: 136,
}

/** Protocol number; `all`/`0` is undefined (any); NaN when unknown. */
export function protocolNumber(text: string): number | undefined {
  const t = text.toLowerCase()
  if (t === 'all' || t === '0') return undefined
  if (/^\d{1,3}$/.test(t) && Number(t) <= 255) return Number(t)
  return PROTOCOLS[t] ?? Number.NaN
}

const ICMP4: Record<string, IcmpType> = {
  'echo-reply': {type: 0},
  pong: {type: 0},
  'destination-unreachable': {type: 3},
  'network-unreachable': {type: 3, code: 0},
  'host-unreachable': {type: 3, code: 1},
  'protocol-unreachable': {type: 3, code: 2},
  'port-unreachable': {type: 3, code: 3},
  'fragmentation-needed': {type: 3, code: 4},
  'source-route-failed': {type: 3, code: 5},
  'network-prohibited': {type: 3, code: 9},
  'host-prohibited': {type: 3, code: 10},
  'communication-prohibited': {type: 3, code: 13},
  'source-quench': {type: 4},
  redirect: {type: 5},
  'echo-request': {type: 8},
  ping: {type: 8},
  'router-advertisement': {type: 9},
  'router-solicitation': {type: 10},
  'time-exceeded': {type: 11},
  'ttl-exceeded': {type: 11},
  'ttl-zero-during-transit': {type: 11, code: 0},
  'ttl-zero-during-reassembly': {type: 11, code: 1},
  'parameter-problem': {type: 12},
  'timestamp-request': {type: 13},
  'timestamp-reply': {type: 14},
  'address-mask-request': {type: 17},
  'address-mask-reply': {type: 18},
}

const ICMP6: Record<string, IcmpType> = {
  'destination-unreachable': {type: 1},
  'no-route': {type: 1, code: 0},
  'communication-prohibited': {type: 1, code: 1},
  'address-unreachable': {type: 1, code: 3},
  'port-unreachable': {type: 1, code: 4},
  'packet-too-big': {type: 2},
  'time-exceeded': {type: 3},
  'ttl-exceeded': {type: 3},
  'parameter-problem': {type: 4},
  'echo-request': {type: 128},
  ping: {type: 128},
  'echo-reply': {type: 129},
  pong: {type: 129},
  'router-solicitation': {type: 133},
  'router-advertisement': {type: 134},
  'neighbour-solicitation': {type: 135},
  'neighbor-solicitation': {type: 135},
  'neighbour-advertisement': {type: 136},
  'neighbor-advertisement': {type: 136},
  redirect: {type: 137},
}

/** `--icmp-type 8`, `8/0`, `echo-request`; `any` is undefined (every type); null when not understood. */
export function icmpType(text: string, family: IpFamily): IcmpType | undefined | null {
  const t = text.toLowerCase()
  if (t === 'any') return undefined
  const m = /^(\d{1,3})(?:\/(\d{1,3}))?$/.exec(t)
  if (m) {
    const type = Number(m[1])
    if (type > 255 || (m[2] !== undefined && Number(m[2]) > 255)) return null
    return m[2] === undefined ? {type} : {type, code: Number(m[2])}
  }
  return (family === 4 ? ICMP4 : ICMP6)[t] ?? null
}

/** Service names iptables accepts for ports (resolved through /etc/services); iptables-save prints numbers. */
const SERVICES: Record<string, number> = {
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  domain: 53,
  http: 80,
  pop3: 110,
  ntp: 123,
  imap: 143,
  snmp: 161,
  ldap: 389,
  https: 443,
  syslog: 514,
  imaps: 993,
  pop3s: 995,
  'ms-sql-s': 1433,
  mysql: 3306,
  'ms-wbt-server': 3389,
  postgresql: 5432,
}

/** A port number or service name; undefined when not understood. */
export function portNumber(text: string): number | undefined {
  if (/^\d{1,5}$/.test(text)) return Number(text) <= 65535 ? Number(text) : undefined
  return SERVICES[text.toLowerCase()]
}
