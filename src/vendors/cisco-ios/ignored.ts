/**
 * Commands known to be irrelevant to every segaudit control, matched by leading words
 * (a `no` form of an entry is irrelevant too). Anything not here and not parsed is
 * reported as unrecognized, so an entry here is a claim: "this cannot change which
 * packets pass, which links exist, or how the device is administered".
 */

/** Global commands; for those that open a block, the whole block is irrelevant. */
const GLOBAL: readonly string[] = [
  // Housekeeping, timekeeping, logging, boot and platform resources.
  'version', 'service timestamps', 'service nagle', 'service pad', 'service tcp-keepalives-in',
  'service tcp-keepalives-out', 'service internal', 'service sequence-numbers', 'service compress-config',
  'service counters', 'service call-home', 'service dhcp', 'service config', 'service slave-log',
  'service unsupported-transceiver', 'service prompt', 'service linenumber', 'service alignment',
  'service password-encryption', 'service tcp-small-servers', 'service udp-small-servers',
  'boot', 'boot-start-marker', 'boot-end-marker', 'logging', 'ntp', 'clock', 'archive', 'alias',
  'memory', 'scheduler', 'exception', 'process', 'process-max-time', 'spd', 'license', 'platform',
  'hw-module', 'hw-switch', 'power', 'diagnostic', 'call-home', 'redundancy', 'control-plane',
  'mmi', 'multilink', 'card', 'module', 'system', 'switch', 'stack-mac', 'transceiver', 'subscriber',
  'virtual-service', 'iox', 'energywise', 'event', 'file', 'wsma', 'macro', 'template', 'parser',
  'privilege', 'security passwords', 'security authentication', 'login on-failure', 'login on-success',
  'login delay', 'login quiet-mode', 'enable algorithm-type', 'password encryption', 'key config-key',
  'cts', 'pnp', 'vstack', 'network-clock-participate', 'network-clock', 'errdisable', 'udld',
  'port-channel', 'lacp', 'pagp', 'mac address-table', 'mac-address-table', 'vtp', 'spanning-tree',
  'vlan internal', 'vlan dot1q', 'vlan accounting', 'cdp', 'lldp', 'device-tracking', 'dot1x',
  'authentication', 'aaa', 'tacacs-server', 'tacacs', 'radius-server', 'radius', 'ip radius',
  'ip tacacs', 'username', 'track',
  // Name resolution and host services of the device itself.
  'ip domain', 'ip domain-name', 'ip domain-lookup', 'ip domain-list', 'ip name-server', 'ip host',
  'ip dhcp', 'ipv6 dhcp', 'ip bootp', 'ip finger', 'ip ftp', 'ip tftp', 'ip rcmd', 'ip scp',
  'ip ssh', 'ip http', 'ip telnet', 'ip device', 'ip arp', 'ip igmp', 'ip msdp', 'ip options',
  'ip gratuitous-arps', 'ip tcp', 'ip icmp', 'ip source-route', 'ip subnet-zero', 'ip classless',
  'ip forward-protocol', 'ip cef', 'ipv6 cef', 'ip routing', 'ipv6 unicast-routing', 'ip multicast-routing',
  'ipv6 multicast-routing', 'ip pim', 'ip mroute', 'ip auth-proxy', 'ip admission', 'ip wccp',
  'ip accounting-threshold', 'ip flow-export', 'ip flow-cache', 'ip flow-top-talkers', 'flow',
  'ip nbar', 'ip vrf', 'vrf definition', 'ip multicast', 'ip default-network', 'ip local', 'ip sla',
  'ipv6 icmp', 'ipv6 nd', 'ipv6 neighbor', 'ipv6 general-prefix', 'ipv6 local', 'ip dns', 'ip ips',
  // Routing protocols and policy: analysis assumes a device may forward between any two of its
  // L3 interfaces (SPEC §5), so learned routes can never narrow a verdict.
  'router', 'ipv6 router', 'ip prefix-list', 'ipv6 prefix-list', 'route-map', 'ip community-list',
  'ip extcommunity-list', 'ip large-community-list', 'ip as-path', 'ip bgp-community', 'ip explicit-path',
  'key chain', 'mpls', 'bfd', 'bfd-template', 'segment-routing', 'ip ospf', 'ipv6 ospf', 'ip rip',
  'l2vpn', 'xconnect', 'pseudowire-class', 'bridge',
  // QoS marks or polices traffic but never separates zones.
  'class-map match-all', 'class-map match-any', 'class-map', 'policy-map', 'table-map', 'mls', 'qos',
  'auto qos', 'priority-list', 'queue-list',
  // Management-plane details with no control behind them.
  'snmp-server host', 'snmp-server location', 'snmp-server contact', 'snmp-server enable',
  'snmp-server trap', 'snmp-server trap-source', 'snmp-server source-interface', 'snmp-server ifindex',
  'snmp-server view', 'snmp-server engineID', 'snmp-server chassis-id', 'snmp-server packetsize',
  'snmp-server queue-length', 'snmp-server system-shutdown', 'snmp-server manager', 'snmp ifmib',
  'snmp mib', 'snmp-server tftp-server-list', 'snmp-server file-transfer', 'crypto pki trustpoint',
  'crypto pki certificate', 'crypto ca', 'crypto key', 'crypto pki', 'crypto engine', 'netconf',
  'gnxi', 'telemetry', 'dial-peer', 'voice', 'voice-card', 'telephony-service', 'sccp', 'stcapp',
  'wlccp', 'dot11', 'username', 'ethernet cfm', 'ethernet lmi', 'ethernet oam', 'sdm', 'alarm',
  'vlan database', 'nat64', 'ip traffic-export', 'location', 'rmon', 'no errdisable', 'gatekeeper',
  'upgrade', 'memory-size', 'ipv6 source-route', 'exit', 'ip default-gateway', 'vlan configuration',
]

