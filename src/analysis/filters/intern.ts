import {createHash} from 'node:crypto'
import type {Filter} from '../../model/index.js'
import type {FrozenDiagram} from '../packetset/frozen-diagram.js'
import type {PacketSet, PacketSpace} from '../packetset/index.js'

/**
 * What compiled filters with the same rules share: the diagram and every set built from it.
 * Real networks apply one template on many devices, and shadow analysis recompiles what
 * reachability compiled; both then cost one lookup while the table still has it.
 */
export interface FilterCore {
  readonly diagram: FrozenDiagram
  /** Verdict sets by verdict (or 'default'), built on first use. */
  readonly verdictSets: Map<string, PacketSet>
  /** Decided sets by rule index, built on first use. */
  readonly decided: Map<number, PacketSet>
  present?: Set<number>
}

/**
 * Recently used cores per space (sets of different spaces don't mix), least recently used first,
 * bounded by the bytes of their diagrams. Not weak references: a WeakRef keeps its target alive
 * until the current job ends, so compiling 1,000 filters in one synchronous loop kept every
 * diagram (190 MB on the benchmark) — a bounded table keeps templates and drops the rest.
 */
interface Table {
  cores: Map<string, FilterCore>
  bytes: number
}

/** Room for ~170 diagrams of the benchmark's size (200 unstructured rules), far more of real ones. */
export const INTERN_BYTES = 32 << 20

const tables = new WeakMap<PacketSpace, Table>()

/**
 * Everything the diagram and its sets depend on: family, statefulness, default, and each rule's
 * action, zone outcome and match (ids and source lines don't matter). SHA-256 of it, as git
 * names content: a collision is not a practical concern, and a key per filter stays 44 bytes.
 */
export function coreKey(filter: Filter, applies: readonly (boolean | undefined)[]): string {
  const rules = filter.rules.map((r, i) => {
    const a = applies[i]
    return a === false ? [0] : [r.action, a === undefined ? 2 : 1, r.match]
  })
  const text = JSON.stringify([filter.family ?? 0, filter.stateful === true, filter.defaultAction, rules])
  return createHash('sha256').update(text).digest('base64')
}

/** The core compiled for `key` in `space` if it is still in the table, else `build()`'s, remembered. */
export function internedCore(space: PacketSpace, key: string, build: () => FilterCore): FilterCore {
  let table = tables.get(space)
  if (table === undefined) {
    table = {cores: new Map(), bytes: 0}
    tables.set(space, table)
  }
  const cores = table.cores
  const hit = cores.get(key)
  if (hit !== undefined) {
    // Most recently used goes last.
    cores.delete(key)
    cores.set(key, hit)
    return hit
  }
  const core = build()
  cores.set(key, core)
  table.bytes += core.diagram.byteSize
  for (const [oldest, old] of cores) {
    if (table.bytes <= INTERN_BYTES || old === core) break
    cores.delete(oldest)
    table.bytes -= old.diagram.byteSize
  }
  return core
}
