import type {SourceLine} from '../common/text.js'

/** One `match …` line of a `class-map type inspect`. */
export type ClassStatement =
  | {kind: 'access-group'; acl: string; line: SourceLine}
  | {kind: 'protocol'; protocol: string; line: SourceLine}
  | {kind: 'class-map'; name: string; line: SourceLine}
  /** A match condition not modelled (`match not`, `match user-group`, …): the class is undecided. */
  | {kind: 'unsupported'; reason: string; line: SourceLine}

/** `class-map type inspect [match-any|match-all] NAME`; IOS defaults to match-all. */
export interface InspectClass {
  name: string
  matchAll: boolean
  header: SourceLine
  statements: ClassStatement[]
}

export type ZbfAction = 'inspect' | 'pass' | 'drop'

/** One `class type inspect C` (or `class class-default`) of an inspect policy-map with its action. */
export interface PolicyClass {
  className: string
  line: SourceLine
  action?: {kind: ZbfAction; line: SourceLine}
  /** A sub-command that may change what the class lets through (L7 policy, unknown action). */
  problem?: string
}

/** `policy-map type inspect NAME`: classes in order, then class-default (drop when not written). */
export interface InspectPolicy {
  name: string
  header: SourceLine
  classes: PolicyClass[]
  classDefault?: PolicyClass
}

/** `zone-pair security NAME source A destination B` and its `service-policy type inspect P`. */
export interface ZbfZonePair {
  name: string
  from: string
  to: string
  header: SourceLine
  policy?: {name: string; line: SourceLine}
}

/** Everything the zone-based firewall lines of one file say, resolved once the file is read. */
export interface ZbfState {
  zones: Map<string, SourceLine>
  members: {interface: string; zone: string; line: SourceLine}[]
  classes: Map<string, InspectClass>
  policies: Map<string, InspectPolicy>
  pairs: ZbfZonePair[]
  /** Applications re-mapped by `ip port-map`: their ports are no longer the system defaults. */
  remappedApplications: Set<string>
}

export function emptyZbfState(): ZbfState {
  return {zones: new Map(), members: [], classes: new Map(), policies: new Map(), pairs: [], remappedApplications: new Set()}
}
