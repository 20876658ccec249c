/**
 * A reduced ordered BDD store with hash-consed nodes and a lossy operation cache.
 *
 * Nodes are integer ids into typed arrays: no object per node, no allocation per operation
 * (arrays only grow, by doubling). Hash-consing makes every set canonical, so equal sets have
 * equal ids and equality is `===`. Nodes are never freed: a store lives for one analysis run.
 */

export const FALSE = 0
export const TRUE = 1

const OP_AND = 1
const OP_OR = 2
const OP_DIFF = 3
const OP_NOT = 4
const OP_FIRST = 5
const OP_LABEL = 6

/** Ints per node: variable, low, high, next in the unique-table chain — one cache line per visit. */
const STRIDE = 4

export class Bdd {
  /**
   * Node n is nodes[4n..4n+3]: its variable (terminals carry `varCount`, below every real
   * variable), low child, high child, and the next node of its unique-table bucket (0 ends it).
   */
  private nodes: Int32Array
  /** Node slots; a power of two until `halfStepsFrom`, then grown by half so big steps cost less. */
  private capacity: number
  /** Unique table bucket heads. */
  private buckets: Int32Array
  private used = 2
  /** Direct-mapped cache: 4 ints per slot (op, a, b, result). */
  private cache: Int32Array
  private cacheMask: number

  constructor(
    readonly varCount: number,
    capacity = 1 << 16,
    /** Node count from which the table grows ×1.5 rather than ×2 (a parameter for tests). */
    private readonly halfStepsFrom = 1 << 21,
  ) {
    const cap = Math.max(1024, 2 ** Math.ceil(Math.log2(capacity)))
    this.capacity = cap
    this.nodes = new Int32Array(cap * STRIDE)
    this.buckets = new Int32Array(cap)
    this.nodes[FALSE * STRIDE] = varCount
    this.nodes[TRUE * STRIDE] = varCount
    this.cacheMask = cacheSlots(cap) - 1
    this.cache = new Int32Array(cacheSlots(cap) * 4)
  }

  /** Nodes allocated so far, terminals included. */
  get nodeCount(): number {
    return this.used
  }

  /**
   * Forgets every node but the terminals, for reuse as a scratch store: ids are handed out again,
   * so ids kept from before mean nothing afterwards. Tables keep their size (they were needed),
   * unless they grew far beyond what the last use needed.
   */
  clear(): void {
    const used = this.used
    this.used = 2
    if (this.capacity >= 1 << 20 && used * 8 < this.capacity) {
      const cap = Math.max(1 << 17, 2 ** Math.ceil(Math.log2(used * 2)))
      this.capacity = cap
      this.nodes = new Int32Array(cap * STRIDE)
      this.nodes[FALSE * STRIDE] = this.varCount
      this.nodes[TRUE * STRIDE] = this.varCount
      this.buckets = new Int32Array(cap)
      this.cacheMask = cacheSlots(cap) - 1
      this.cache = new Int32Array(cacheSlots(cap) * 4)
      return
    }
    this.buckets.fill(0)
    // The cache names node ids that are about to be reused: a stale hit would be wrong, not slow.
    this.cache.fill(0)
  }

  /** Bytes held by the node table and the cache. */
  get byteSize(): number {
    return (this.nodes.length + this.buckets.length + this.cache.length) * 4
  }

  variable(node: number): number {
    return this.nodes[node * STRIDE] as number
  }

  low(node: number): number {
    return this.nodes[node * STRIDE + 1] as number
  }

  high(node: number): number {
    return this.nodes[node * STRIDE + 2] as number
  }

