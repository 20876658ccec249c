import {type Bdd, FALSE, TRUE} from './bdd.js'

/** Outcome of a walk that ends on FALSE: nobody decides ("no rule matched"). */
export const NOBODY = -1
/** Outcome of a walk that ends on TRUE (plain sets; compiled filters never have it). */
export const ALL = -2

/** Child codes: ≥ 0 an inner node's index, -1 FALSE, -2 TRUE, -3 - v the leaf of value v. */
const outcomeOf = (code: number): number => (code >= ALL ? code : -3 - code)

/**
 * Work buffers shared by every freeze and select (neither re-enters): allocating them per filter
 * made typed-array memory churn trigger full garbage collections, a quarter of the run time.
 */
let indexOf = new Int32Array(1 << 16)
let copied = new Int32Array(1 << 14)
let outVars = new Uint16Array(1 << 14)
let outKids = new Int32Array(2 << 14)
let image = new Int32Array(1 << 14)

function atLeast<T extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(buffer: T, length: number): T {
  if (buffer.length >= length) return buffer
  const bigger = new (buffer.constructor as new (n: number) => T)(Math.max(length, buffer.length * 2))
  bigger.set(buffer)
  return bigger
}

/** One post-order copy into the shared buffers; recursion depth is at most the variable count. */
class Copy {
  count = 0
  maxLeaf = -1
  private readonly terminal: number

  constructor(private readonly bdd: Bdd) {
    if (bdd.varCount > 0xffff) throw new Error('frozen diagrams hold variables in 16 bits')
    this.terminal = bdd.varCount
  }

  /** The code of node n, copying it (and what is below it) first if needed. */
  code(n: number): number {
    const bdd = this.bdd
    if (bdd.variable(n) === this.terminal) {
      if (n === FALSE) return -1
      if (n === TRUE) return -2
      const v = bdd.leafValue(n)
      if (v > this.maxLeaf) this.maxLeaf = v
      return -3 - v
    }
    const seen = indexOf[n] as number
    if (seen !== 0) return seen - 1
    const lo = this.code(bdd.low(n))
    const hi = this.code(bdd.high(n))
    const i = this.count++
    if (i >= copied.length) {
      copied = atLeast(copied, i + 1)
      outVars = atLeast(outVars, i + 1)
      outKids = atLeast(outKids, 2 * i + 2)
    }
    outVars[i] = bdd.variable(n)
    outKids[2 * i] = lo
    outKids[2 * i + 1] = hi
    copied[i] = n
    indexOf[n] = i + 1
    return i
  }
}

/**
 * A decision diagram copied out of a (scratch) store into one compact array of its own, so the
 * store's nodes can be reused: 10 bytes per node, no hash table, freed with its owner. Outcomes
 * are `NOBODY`, `ALL` or a leaf value (≥ 0). Sets are rebuilt in a live store with `select`.
 */
export class FrozenDiagram {
  private constructor(
    /** Each inner node's variable; children come before parents, the root (if inner) last. */
    private readonly vars: Uint16Array,
    /** Each inner node's low and high child codes. */
    private readonly kids: Int32Array,
    /** The root's code. */
    private readonly root: number,
    /** Largest leaf value below the root, or -1. */
    private readonly maxLeaf: number,
  ) {}

  /** Copies the diagram below `root` out of `bdd`, children first. */
  static of(bdd: Bdd, root: number): FrozenDiagram {
    indexOf = atLeast(indexOf, bdd.nodeCount)
    const copy = new Copy(bdd)
    const rootCode = copy.code(root)
    // indexOf must be all zeros for the next copy.
    for (let i = 0; i < copy.count; i++) indexOf[copied[i] as number] = 0
    return new FrozenDiagram(outVars.slice(0, copy.count), outKids.slice(0, 2 * copy.count), rootCode, copy.maxLeaf)
  }

  /** Inner nodes. */
  get size(): number {
    return this.vars.length
  }

  /** Bytes held. */
  get byteSize(): number {
    return this.vars.byteLength + this.kids.byteLength
  }

  /** The outcome one full assignment (`bits[v]` is variable v's value) leads to. */
  outcomeOf(bits: Uint8Array): number {
    const kids = this.kids
    let c = this.root
    while (c >= 0) c = kids[2 * c + (bits[this.vars[c] as number] ? 1 : 0)] as number
    return outcomeOf(c)
  }

  /** Every outcome some assignment reaches. */
  outcomes(): Set<number> {
    const found = new Set<number>()
    if (this.root < 0) found.add(outcomeOf(this.root))
    for (const c of this.kids) if (c < 0) found.add(outcomeOf(c))
    return found
  }

  /**
   * The set, in `bdd`, of assignments whose outcome `keep` accepts. One `mk` per node, children
   * first; every node built is part of the result, so the live store gains no garbage.
   */
  select(bdd: Bdd, keep: (outcome: number) => boolean): number {
    // Terminal results by -1 - code: FALSE, TRUE, then leaf 0, 1, …
    const terminal = new Int32Array(this.maxLeaf + 3)
    for (let i = 0; i < terminal.length; i++) terminal[i] = keep(outcomeOf(-1 - i)) ? TRUE : FALSE
    if (this.root < 0) return terminal[-1 - this.root] as number
    const {vars, kids} = this
    const n = this.size
    image = atLeast(image, n)
    for (let i = 0; i < n; i++) {
      const lo = kids[2 * i] as number
      const hi = kids[2 * i + 1] as number
      image[i] = bdd.mk(
        vars[i] as number,
        (lo >= 0 ? image[lo] : terminal[-1 - lo]) as number,
        (hi >= 0 ? image[hi] : terminal[-1 - hi]) as number,
      )
    }
    return image[this.root] as number
  }

  /** Outcomes that some assignment of the set `within` (a node of `bdd`) reaches. */
  outcomesWithin(bdd: Bdd, within: number): Set<number> {
    if (within === TRUE) return this.outcomes()
    const {vars, kids} = this
    const found = new Set<number>()
    const seen = new Set<number | string>()
    // Exact numeric keys while index · 2^31 + id stays below 2^53.
    const numeric = this.size < 1 << 22
    const walk = (c: number, m: number): void => {
      if (m === FALSE) return
      if (c < 0) {
        found.add(outcomeOf(c))
        return
      }
      const key = numeric ? c * 2147483648 + m : `${c},${m}`
      if (seen.has(key)) return
      seen.add(key)
      const vc = vars[c] as number
      const vm = bdd.variable(m)
      const v = vc < vm ? vc : vm
      walk(vc === v ? (kids[2 * c] as number) : c, vm === v ? bdd.low(m) : m)
      walk(vc === v ? (kids[2 * c + 1] as number) : c, vm === v ? bdd.high(m) : m)
    }
    walk(this.root, within)
    return found
  }
}
