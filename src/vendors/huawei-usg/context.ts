import type {AddressMatch, DeviceConfig, ManagementService, PortRange, SourceRef} from '../../model/index.js'
import type {CoverageRecorder} from '../common/coverage.js'
import type {ConfigNode} from './tree.js'

/** Protocol/port part of a match: one service item (a rule may need several). */
export interface ServiceTerm {
  protocols?: number[]
  srcPorts?: PortRange[]
  dstPorts?: PortRange[]
  icmpTypes?: {type: number; code?: number}[]
}

/** What an address or service reference resolves to: a value, or why it cannot be known. */
export type Resolved<T> = {ok: true; value: T; refs: SourceRef[]} | {ok: false; reason: string; refs: SourceRef[]}

/** `ip address-set` as written: members resolved lazily (sets may nest and come in any order). */
export interface AddressSetDef {
  name: string
  members: {node: ConfigNode; words: string[]}[]
  ref: SourceRef
}

export interface ServiceSetDef {
  name: string
  members: {node: ConfigNode; words: string[]}[]
  ref: SourceRef
}

/** Shared state of one parseConfig run. */
export interface UsgContext {
  rec: CoverageRecorder
  config: DeviceConfig
  addressSets: Map<string, AddressSetDef>
  serviceSets: Map<string, ServiceSetDef>
  /** `security-policy` views in order (normally one). */
  policies: ConfigNode[]
  /** Global server switches (`telnet server enable`…), applied to per-interface `service-manage`. */
  globalServices: Map<string, boolean>
  /** Per-interface `service-manage` entries: off when the global server is off. */
  interfaceServices: ManagementService[]
}

export function unknown(ctx: UsgContext, node: ConfigNode, reason = 'unrecognized command', parent?: ConfigNode): void {
  ctx.rec.unrecognized(node.line, reason, parent?.line.text)
}

export function ref(ctx: UsgContext, node: ConfigNode): SourceRef {
  return ctx.rec.ref(node.line)
}

export type {AddressMatch}