  /** The unique node `if v then high else low`. */
  mk(v: number, low: number, high: number): number {
    if (low === high) return low
    const nodes = this.nodes
    const h = hash3(v, low, high) & (this.buckets.length - 1)
    for (let n = this.buckets[h] as number; n !== 0; n = nodes[n * STRIDE + 3] as number) {
      const i = n * STRIDE
      if (nodes[i] === v && nodes[i + 1] === low && nodes[i + 2] === high) return n
    }
    if (this.used === this.capacity) return this.grow(v, low, high)
    const n = this.used++
    const i = n * STRIDE
    nodes[i] = v
    nodes[i + 1] = low
    nodes[i + 2] = high
    nodes[i + 3] = this.buckets[h] as number
    this.buckets[h] = n
    return n
  }

  /** a ∧ b. One operand may have a leaf where TRUE would be: the result then carries that leaf. */
  and(a: number, b: number): number {
    if (a === b || b === TRUE) return a
    if (a === FALSE || b === FALSE) return FALSE
    if (a === TRUE) return b
    if (a > b) {
      const t = a
      a = b
      b = t
    }
    const slot = this.slot(OP_AND, a, b)
    const c = this.cache
    if (c[slot] === OP_AND && c[slot + 1] === a && c[slot + 2] === b) return c[slot + 3] as number
    const va = this.nodes[a * STRIDE] as number
    const vb = this.nodes[b * STRIDE] as number
    const v = va < vb ? va : vb
    const lo = this.and(va === v ? (this.nodes[a * STRIDE + 1] as number) : a, vb === v ? (this.nodes[b * STRIDE + 1] as number) : b)
    const hi = this.and(va === v ? (this.nodes[a * STRIDE + 2] as number) : a, vb === v ? (this.nodes[b * STRIDE + 2] as number) : b)
    const r = this.mk(v, lo, hi)
    this.store(slot, OP_AND, a, b, r)
    return r
  }

  or(a: number, b: number): number {
    if (a === b || b === FALSE) return a
    if (a === TRUE || b === TRUE) return TRUE
    if (a === FALSE) return b
    if (a > b) {
      const t = a
      a = b
      b = t
    }
    const slot = this.slot(OP_OR, a, b)
    const c = this.cache
    if (c[slot] === OP_OR && c[slot + 1] === a && c[slot + 2] === b) return c[slot + 3] as number
    const va = this.nodes[a * STRIDE] as number
    const vb = this.nodes[b * STRIDE] as number
    const v = va < vb ? va : vb
    const lo = this.or(va === v ? (this.nodes[a * STRIDE + 1] as number) : a, vb === v ? (this.nodes[b * STRIDE + 1] as number) : b)
    const hi = this.or(va === v ? (this.nodes[a * STRIDE + 2] as number) : a, vb === v ? (this.nodes[b * STRIDE + 2] as number) : b)
    const r = this.mk(v, lo, hi)
    this.store(slot, OP_OR, a, b, r)
    return r
  }

  /** a ∧ ¬b, without building ¬b. */
  diff(a: number, b: number): number {
    if (a === FALSE || b === TRUE || a === b) return FALSE
    if (b === FALSE) return a
    if (a === TRUE) return this.not(b)
    const slot = this.slot(OP_DIFF, a, b)
    const c = this.cache
    if (c[slot] === OP_DIFF && c[slot + 1] === a && c[slot + 2] === b) return c[slot + 3] as number
    const va = this.nodes[a * STRIDE] as number
    const vb = this.nodes[b * STRIDE] as number
    const v = va < vb ? va : vb
    const lo = this.diff(va === v ? (this.nodes[a * STRIDE + 1] as number) : a, vb === v ? (this.nodes[b * STRIDE + 1] as number) : b)
    const hi = this.diff(va === v ? (this.nodes[a * STRIDE + 2] as number) : a, vb === v ? (this.nodes[b * STRIDE + 2] as number) : b)
    const r = this.mk(v, lo, hi)
    this.store(slot, OP_DIFF, a, b, r)
    return r
  }

