import type {PortRange} from '../../model/index.js'
import type {ServiceMatch} from './acl-types.js'

const tcp = (...ports: (number | [number, number])[]): ServiceMatch => ({protocols: [6], dstPorts: ports.map(range)})
const udp = (...ports: (number | [number, number])[]): ServiceMatch => ({protocols: [17], dstPorts: ports.map(range)})
const range = (p: number | [number, number]): PortRange => (typeof p === 'number' ? {from: p, to: p} : {from: p[0], to: p[1]})

/**
 * `match protocol P` in an inspect class: layer-4 protocols match the whole protocol; application
 * names match by the system-defined Port-to-Application Mapping (PAM) table — the server port of
 * the session's first packet (Cisco IOS Security Configuration Guide, "Configuring Port to
 * Application Mapping"; `show ip port-map` lists these as "system defined"). Names absent here
 * make the class undecided rather than guessed.
 */
const PAM: Record<string, ServiceMatch[]> = {
  tcp: [{protocols: [6]}],
  udp: [{protocols: [17]}],
  icmp: [{protocols: [1]}],
  ftp: [tcp(21)],
  ftps: [tcp(990)],
  ssh: [tcp(22)],
  telnet: [tcp(23)],
  smtp: [tcp(25)],
  dns: [tcp(53), udp(53)],
  http: [tcp(80)],
  https: [tcp(443)],
  pop3: [tcp(110)],
  pop3s: [tcp(995)],
  imap: [tcp(143)],
  imaps: [tcp(993)],
  nntp: [tcp(119)],
  ldap: [tcp(389)],
  ldaps: [tcp(636)],
  msrpc: [tcp(135)],
  'ms-sql': [tcp(1433)],
  sqlnet: [tcp(1521)],
  h323: [tcp(1720)],
  pptp: [tcp(1723)],
  rtsp: [tcp(554, 8554)],
  sip: [tcp(5060), udp(5060)],
  exec: [tcp(512)],
  login: [tcp(513)],
  shell: [tcp(514)],
  tftp: [udp(69)],
  ntp: [udp(123)],
  snmp: [udp([161, 162])],
  syslog: [udp(514)],
  isakmp: [udp(500)],
  bootps: [udp(67)],
  bootpc: [udp(68)],
}

/** The services a `match protocol` name stands for, or undefined when not in the table. */
export function inspectProtocol(name: string): ServiceMatch[] | undefined {
  return PAM[name.toLowerCase()]
}
