import type {Finding, Severity} from '../model/index.js'
import type {AuditStatus} from '../report/types.js'

/** One side of the change, as audited. */
export interface DiffSide {
  inventory: string
  policy: {id: string; version: string}
  status: AuditStatus
  summary: Record<Severity, number>
}

/** Traffic between two zones that one side lets through and the other does not. */
export interface FlowChange {
  from: string
  to: string
  /** The changed packets summarized as services (`tcp/22`, `udp/161-162`, `icmp`, `any`). */
  services: string[]
  /** One concrete packet of the change (keys as in a `reach --flows` file: src, dst, proto, sport, dport). */
  witness: Record<string, string | number>
  /** `open`: the witness surely passes on the side that lets it through; `unknown`: it may (an undecided rule). */
  verdict: 'open' | 'unknown'
}

/** `segaudit diff --format json` (schema `segaudit/diff@1`, docs/diff.md). */
export interface DiffReport {
  schema: 'segaudit/diff@1'
  tool: {name: 'segaudit'; version: string}
  now: string
  failOn: Severity | 'none'
  /** `fail`: the change adds a finding at/above failOn; `incomplete`: AFTER could not be fully read. */
  status: AuditStatus
  before: DiffSide
  after: DiffSide
  findings: {added: Finding[]; removed: Finding[]; unchanged: number}
  /** Zone-to-zone reachability changes, per ordered pair of distinct zones. */
  flows: {opened: FlowChange[]; closed: FlowChange[]}
}
