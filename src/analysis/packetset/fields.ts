import {type Bdd, FALSE, TRUE} from './bdd.js'
import type {Field} from './layout.js'

/**
 * Diagrams for integer constraints on one field. Each is built bottom-up with `mk` alone, so a
 * constraint costs at most `width` nodes and no apply call.
 */

/** Field values: `number` for fields of ≤ 32 bits (IPv4, ports, protocol…), `bigint` always works. */
export type FieldValue = bigint | number

/** Two reusable bit buffers (a constraint reads at most two values): no allocation per call. */
const BITS_A = new Uint8Array(128)
const BITS_B = new Uint8Array(128)

/** Writes the field's bits, most significant first, into `out`. Numbers for ≤ 32 bits: BigInt is slow. */
function bitsInto(out: Uint8Array, value: FieldValue, width: number): Uint8Array {
  if (width <= 32) {
    const v = Number(value) >>> 0
    for (let i = 0; i < width; i++) out[i] = (v >>> (width - 1 - i)) & 1
    return out
  }
  let v = BigInt(value)
  for (let i = width - 1; i >= 0; i--) {
    out[i] = Number(v & 1n)
    v >>= 1n
  }
  return out
}

/** Field bits where `care` is 1 equal those of `value`; the others are free (prefixes, wildcards). */
export function fieldMasked(bdd: Bdd, field: Field, value: FieldValue, care: FieldValue): number {
  const bits = bitsInto(BITS_A, value, field.width)
  const cares = bitsInto(BITS_B, care, field.width)
  let node = TRUE
  for (let i = field.width - 1; i >= 0; i--) {
    if (!cares[i]) continue
    const v = field.offset + i
    node = bits[i] ? bdd.mk(v, FALSE, node) : bdd.mk(v, node, FALSE)
  }
  return node
}

/** The top `length` bits equal those of `value`. */
export function fieldPrefix(bdd: Bdd, field: Field, value: FieldValue, length: number): number {
  const bits = bitsInto(BITS_A, value, field.width)
  let node = TRUE
  for (let i = length - 1; i >= 0; i--) {
    const v = field.offset + i
    node = bits[i] ? bdd.mk(v, FALSE, node) : bdd.mk(v, node, FALSE)
  }
  return node
}

export function fieldEquals(bdd: Bdd, field: Field, value: FieldValue): number {
  return fieldPrefix(bdd, field, value, field.width)
}

/** lo ≤ field ≤ hi (inclusive; empty when lo > hi). */
export function fieldRange(bdd: Bdd, field: Field, lo: FieldValue, hi: FieldValue): number {
  if (lo > hi) return FALSE
  const low = bitsInto(BITS_A, lo, field.width)
  const high = bitsInto(BITS_B, hi, field.width)
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
