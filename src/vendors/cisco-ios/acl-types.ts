import type {AddressMatch, IpFamily, PortRange} from '../../model/index.js'
import type {SourceLine} from '../common/text.js'

export type AclType = 'standard' | 'extended' | 'ipv6'

/** One ACL entry as written: its sequence (when given) and the words from the action on. */
export interface AclEntry {
  seq?: number
  line: SourceLine
  words: string[]
}

/** An ACL collected from numbered lines or a named block; rules are built once groups are known. */
export interface AclDraft {
  name: string
  type: AclType
  header: SourceLine
  entries: AclEntry[]
}

/** What a service matches: one alternative of a rule (protocol + ports or ICMP type). */
export interface ServiceMatch {
  protocols?: number[]
  srcPorts?: PortRange[]
  dstPorts?: PortRange[]
  icmpTypes?: {type: number; code?: number}[]
  established?: boolean
}

export type GroupItem<T> = {kind: 'item'; value: T} | {kind: 'group'; name: string}

export type ObjectGroup =
  | {kind: 'network'; name: string; family: IpFamily; header: SourceLine; items: GroupItem<AddressMatch>[]; broken?: string}
  | {kind: 'service'; name: string; header: SourceLine; items: GroupItem<ServiceMatch>[]; broken?: string}