  not(a: number): number {
    if (a === FALSE) return TRUE
    if (a === TRUE) return FALSE
    const slot = this.slot(OP_NOT, a, 0)
    const c = this.cache
    if (c[slot] === OP_NOT && c[slot + 1] === a) return c[slot + 3] as number
    const r = this.mk(this.nodes[a * STRIDE] as number, this.not(this.nodes[a * STRIDE + 1] as number), this.not(this.nodes[a * STRIDE + 2] as number))
    this.store(slot, OP_NOT, a, 0, r)
    return r
  }

  /**
   * Decision diagrams (leaves are terminals other than TRUE, FALSE is "nobody"): `a` wherever it
   * decides, `b` elsewhere. Here rather than in decision-diagram.ts because it is the hot loop of
   * filter compilation and reads the node table directly.
   */
  firstMatch(a: number, b: number): number {
    if (a === FALSE) return b
    const nodes = this.nodes
    if (b === FALSE || a === b || nodes[a * STRIDE] === this.varCount) return a
    const slot = this.slot(OP_FIRST, a, b)
    const c = this.cache
    if (c[slot] === OP_FIRST && c[slot + 1] === a && c[slot + 2] === b) return c[slot + 3] as number
    // `nodes` may be a pre-growth copy after the first recursion: fine, a node's fields never change.
    const va = nodes[a * STRIDE] as number
    const vb = nodes[b * STRIDE] as number
    let r: number
    if (va === vb) r = this.mk(va, this.firstMatch(nodes[a * STRIDE + 1] as number, nodes[b * STRIDE + 1] as number), this.firstMatch(nodes[a * STRIDE + 2] as number, nodes[b * STRIDE + 2] as number))
    else if (va < vb) r = this.mk(va, this.firstMatch(nodes[a * STRIDE + 1] as number, b), this.firstMatch(nodes[a * STRIDE + 2] as number, b))
    else r = this.mk(vb, this.firstMatch(a, nodes[b * STRIDE + 1] as number), this.firstMatch(a, nodes[b * STRIDE + 2] as number))
    this.store(slot, OP_FIRST, a, b, r)
    return r
  }

  /** The set `set` with its TRUE terminal replaced by `leaf`. */
  label(set: number, leaf: number): number {
    if (set === FALSE) return FALSE
    if (set === TRUE) return leaf
    const slot = this.slot(OP_LABEL, set, leaf)
    const c = this.cache
    if (c[slot] === OP_LABEL && c[slot + 1] === set && c[slot + 2] === leaf) return c[slot + 3] as number
    const i = set * STRIDE
    const lo = this.label(this.nodes[i + 1] as number, leaf)
    const r = this.mk(this.nodes[i] as number, lo, this.label(this.nodes[i + 2] as number, leaf))
    this.store(slot, OP_LABEL, set, leaf, r)
    return r
  }

  /**
   * A terminal carrying a value (≥ 0), for decision diagrams whose leaves say which rule decides.
   * Plain set operations never see these: only the decision-diagram functions build on them.
   */
  leaf(value: number): number {
    return this.mk(this.varCount, value, -1)
  }

  isTerminal(node: number): boolean {
    return this.nodes[node * STRIDE] === this.varCount
  }

  /** The value of a leaf made by `leaf`. */
  leafValue(node: number): number {
    return this.nodes[node * STRIDE + 1] as number
  }

  /** Cached result of (op, a, b), or -1. Ops ≥ 16 are free for callers outside this class. */
  lookup(op: number, a: number, b: number): number {
    const slot = this.slot(op, a, b)
    const c = this.cache
    return c[slot] === op && c[slot + 1] === a && c[slot + 2] === b ? (c[slot + 3] as number) : -1
  }

  /** a ⊆ b, decided without building a ∧ ¬b when a counterexample shows up early. */
  implies(a: number, b: number): boolean {
    if (a === FALSE || b === TRUE || a === b) return true
    if (b === FALSE || a === TRUE) return false
    const slot = this.slot(OP_DIFF, a, b)
    const c = this.cache
    if (c[slot] === OP_DIFF && c[slot + 1] === a && c[slot + 2] === b) return c[slot + 3] === FALSE
    const va = this.nodes[a * STRIDE] as number
    const vb = this.nodes[b * STRIDE] as number
    const v = va < vb ? va : vb
    return (
      this.implies(va === v ? (this.nodes[a * STRIDE + 1] as number) : a, vb === v ? (this.nodes[b * STRIDE + 1] as number) : b) &&
      this.implies(va === v ? (this.nodes[a * STRIDE + 2] as number) : a, vb === v ? (this.nodes[b * STRIDE + 2] as number) : b)
    )
  }

