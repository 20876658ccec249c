import type {AddressMatch, DeviceConfig, Interface, PortRange, SourceRef} from '../../model/index.js'
import type {CoverageRecorder} from '../common/coverage.js'
import type {ConfigNode} from './tree.js'

/** Protocol/port part of a match: one service item (an ACE may need several). */
export interface ServiceTerm {
  protocols?: number[]
  srcPorts?: PortRange[]
  dstPorts?: PortRange[]
  icmpTypes?: {type: number; code?: number}[]
}

/** A resolved reference, or why it cannot be known; `refs` are the object lines it went through. */
export type Resolved<T> = {ok: true; value: T; refs: SourceRef[]} | {ok: false; reason: string; refs: SourceRef[]}

export type ObjectKind = 'network' | 'service' | 'protocol' | 'icmp-type' | 'other'

/** `object …` / `object-group …` as written; resolved lazily (nesting, any order). */
export interface ObjectDef {
  name: string
  /** `object` or `object-group`. */
  group: boolean
  kind: ObjectKind
  /** Typed service groups (`object-group service N tcp`): the protocol of their port-objects. */
  serviceType?: string
  node: ConfigNode
  members: ConfigNode[]
}

/** An ASA interface with its firewall attributes. */
export interface AsaInterface {
  iface: Interface
  nameif?: string
  /** Explicit `security-level`; absent → 100 for nameif `inside`, else 0. */
  level?: number
  levelRef?: SourceRef
  managementOnly?: SourceRef
}

export interface AccessGroup {
  acl: string
  direction: 'in' | 'out' | 'global'
  nameif?: string
  ref: SourceRef
}

export interface AclLine {
  acl: string
  node: ConfigNode
  /** Tokens after `access-list NAME [line N]`. */
  words: string[]
}

/** One `ssh|telnet|http A M IF` line: who may open that management session on which interface. */
export interface BoxAccess {
  proto: 'ssh' | 'telnet' | 'http'
  src: AddressMatch
  nameif: string
  ref: SourceRef
}

export interface AsaContext {
  rec: CoverageRecorder
  config: DeviceConfig
  objects: Map<string, ObjectDef>
  /** `name A NAME` aliases usable in ACLs. */
  names: Map<string, string>
  interfaces: AsaInterface[]
  accessGroups: AccessGroup[]
  aclLines: AclLine[]
  sameSecurity: {inter?: SourceRef; intra?: SourceRef}
  /** Routes name their interface by nameif: resolved once every interface is read. */
  routeNameifs: Map<object, string>
  /** Management access lines, turned into to-the-box filters once every interface is read. */
  boxAccess: BoxAccess[]
  /** `http server enable [PORT]`: ASDM listens on PORT (443). */
  httpServer?: {port: number; ref: SourceRef}
  /** First `icmp permit|deny … IF` line per nameif: ICMP to that interface is then rule-driven. */
  icmpRules: Map<string, SourceRef>
}

export function unknown(ctx: AsaContext, node: ConfigNode, reason = 'unrecognized command', parent?: ConfigNode): void {
  ctx.rec.unrecognized(node.line, reason, parent?.line.text)
}

export function ref(ctx: AsaContext, node: ConfigNode): SourceRef {
  return ctx.rec.ref(node.line)
}

export type {AddressMatch}
