/**
 * Commands known to be irrelevant to every control, counted as recognized.
 * Each group says why it cannot change a finding. Anything not listed here and not parsed
 * is reported as unrecognized: an unknown line is never silently dropped.
 *
 * Deliberately NOT listed (they can move traffic or join segments, so they stay unrecognized
 * until parsed): `traffic classifier/behavior/policy`, `traffic-policy`, `nat`, `vsi`,
 * `l2 binding vsi`, `mpls l2vc`, `port-group`, `voice-vlan`, `wlan`, `sdn agent`, `super-vlan`.
 */

/** Top-level views skipped together with their whole body. */
export const IGNORED_VIEWS: readonly string[] = [
  // Logging, time, housekeeping, hardware and licensing.
  'info-center', 'undo info-center', 'clock', 'ntp-service', 'undo ntp-service', 'set', 'board', 'device',
  'system', 'license', 'cpu-defend', 'cpu-usage', 'memory-usage', 'temperature', 'power', 'fan',
  'assign', 'stack', 'virtual-system', 'ops', 'undo ops', 'sflow', 'netstream', 'ip netstream', 'sysmon', 'alarm',
  'undo alarm', 'snmp-agent trap', 'error-down', 'http timeout', 'capture-packet', 'ftp client-source',
  'undo ftp ipv6', 'tftp client-source', 'undo ftp client-source', 'lnp', 'undo lnp', 'vcmp',
  'undo vcmp', 'drop-profile', 'drop illegal-mac', 'diffserv', 'qos', 'dcb', 'undo dcb', 'mac-address',
  'undo mac-address', 'undo user-security-policy', 'user-security-policy', 'language-mode', 'anti-attack',
  'undo anti-attack', 'icmp', 'undo icmp', 'dns', 'ip host', 'undo http', 'web', 'pki', 'ssl', 'undo ssl',
  'ecc', 'dsa', 'rsa', 'http server-source', 'vm-manager', 'evpn-overlay', 'evpn', 'bridge-domain',
  'portal', 'free-rule-template', 'portal-access-profile', 'mac-access-profile', 'dot1x-access-profile',
  'authentication-profile', 'undo authentication', 'dot1x', 'undo dot1x', 'mac-authen', 'domain',
  'radius-server', 'hwtacacs-server', 'hwtacacs', 'undo hwtacacs', 'cluster', 'ntdp', 'ndp', 'undo ntdp',
  'undo ndp', 'dhcp', 'undo dhcp', 'ip pool', 'ipv6 pool', 'arp', 'undo arp', 'nd', 'ipv6 nd',
  'multicast', 'undo multicast', 'igmp-snooping', 'mld-snooping', 'pim', 'bfd', 'undo bfd', 'nqa', 'track',
  'ip ip-prefix', 'ip ipv6-prefix', 'ip as-path-filter', 'ip community-filter', 'ip extcommunity-filter',
  'route-policy', 'load-balance-profile', 'load-balance', 'lacp', 'lldp', 'undo lldp', 'stp', 'undo stp',
  'rrpp', 'erps', 'smart-link', 'monitor-link', 'loopback-detect', 'mad', 'dldp', 'undo dldp', 'efm', 'cfm',
  'telnet client-source', 'ssh client', 'ssh server', 'ssh authorization-type', 'ssh user', 'ssh server-source',
  'ssh ipv6', 'undo ssh', 'scp', 'sftp client-source', 'user-interface maximum-vty', 'command-privilege',
  'snmp-agent local-engineid', 'snmp-agent target-host', 'snmp-agent mib-view', 'snmp-agent usm-user',
  'snmp-agent group', 'snmp-agent protocol', 'snmp-agent packet', 'snmp-agent notification-log',
  'snmp-agent trap-enable', 'snmp-agent extend', 'snmp-agent inform', 'snmp-agent source-interface',
  'snmp-agent acl', 'undo snmp-agent trap', 'undo snmp-agent protocol', 'snmp-agent mib',
  'http secure-server ssl-policy', 'l2protocol-tunnel', 'detect-group', 'detect-list', 'autostart', 'voice',
  'radius', 'ip rpf-longest-match', 'capwap',
  'ipv6$', 'undo ipv6$', 'ip vpn-instance', 'ip ttl-expires', 'ip unreachables',
  // Dynamic routing. Reachability over-approximates routing (SPEC §5: a device may forward between
  // any two of its L3 interfaces), so routing protocol and VRF route-target settings cannot
  // turn an "isolated" verdict into a wrong one.
  'ospf', 'ospfv3', 'isis', 'bgp', 'rip', 'ripng', 'mpls', 'undo mpls', 'mpls lsr-id', 'mpls ldp',
  'mpls l2vpn', 'mpls te', 'segment-routing', 'tunnel-policy', 'tunnel-selector', 'ip route-static default-preference',
  'ip route-static bfd', 'vrrp', 'undo vrrp', 'explicit-path', 'route recursive-lookup',
  // M-LAG/stacking control planes (the member links themselves are interfaces).
  'dfs-group', 'm-lag', 'e-trunk', 'lacp m-lag', 'css', 'istack',
]

