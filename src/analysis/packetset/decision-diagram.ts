import {type Bdd, FALSE, TRUE} from './bdd.js'

/**
 * Decision diagrams: BDDs whose terminals are leaves naming who decides a packet (a rule
 * index), with FALSE meaning "nobody yet". A whole rule list becomes one diagram, so the deciding
 * rule of a packet is one root-to-leaf walk, and a shadowed rule is a leaf that does not occur.
 */

const OP_SELECT = 18

/** Each selection gets its own cache key: the answer depends on the `keep` function. */
let selections = 0

/** The set `set` with its TRUE terminal replaced by `leaf`. */
export function label(bdd: Bdd, set: number, leaf: number): number {
  return bdd.label(set, leaf)
}

/** `a` wherever it decides, `b` elsewhere: first match wins. Associative, so rule lists fold in any grouping. */
export function firstMatch(bdd: Bdd, a: number, b: number): number {
  return bdd.firstMatch(a, b)
}

/**
 * First-match fold of many diagrams in a balanced tree. Folding left to right would merge every
 * rule into the whole diagram so far, which costs |diagram| per rule for rules that leave the
 * top variables free; balanced merging pays that once per level instead.
 */
export function firstMatchAll(bdd: Bdd, diagrams: number[]): number {
  let level = diagrams
  while (level.length > 1) {
    const next: number[] = []
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i] as number
      next.push(i + 1 < level.length ? bdd.firstMatch(a, level[i + 1] as number) : a)
    }
    level = next
  }
  return level[0] ?? FALSE
}

/** The set of packets whose terminal `keep` accepts (FALSE, the "nobody" terminal, included). */
export function select(bdd: Bdd, diagram: number, keep: (terminal: number) => boolean): number {
  selections = (selections + 1) | 0
  const id = selections
  const walk = (n: number): number => {
    if (bdd.isTerminal(n)) return keep(n) ? TRUE : FALSE
    const hit = bdd.lookup(OP_SELECT, n, id)
    if (hit >= 0) return hit
    const r = bdd.mk(bdd.variable(n), walk(bdd.low(n)), walk(bdd.high(n)))
    bdd.remember(OP_SELECT, n, id, r)
    return r
  }
  return walk(diagram)
}

/** Terminals that some packet of `within` reaches in the diagram. */
export function terminalsWithin(bdd: Bdd, diagram: number, within: number = TRUE): Set<number> {
  if (within === TRUE) return terminals(bdd, diagram)
  const found = new Set<number>()
  const seen = new Set<string>()
  const walk = (d: number, m: number): void => {
    if (m === FALSE) return
    if (bdd.isTerminal(d)) {
      found.add(d)
      return
    }
    const key = `${d},${m}`
    if (seen.has(key)) return
    seen.add(key)
    const vd = bdd.variable(d)
    const vm = bdd.variable(m)
    const v = vd < vm ? vd : vm
    walk(vd === v ? bdd.low(d) : d, vm === v ? bdd.low(m) : m)
    walk(vd === v ? bdd.high(d) : d, vm === v ? bdd.high(m) : m)
  }
  walk(diagram, within)
  return found
}

function terminals(bdd: Bdd, diagram: number): Set<number> {
  const found = new Set<number>()
  const seen = new Set<number>()
  const stack = [diagram]
  while (stack.length > 0) {
    const n = stack.pop() as number
    if (bdd.isTerminal(n)) found.add(n)
    else if (!seen.has(n)) {
      seen.add(n)
      stack.push(bdd.low(n), bdd.high(n))
    }
  }
  return found
}
