/**
 * Commands known to be irrelevant to every control: they shape neither addressing, L2 membership,
 * filtering, routing to a zone, accounts nor management access. Lines matching them count as
 * recognized. Anything not listed here (or parsed elsewhere) is reported as unrecognized.
 * Matching is on whole words at the start of the line, case-insensitive, with or without `undo`.
 */
const GLOBAL_COMMANDS = [
  'version', 'clock', 'copyright-info', 'irf', 'irf-port-configuration', 'dns', 'lldp', 'system-working-mode',
  'password-recovery', 'stp', 'l2vpn', 'info-center', 'ntp-service', 'sntp', 'ftp client', 'ssh client',
  'sftp client', 'tftp client', 'telnet client', 'scheduler', 'qos', 'domain default', 'domain if-unknown', 'xbar',
  'lpu-type', 'mac-address', 'arp', 'dhcp', 'dhcp-snooping', 'ip ttl-expires', 'ip unreachables', 'ip redirects',
  'cluster', 'ndp', 'ntdp', 'voice vlan', 'voice-vlan', 'mirroring-group', 'port-security', 'dot1x',
  'mac-authentication', 'loopback-detection', 'link-aggregation', 'netconf', 'public-key local', 'public-key peer', 'ssh user',
  'ssh server', 'ssh2', 'telnet server', 'ip http', 'ip https', 'ftp server', 'ftp timeout', 'igmp-snooping',
  'mld-snooping', 'multicast', 'ipv6', 'fan', 'power-supply', 'temperature-limit', 'hardware-resource',
  'configuration', 'ssl', 'pki', 'crypto', 'rsa', 'peer-public-key end', 'bfd', 'lacp', 'jumboframe',
  'gratuitous-arp', 'ip host', 'ipv6 host', 'ip ip-prefix', 'ip prefix-list', 'ipv6 prefix', 'ip community-list',
  'ip as-path', 'ip extcommunity-list', 'vlan-mapping', 'ip source', 'udp-helper', 'ip forward-broadcast', 'sflow',
  'netstream', 'ip netstream', 'ntp', 'cwmp', 'web', 'vcf-fabric', 'dldp', 'gvrp', 'mvrp', 'load-sharing', 'ecmp',
  'poe', 'smart-link', 'monitor-link', 'rrpp', 'erps', 'evb', 'port-isolate', 'mac-vlan', 'time-range',
  'acl logging', 'acl trap', 'acl ipv6 logging', 'acl accelerate', 'acl copy', 'ip route-static default-preference',
  'ipv6 route-static default-preference', 'firewall enable', 'undo firewall enable', 'sftp server', 'scp server',
  'local-user-export', 'packet-filter statistics', 'nqa', 'track', 'ip vpn-instance', 'router id', 'mdc',
  'ip-subnet-vlan', 'protocol-vlan', 'vlan ignore', 'gvrp', 'ospf', 'ip pim', 'pim', 'igmp', 'mpls',
  'flow-interval', 'reboot', 'dhcp server', 'user-interface maximum-vty', 'line maximum-vty', 'hwtacacs nas-ip',
  'radius nas-ip', 'radius scheduler', 'radius session-control', 'domain default enable', 'ip pool',
  'undo ip http acl', 'tcp', 'ip tcp', 'snmp-agent trap', 'mac-address-table', 'user-group', 'lldp global',
  'interface range', 'ipsec', 'ike', 'vxlan', 'evpn', 'ip icmp', 'flow-control', 'security-policy-switch',
  'session', 'aspf', 'attack-defense', 'blacklist', 'connection-limit', 'ip urpf',
]

/** Views (column-0 headers) whose whole content is irrelevant. */
const VIEWS = [
  'ip vpn-instance', 'ipv6 vpn-instance', 'bgp', 'ospf', 'ospfv3', 'rip', 'ripng', 'isis', 'stp region-configuration',
  'traffic classifier', 'traffic behavior', 'qos policy', 'qos map-table', 'radius scheme', 'hwtacacs scheme',
  'ldap scheme', 'domain', 'role name', 'user-group', 'irf-port', 'dhcp server ip-pool', 'ip pool', 'nqa entry',
  'route-policy', 'igmp-snooping', 'mld-snooping', 'public-key peer', 'rsa peer-public-key', 'public-key local',
  'pki domain', 'pki entity', 'ssl server-policy', 'ssl client-policy', 'cwmp', 'mpls ldp', 'l2vpn',
  'vsi', 'multicast routing', 'pim', 'ike proposal', 'ike profile', 'ike keychain', 'ipsec policy', 'ipsec transform-set',
  'object-group', 'smart-link group', 'rrpp domain', 'policy-based-route', 'user-profile', 'portal',
  'scheduler job', 'scheduler schedule', 'mdc', 'telemetry', 'grpc', 'ospf area', 'vlan-mapping',
]

function startsWithWords(text: string, prefix: string): boolean {
  return text === prefix || text.startsWith(`${prefix} `)
}

function normalize(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^undo /, '')
}

export function isIrrelevantCommand(text: string): boolean {
  const t = normalize(text)
  return GLOBAL_COMMANDS.some((p) => startsWithWords(t, p))
}

export function isIrrelevantView(text: string): boolean {
  const t = normalize(text)
  return VIEWS.some((p) => startsWithWords(t, p))
}
