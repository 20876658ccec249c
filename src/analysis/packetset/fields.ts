import {type Bdd, FALSE, TRUE} from './bdd.js'
import type {Field} from './layout.js'

/**
 * Diagrams for integer constraints on one field. Each is built bottom-up with `mk` alone, so a
 * constraint costs at most `width` nodes and no apply call.
 */

/** Value bits, most significant first. */
function bitsOf(value: bigint, width: number): Uint8Array {
  const bits = new Uint8Array(width)
  let v = value
  for (let i = width - 1; i >= 0; i--) {
    bits[i] = Number(v & 1n)
    v >>= 1n
  }
  return bits
}

/** Field bits where `care` is 1 equal those of `value`; the others are free (prefixes, wildcards). */
export function fieldMasked(bdd: Bdd, field: Field, value: bigint, care: bigint): number {
  const bits = bitsOf(value, field.width)
  const cares = bitsOf(care, field.width)
  let node = TRUE
  for (let i = field.width - 1; i >= 0; i--) {
    if (!cares[i]) continue
    const v = field.offset + i
    node = bits[i] ? bdd.mk(v, FALSE, node) : bdd.mk(v, node, FALSE)
  }
  return node
}

/** The top `length` bits equal those of `value`. */
export function fieldPrefix(bdd: Bdd, field: Field, value: bigint, length: number): number {
  const w = BigInt(field.width)
  const care = length === 0 ? 0n : ((1n << BigInt(length)) - 1n) << (w - BigInt(length))
  return fieldMasked(bdd, field, value, care)
}

export function fieldEquals(bdd: Bdd, field: Field, value: bigint): number {
  return fieldPrefix(bdd, field, value, field.width)
}

/** lo ≤ field ≤ hi (inclusive; empty when lo > hi). */
export function fieldRange(bdd: Bdd, field: Field, lo: bigint, hi: bigint): number {
  if (lo > hi) return FALSE
  const low = bitsOf(lo, field.width)
  const high = bitsOf(hi, field.width)
  let atLeast = TRUE
  let atMost = TRUE
  for (let i = field.width - 1; i >= 0; i--) {
    const v = field.offset + i
    // x ≥ lo: a 1 where lo has 0 settles it; a 0 where lo has 1 fails.
    atLeast = low[i] ? bdd.mk(v, FALSE, atLeast) : bdd.mk(v, atLeast, TRUE)
    atMost = high[i] ? bdd.mk(v, TRUE, atMost) : bdd.mk(v, atMost, FALSE)
  }
  return bdd.and(atLeast, atMost)
}