/** Commands inside `interface …` that change nothing a control reads. */
export const IGNORED_INTERFACE_COMMANDS: readonly string[] = [
  'mtu', 'jumboframe', 'speed', 'duplex', 'negotiation', 'undo negotiation', 'auto', 'flow-control',
  'stp', 'undo stp', 'lldp', 'undo lldp', 'ntdp', 'ndp', 'undo ntdp', 'undo ndp', 'bpdu', 'loopback-detect',
  'isis', 'ospf', 'ospfv3', 'ripng', 'rip', 'pim', 'igmp', 'mld', 'bfd', 'vrrp', 'vrrp6', 'dhcp', 'undo dhcp',
  'dhcpv6', 'ipv6 nd', 'undo ipv6 nd', 'ipv6 mtu', 'ipv6 enable', 'ipv6 address auto', 'arp', 'undo arp',
  'mode', 'lacp', 'load-balance', 'trust', 'qos', 'port-queue', 'statistic', 'statistics', 'set flow-stat',
  'storm-control', 'broadcast-suppression', 'multicast-suppression', 'unicast-suppression', 'device',
  'port crc-statistics', 'port-mode', 'fec', 'port media', 'carrier', 'undo carrier', 'ip netstream',
  'netstream', 'sflow', 'mac-address', 'undo mac-address', 'mac-limit', 'port-security', 'dot1x',
  'mac-authen', 'authentication-profile', 'undo icmp', 'icmp', 'undo ip redirects', 'ip redirects',
  'ip urpf', 'link-protocol', 'ppp', 'virtual-cable-test', 'port-isolate',
  'mpls$', 'mpls te', 'mpls ldp', 'mpls rsvp-te', 'undo mpls$', 'dfs-group', 'peer-link', 'm-lag',
  'vlan-swap', 'tunnel-protocol', 'source', 'destination', 'l2protocol-tunnel', 'undo enable snmp',
  'enable snmp', 'loopback', 'timer', 'jumbo', 'set', 'error-down', 'damp',
  'port link-flap', 'undo port link-flap', 'eee', 'poe', 'undo poe', 'efm', 'cfm', 'dldp', 'lnp',
]
// `port-isolate` only restricts forwarding: ignoring it over-approximates connectivity.

/** Does the command match one of the phrases? A trailing `$` asks for the whole command. */
export function matchesPhrase(words: string[], phrases: readonly string[]): boolean {
  const low = words.map((w) => w.toLowerCase())
  return phrases.some((phrase) => {
    const exact = phrase.endsWith('$')
    const p = (exact ? phrase.slice(0, -1) : phrase).split(' ')
    if (exact ? low.length !== p.length : low.length < p.length) return false
    return p.every((w, i) => low[i] === w)
  })
}