  /** Membership of one full assignment (`bits[v]` is variable v's value). */
  evaluate(node: number, bits: Uint8Array): boolean {
    return this.terminalOf(node, bits) === TRUE
  }

  /** The terminal (TRUE, FALSE or a leaf) an assignment leads to. */
  terminalOf(node: number, bits: Uint8Array): number {
    let n = node
    const terminal = this.varCount
    while (this.nodes[n * STRIDE] !== terminal) n = bits[this.nodes[n * STRIDE] as number] ? (this.nodes[n * STRIDE + 2] as number) : (this.nodes[n * STRIDE + 1] as number)
    return n
  }

  /** Inner nodes reachable from `node`: the size of one diagram. */
  size(node: number): number {
    const seen = new Set<number>()
    const stack = [node]
    while (stack.length > 0) {
      const n = stack.pop() as number
      if (this.nodes[n * STRIDE] === this.varCount || seen.has(n)) continue
      seen.add(n)
      stack.push(this.nodes[n * STRIDE + 1] as number, this.nodes[n * STRIDE + 2] as number)
    }
    return seen.size
  }

  private slot(op: number, a: number, b: number): number {
    return (hash3(op, a, b) & this.cacheMask) << 2
  }

  private store(slot: number, op: number, a: number, b: number, r: number): void {
    const c = this.cache
    c[slot] = op
    c[slot + 1] = a
    c[slot + 2] = b
    c[slot + 3] = r
  }

  remember(op: number, a: number, b: number, r: number): void {
    const slot = this.slot(op, a, b)
    const c = this.cache
    c[slot] = op
    c[slot + 1] = a
    c[slot + 2] = b
    c[slot + 3] = r
  }

  /**
   * Grows the node table (×2, or ×1.5 past 2M nodes: the step at 4M would otherwise add 128 MB at
   * once), rehashes when the bucket array (a power of two, at least one bucket per node) must grow
   * too, then inserts the pending node.
   */
  private grow(v: number, low: number, high: number): number {
    const cap = this.capacity < this.halfStepsFrom ? this.capacity * 2 : this.capacity + (this.capacity >> 1)
    const nodes = new Int32Array(cap * STRIDE)
    nodes.set(this.nodes)
    this.nodes = nodes
    this.capacity = cap
    if (cap > this.buckets.length) {
      const buckets = new Int32Array(2 ** Math.ceil(Math.log2(cap)))
      const mask = buckets.length - 1
      for (let n = 2; n < this.used; n++) {
        const i = n * STRIDE
        const h = hash3(nodes[i] as number, nodes[i + 1] as number, nodes[i + 2] as number) & mask
        nodes[i + 3] = buckets[h] as number
        buckets[h] = n
      }
      this.buckets = buckets
    }
    // The cache is lossy: a larger one keeps the hit rate as the store grows. Entries stay valid
    // (ids don't change), so a cache at its size limit is kept rather than reallocated.
    const slots = cacheSlots(this.buckets.length)
    if (slots - 1 !== this.cacheMask) {
      this.cacheMask = slots - 1
      this.cache = new Int32Array(slots * 4)
    }
    return this.mk(v, low, high)
  }
}

/** One slot per node up to 4M slots (64 MB): past that, a bigger cache costs more than it saves. */
function cacheSlots(capacity: number): number {
  return Math.min(capacity, 1 << 22)
}

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)
  h ^= h >>> 15
  return Math.imul(h, 0x2c1b3c6d) >>> 0
}

