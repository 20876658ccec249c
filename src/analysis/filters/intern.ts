import {createHash} from 'node:crypto'
import type {Filter} from '../../model/index.js'
import type {FrozenDiagram} from '../packetset/frozen-diagram.js'
import type {PacketSet, PacketSpace} from '../packetset/index.js'

/**
 * What compiled filters with the same rules share: the diagram and every set built from it.
 * Real networks apply one template on many devices, and shadow analysis recompiles what
 * reachability already compiled; both then cost one lookup.
 */
export interface FilterCore {
  readonly diagram: FrozenDiagram
  /** Verdict sets by verdict (or 'default'), built on first use. */
  readonly verdictSets: Map<string, PacketSet>
  /** Decided sets by rule index, built on first use. */
  readonly decided: Map<number, PacketSet>
  present?: Set<number>
}

type Table = Map<string, WeakRef<FilterCore>>

/** Per space (sets of different spaces don't mix); entries live as long as a compiled filter holds them. */
const tables = new WeakMap<PacketSpace, Table>()
const registry = new FinalizationRegistry<{table: Table; key: string}>(({table, key}) => {
  if (table.get(key)?.deref() === undefined) table.delete(key)
})

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

/** The core compiled for `key` in `space` if one is still alive, else `build()`'s, remembered. */
export function internedCore(space: PacketSpace, key: string, build: () => FilterCore): FilterCore {
  let table = tables.get(space)
  if (table === undefined) {
    table = new Map()
    tables.set(space, table)
  }
  const alive = table.get(key)?.deref()
  if (alive !== undefined) return alive
  const core = build()
  table.set(key, new WeakRef(core))
  registry.register(core, {table, key})
  return core
}
