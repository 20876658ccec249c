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

export class Bdd {
  /** Variable index of each node; terminals carry `varCount`, below every real variable. */
  private varOf: Int32Array
  private lowOf: Int32Array
  private highOf: Int32Array
  /** Unique table: bucket heads and per-node chain links (0 ends a chain; ids 0/1 are never chained). */
  private buckets: Int32Array
  private chain: Int32Array
  private used = 2
  /** Direct-mapped cache: 4 ints per slot (op, a, b, result). */
  private cache: Int32Array
  private cacheMask: number

  constructor(
    readonly varCount: number,
    capacity = 1 << 16,
  ) {
    const cap = Math.max(1024, 2 ** Math.ceil(Math.log2(capacity)))
    this.varOf = new Int32Array(cap)
    this.lowOf = new Int32Array(cap)
    this.highOf = new Int32Array(cap)
    this.chain = new Int32Array(cap)
    this.buckets = new Int32Array(cap)
    this.varOf[FALSE] = varCount
    this.varOf[TRUE] = varCount
    this.cacheMask = cacheSlots(cap) - 1
    this.cache = new Int32Array(cacheSlots(cap) * 4)
  }

  /** Nodes allocated so far, terminals included. */
  get nodeCount(): number {
    return this.used
  }

  /** Bytes held by the node table and the cache. */
  get byteSize(): number {
    return (this.varOf.length * 5 + this.cache.length) * 4
  }

  variable(node: number): number {
    return this.varOf[node] as number
  }

  low(node: number): number {
    return this.lowOf[node] as number
  }

  high(node: number): number {
    return this.highOf[node] as number
  }

  /** The unique node `if v then high else low`. */
  mk(v: number, low: number, high: number): number {
    if (low === high) return low
    const mask = this.buckets.length - 1
    const h = hash3(v, low, high) & mask
    for (let n = this.buckets[h] as number; n !== 0; n = this.chain[n] as number) {
      if (this.varOf[n] === v && this.lowOf[n] === low && this.highOf[n] === high) return n
    }
    if (this.used === this.varOf.length) return this.grow(v, low, high)
    const n = this.used++
    this.varOf[n] = v
    this.lowOf[n] = low
    this.highOf[n] = high
    this.chain[n] = this.buckets[h] as number
    this.buckets[h] = n
    return n
  }

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
    const va = this.varOf[a] as number
    const vb = this.varOf[b] as number
    const v = va < vb ? va : vb
    const lo = this.and(va === v ? (this.lowOf[a] as number) : a, vb === v ? (this.lowOf[b] as number) : b)
    const hi = this.and(va === v ? (this.highOf[a] as number) : a, vb === v ? (this.highOf[b] as number) : b)
    const r = this.mk(v, lo, hi)
    this.remember(OP_AND, a, b, r)
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
    const va = this.varOf[a] as number
    const vb = this.varOf[b] as number
    const v = va < vb ? va : vb
    const lo = this.or(va === v ? (this.lowOf[a] as number) : a, vb === v ? (this.lowOf[b] as number) : b)
    const hi = this.or(va === v ? (this.highOf[a] as number) : a, vb === v ? (this.highOf[b] as number) : b)
    const r = this.mk(v, lo, hi)
    this.remember(OP_OR, a, b, r)
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
    const va = this.varOf[a] as number
    const vb = this.varOf[b] as number
    const v = va < vb ? va : vb
    const lo = this.diff(va === v ? (this.lowOf[a] as number) : a, vb === v ? (this.lowOf[b] as number) : b)
    const hi = this.diff(va === v ? (this.highOf[a] as number) : a, vb === v ? (this.highOf[b] as number) : b)
    const r = this.mk(v, lo, hi)
    this.remember(OP_DIFF, a, b, r)
    return r
  }

  not(a: number): number {
    if (a === FALSE) return TRUE
    if (a === TRUE) return FALSE
    const slot = this.slot(OP_NOT, a, 0)
    const c = this.cache
    if (c[slot] === OP_NOT && c[slot + 1] === a) return c[slot + 3] as number
    const r = this.mk(this.varOf[a] as number, this.not(this.lowOf[a] as number), this.not(this.highOf[a] as number))
    this.remember(OP_NOT, a, 0, r)
    return r
  }

  /** a ⊆ b, decided without building a ∧ ¬b when a counterexample shows up early. */
  implies(a: number, b: number): boolean {
    if (a === FALSE || b === TRUE || a === b) return true
    if (b === FALSE || a === TRUE) return false
    const slot = this.slot(OP_DIFF, a, b)
    const c = this.cache
    if (c[slot] === OP_DIFF && c[slot + 1] === a && c[slot + 2] === b) return c[slot + 3] === FALSE
    const va = this.varOf[a] as number
    const vb = this.varOf[b] as number
    const v = va < vb ? va : vb
    return (
      this.implies(va === v ? (this.lowOf[a] as number) : a, vb === v ? (this.lowOf[b] as number) : b) &&
      this.implies(va === v ? (this.highOf[a] as number) : a, vb === v ? (this.highOf[b] as number) : b)
    )
  }

  /** Membership of one full assignment (`bits[v]` is variable v's value). */
  evaluate(node: number, bits: Uint8Array): boolean {
    let n = node
    while (n > TRUE) n = bits[this.varOf[n] as number] ? (this.highOf[n] as number) : (this.lowOf[n] as number)
    return n === TRUE
  }

  /** Nodes reachable from `node`, terminals excluded: the size of one set's diagram. */
  size(node: number): number {
    const seen = new Set<number>()
    const stack = [node]
    while (stack.length > 0) {
      const n = stack.pop() as number
      if (n <= TRUE || seen.has(n)) continue
      seen.add(n)
      stack.push(this.lowOf[n] as number, this.highOf[n] as number)
    }
    return seen.size
  }

  private slot(op: number, a: number, b: number): number {
    return (hash3(op, a, b) & this.cacheMask) << 2
  }

  private remember(op: number, a: number, b: number, r: number): void {
    const slot = this.slot(op, a, b)
    const c = this.cache
    c[slot] = op
    c[slot + 1] = a
    c[slot + 2] = b
    c[slot + 3] = r
  }

  /** Doubles every table, rehashes the unique table, then inserts the pending node. */
  private grow(v: number, low: number, high: number): number {
    const cap = this.varOf.length * 2
    this.varOf = extend(this.varOf, cap)
    this.lowOf = extend(this.lowOf, cap)
    this.highOf = extend(this.highOf, cap)
    this.chain = new Int32Array(cap)
    this.buckets = new Int32Array(cap)
    const mask = cap - 1
    for (let n = 2; n < this.used; n++) {
      const h = hash3(this.varOf[n] as number, this.lowOf[n] as number, this.highOf[n] as number) & mask
      this.chain[n] = this.buckets[h] as number
      this.buckets[h] = n
    }
    // The cache is lossy: a fresh, larger one keeps the hit rate as the store grows.
    this.cacheMask = cacheSlots(cap) - 1
    this.cache = new Int32Array(cacheSlots(cap) * 4)
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

function extend(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap)
  b.set(a)
  return b
}
