import type {IpFamily} from './device.js'
import type {SourceRef} from './source.js'

/** Inclusive port range. */
export interface PortRange {
  from: number
  to: number
}

export type AddressMatch =
  | {kind: 'any'}
  | {kind: 'prefix'; family: IpFamily; address: string; length: number}
  /** IPv4 address + wildcard: set wildcard bits are "don't care"; non-contiguous wildcards are legal. */
  | {kind: 'wildcard'; address: string; wildcard: string}
  | {kind: 'range'; family: IpFamily; first: string; last: string}

/** The header fields a rule matches on; a field left undefined matches anything. */
export interface PacketMatch {
  /** Union of address matches. `[]` matches nothing. */
  src: AddressMatch[]
  dst: AddressMatch[]
  srcNegate?: boolean
  dstNegate?: boolean
  /** IP protocol numbers (6 tcp, 17 udp, 1 icmp, 58 icmpv6…); undefined = any. */
  protocols?: number[]
  srcPorts?: PortRange[]
  dstPorts?: PortRange[]
  icmpTypes?: {type: number; code?: number}[]
  /** Only return traffic of an established session (`established`, conntrack ESTABLISHED/RELATED). */
  state?: 'established' | 'new'
  /** Restrict the family when the rule is family-specific without addresses (e.g. an IPv6 ACL). */
  family?: IpFamily
  /**
   * Interfaces the packet arrives on / leaves by, for filters bound globally that test them per rule
   * (Linux `-i`/`-o`). A name ending in `+` matches every interface whose name starts with the rest.
   * Undefined = any interface. Resolve them for one hop with `bindFilterInterfaces`.
   */
  inInterfaces?: string[]
  inInterfacesNegate?: boolean
  outInterfaces?: string[]
  outInterfacesNegate?: boolean
}

export interface FilterRule {
  /** Rule number, sequence, term or policy name: what the operator calls it. */
  id: string
  /** `unknown`: the parser could not understand the rule; the traffic it may match is undecided (fail closed). */
  action: 'permit' | 'deny' | 'unknown'
  match: PacketMatch
  /** Firewall policy zone constraints (device-local zone names); undefined = any zone. */
  fromZones?: string[]
  toZones?: string[]
  ref: SourceRef
  /** Extra lines that make up the rule (object definitions, multi-line terms). */
  refs?: SourceRef[]
  /** Why the action is `unknown` (e.g. "object X is an FQDN"): shown to the user. */
  reason?: string
}

export interface Filter {
  name: string
  kind: 'acl' | 'security-policy' | 'zone-policy' | 'chain'
  family?: IpFamily
  /** First match wins. */
  rules: FilterRule[]
  /** What happens when no rule matches (vendor default applied by the parser). */
  defaultAction: 'permit' | 'deny'
  defaultRef?: SourceRef
  /** Return traffic of a permitted session passes (firewalls, ZBF, conntrack). */
  stateful: boolean
  ref: SourceRef
}

export type FilterBinding =
  | {kind: 'interface'; filter: string; interface: string; direction: 'in' | 'out'; ref: SourceRef}
  | {kind: 'zone-pair'; filter: string; from: string; to: string; ref: SourceRef}
  | {kind: 'global'; filter: string; ref: SourceRef}
  /** Only traffic the device forwards (netfilter FORWARD). */
  | {kind: 'transit'; filter: string; ref: SourceRef}
  /** Only traffic addressed to the device itself (netfilter INPUT). */
  | {kind: 'local'; filter: string; ref: SourceRef}
  | {kind: 'management'; filter: string; line: string; ref: SourceRef}

/** A firewall security zone on one device (USG `firewall zone`, H3C `security-zone`, ASA nameif, SRX zone). */
export interface SecurityZone {
  name: string
  interfaces: string[]
  /** Priority / security-level where the platform has one. */
  level?: number
  ref: SourceRef
}

/**
 * The zone name a zone-restricted rule or a zone pair uses for "an interface in no security zone",
 * on platforms where such interfaces have their own semantics (IOS zone-based firewall: unzoned ↔
 * unzoned passes, unzoned ↔ zoned is dropped). Analyses evaluate a hop between an unzoned and a
 * zoned interface with this name on the unzoned side.
 */
export const UNZONED = '(unzoned)'