/** Interface sub-commands. */
const INTERFACE: readonly string[] = [
  'duplex', 'speed', 'media-type', 'negotiation', 'mtu', 'ip mtu', 'ipv6 mtu', 'bandwidth', 'delay',
  'load-interval', 'keepalive', 'cdp', 'lldp', 'ip ospf', 'ipv6 ospf', 'ip router', 'isis', 'ip pim',
  'ipv6 pim', 'ip igmp', 'ip helper-address', 'ip redirects', 'ip unreachables', 'ip proxy-arp',
  'ip directed-broadcast', 'ip mroute-cache', 'ip route-cache', 'ip split-horizon', 'ip summary-address',
  'ip virtual-reassembly', 'ip virtual-reassembly-out', 'ip flow', 'ip tcp', 'ip verify', 'ip dhcp',
  'ip arp', 'ip mask-reply', 'ip accounting', 'ip authentication', 'ip hello-interval', 'ip hold-time',
  'ip bandwidth-percent', 'ip rip', 'ip nbar', 'ip cgmp', 'ip sap', 'ip local-proxy-arp',
  'ipv6 nd', 'ipv6 redirects', 'ipv6 unreachables', 'ipv6 enable', 'ipv6 dhcp', 'ipv6 rip', 'ipv6 eigrp',
  'ipv6 router', 'ipv6 verify', 'ipv6 mld', 'ipv6 flow', 'ipv6 address autoconfig', 'ipv6 address dhcp',
  'spanning-tree', 'storm-control', 'standby', 'vrrp', 'glbp', 'hold-queue', 'tx-ring-limit',
  'service-policy', 'mls', 'qos', 'auto', 'priority-queue', 'srr-queue', 'queue-set', 'power',
  'logging', 'snmp', 'carrier-delay', 'dampening', 'arp', 'udld', 'lacp', 'pagp', 'macsec',
  'authentication', 'dot1x', 'mab', 'device-tracking', 'ptp', 'mpls', 'bfd', 'tunnel', 'fair-queue',
  'clock', 'no clock', 'encapsulation ppp', 'encapsulation hdlc', 'encapsulation frame-relay',
  'ppp', 'peer', 'dialer', 'dialer-group', 'pvc', 'atm', 'dsl', 'framing', 'linecode', 'cablelength',
  'channel-protocol', 'flowcontrol', 'mdix', 'macro', 'switchport port-security', 'switchport protected',
  'switchport block', 'switchport backup', 'switchport priority', 'switchport host',
  'small-frame', 'crc', 'no keepalive', 'vtp', 'load-balance', 'platform', 'hw-module', 'energywise',
  'access-session', 'ip mfib', 'ip multicast', 'nat64', 'ip sticky-arp',
  'random-detect', 'shape', 'max-reserved-bandwidth', 'wrr-queue', 'rcv-queue', 'mac-address',
  'uc-tx-queue', 'service instance', 'ethernet', 'ip address-validation', 'ip ips', 'mop', 'full-duplex',
  'half-duplex', 'serial', 'ospfv3', 'ipv6 tcp', 'ntp', 'exit', 'no mop',
]

/** `line` block sub-commands. */
const LINE: readonly string[] = [
  'logging', 'stopbits', 'exec', 'session-timeout', 'absolute-timeout', 'length', 'width', 'history',
  'escape-character', 'speed', 'flowcontrol', 'location', 'authorization', 'accounting', 'rotary',
  'autoselect', 'modem', 'activation-character', 'international', 'ip netmask-format', 'motd-banner',
  'exec-banner', 'media-type', 'transport output', 'transport preferred', 'databits', 'parity',
  'terminal-type', 'notify', 'session-limit', 'vacant-message', 'refuse-message', 'timeout',
  'full-help', 'editing', 'lockable', 'data-character-bits', 'special-character-bits', 'exec-character-bits',
  'access-class', 'ipv6 access-class', 'password', 'privilege', 'login', 'transport', 'exec-timeout',
  'no exec', 'hold-character', 'start-character', 'stop-character', 'insecure', 'script', 'autocommand',
  'autohangup', 'disconnect-character', 'dispatch-character', 'dispatch-timeout', 'domain-lookup',
  'logout-warning', 'buffer-length', 'exit',
]

function matches(list: readonly string[], words: string[]): boolean {
  const w = words[0]?.toLowerCase() === 'no' || words[0]?.toLowerCase() === 'default' ? words.slice(1) : words
  const text = w.join(' ').toLowerCase()
  return list.some((p) => {
    const low = p.toLowerCase()
    return text === low || text.startsWith(`${low} `)
  })
}

export const isIrrelevantGlobal = (words: string[]): boolean => matches(GLOBAL, words)
export const isIrrelevantInterface = (words: string[]): boolean => matches(INTERFACE, words)
export const isIrrelevantLine = (words: string[]): boolean => matches(LINE, words)
