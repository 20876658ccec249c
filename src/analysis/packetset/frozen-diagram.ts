import {type Bdd, FALSE, TRUE} from './bdd.js'

/** Outcome of a walk that ends on FALSE: nobody decides ("no rule matched"). */
export const NOBODY = -1
/** Outcome of a walk that ends on TRUE (plain sets; compiled filters never have it). */
export const ALL = -2

/** Child codes: ≥ 0 an inner node's index, -1 FALSE, -2 TRUE, -3 - v the leaf of value v. */
const outcomeOf = (code: number): number => (code >= ALL ? code : -3 - code)

/**
 * A decision diagram copied out of a (scratch) store into one compact array of its own, so the
 * store's nodes can be reused: 12 bytes per node, no hash table, freed with its owner. Outcomes
 * are `NOBODY`, `ALL` or a leaf value (≥ 0). Sets are rebuilt in a live store with `select`.
 */
export class FrozenDiagram {
  private constructor(
    /** variable, low, high for each inner node; children before parents, the root (if inner) last. */
    private readonly nodes: Int32Array,
    /** The root's code. */
    private readonly root: number,
    /** Largest leaf value below the root, or -1. */
    private readonly maxLeaf: number,
  ) {}

  /** Copies the diagram below `root` out of `bdd` (post-order, iterative: diagrams are deep). */
  static of(bdd: Bdd, root: number): FrozenDiagram {
    const code = (n: number): number => (n === FALSE ? -1 : n === TRUE ? -2 : -3 - bdd.leafValue(n))
    if (bdd.isTerminal(root)) return new FrozenDiagram(new Int32Array(0), code(root), Math.max(-1, outcomeOf(code(root))))
    // index + 1 of each copied node; 0: not copied yet.
    const index = new Int32Array(bdd.nodeCount)
    let out = new Int32Array(3 * 1024)
    let count = 0
    let maxLeaf = -1
    const ref = (n: number): number => {
      if (!bdd.isTerminal(n)) return (index[n] as number) - 1
      const c = code(n)
      if (c <= -3 && -3 - c > maxLeaf) maxLeaf = -3 - c
      return c
    }
    const stack = [root]
    while (stack.length > 0) {
      const n = stack[stack.length - 1] as number
      if (index[n] !== 0) {
        stack.pop()
        continue
      }
      const lo = bdd.low(n)
      const hi = bdd.high(n)
      const loReady = bdd.isTerminal(lo) || index[lo] !== 0
      const hiReady = bdd.isTerminal(hi) || index[hi] !== 0
      if (!loReady) stack.push(lo)
      if (!hiReady) stack.push(hi)
      if (!loReady || !hiReady) continue
      stack.pop()
      if (3 * count + 3 > out.length) {
        const bigger = new Int32Array(out.length * 2)
        bigger.set(out)
        out = bigger
      }
      out[3 * count] = bdd.variable(n)
      out[3 * count + 1] = ref(lo)
      out[3 * count + 2] = ref(hi)
      index[n] = ++count
    }
    return new FrozenDiagram(out.slice(0, 3 * count), count - 1, maxLeaf)
  }

  /** Inner nodes. */
  get size(): number {
    return this.nodes.length / 3
  }

  /** Bytes held. */
  get byteSize(): number {
    return this.nodes.byteLength
  }

  /** The outcome one full assignment (`bits[v]` is variable v's value) leads to. */
  outcomeOf(bits: Uint8Array): number {
    const nodes = this.nodes
    let c = this.root
    while (c >= 0) c = bits[nodes[3 * c] as number] ? (nodes[3 * c + 2] as number) : (nodes[3 * c + 1] as number)
    return outcomeOf(c)
  }

  /** Every outcome some assignment reaches. */
  outcomes(): Set<number> {
    const found = new Set<number>()
    if (this.root < 0) found.add(outcomeOf(this.root))
    const nodes = this.nodes
    for (let i = 0; i < nodes.length; i += 3) {
      const lo = nodes[i + 1] as number
      const hi = nodes[i + 2] as number
      if (lo < 0) found.add(outcomeOf(lo))
      if (hi < 0) found.add(outcomeOf(hi))
    }
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
    const nodes = this.nodes
    const image = new Int32Array(this.size)
    for (let i = 0; i < image.length; i++) {
      const lo = nodes[3 * i + 1] as number
      const hi = nodes[3 * i + 2] as number
      image[i] = bdd.mk(
        nodes[3 * i] as number,
        (lo >= 0 ? image[lo] : terminal[-1 - lo]) as number,
        (hi >= 0 ? image[hi] : terminal[-1 - hi]) as number,
      )
    }
    return image[this.root] as number
  }

  /** Outcomes that some assignment of the set `within` (a node of `bdd`) reaches. */
  outcomesWithin(bdd: Bdd, within: number): Set<number> {
    if (within === TRUE) return this.outcomes()
    const nodes = this.nodes
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
      const vc = nodes[3 * c] as number
      const vm = bdd.variable(m)
      const v = vc < vm ? vc : vm
      walk(vc === v ? (nodes[3 * c + 1] as number) : c, vm === v ? bdd.low(m) : m)
      walk(vc === v ? (nodes[3 * c + 2] as number) : c, vm === v ? bdd.high(m) : m)
    }
    walk(this.root, within)
    return found
  }
}
