import {Address6} from 'ip-address'
import type {AddressMatch, IpFamily, PortRange} from '../../model/index.js'
import {addressToBigInt, intToIPv4, parseAddress, parsePrefix} from '../../net/address.js'

/** Sorted, disjoint, non-adjacent inclusive intervals over bigint: addresses, ports, protocols. */
export type Intervals = [bigint, bigint][]

export function normalize(list: Intervals): Intervals {
  const sorted = [...list].filter(([a, b]) => a <= b).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
  const out: Intervals = []
  for (const [a, b] of sorted) {
    const last = out[out.length - 1]
    if (last && a <= last[1] + 1n) last[1] = last[1] > b ? last[1] : b
    else out.push([a, b])
  }
  return out
}

export function intersect(x: Intervals, y: Intervals): Intervals {
  const out: Intervals = []
  for (const [a, b] of x)
    for (const [c, d] of y) {
      const lo = a > c ? a : c
      const hi = b < d ? b : d
      if (lo <= hi) out.push([lo, hi])
    }
  return normalize(out)
}

/** Complement within [0, max]. */
export function complement(x: Intervals, max: bigint): Intervals {
  const out: Intervals = []
  let next = 0n
  for (const [a, b] of normalize(x)) {
    if (a > next) out.push([next, a - 1n])
    next = b + 1n
  }
  if (next <= max) out.push([next, max])
  return out
}

export const familyMax = (family: IpFamily): bigint => (family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n)

/** `10.0.0.0/8`, `10.0.0.1`, `10.0.0.0/255.0.0.0`, `2001:db8::/32` → the interval it covers (host bits masked, as the kernel does). */
export function prefixInterval(text: string, family: IpFamily): [bigint, bigint] | undefined {
  const p = text.includes('/') ? parsePrefix(text) : parsePrefix(text, family === 4 ? '32' : undefined)
  const single = !text.includes('/') ? parseAddress(text) : undefined
  const parsed = p ?? (single ? {address: single.address, length: single.family === 4 ? 32 : 128, family: single.family} : undefined)
  if (!parsed || parsed.family !== family) return undefined
  const bits = BigInt(family === 4 ? 32 : 128)
  const host = (1n << (bits - BigInt(parsed.length))) - 1n
  const base = addressToBigInt(parsed.address, family) & ~host
  return [base, base | host]
}

export function addressInterval(text: string, family: IpFamily): bigint | undefined {
  const p = parseAddress(text)
  return p && p.family === family ? addressToBigInt(p.address, family) : undefined
}

function addressText(value: bigint, family: IpFamily): string {
  return family === 4 ? intToIPv4(Number(value)) : Address6.fromBigInt(value).correctForm()
}

/** Largest aligned prefixes covering [a, b]. */
function prefixesOf(a: bigint, b: bigint, bits: number): {base: bigint; length: number}[] {
  const out: {base: bigint; length: number}[] = []
  let cur = a
  while (cur <= b) {
    let size = 0
    while (size < bits && (cur & ((1n << BigInt(size + 1)) - 1n)) === 0n && cur + (1n << BigInt(size + 1)) - 1n <= b) size++
    out.push({base: cur, length: bits - size})
    cur += 1n << BigInt(size)
  }
  return out
}

/** Intervals as model address matches: prefixes where few suffice (they read well), ranges otherwise. */
export function toAddressMatches(x: Intervals, family: IpFamily): AddressMatch[] {
  const bits = family === 4 ? 32 : 128
  const out: AddressMatch[] = []
  for (const [a, b] of x) {
    const prefixes = prefixesOf(a, b, bits)
    if (prefixes.length <= 4) {
      for (const p of prefixes) out.push({kind: 'prefix', family, address: addressText(p.base, family), length: p.length})
    } else out.push({kind: 'range', family, first: addressText(a, family), last: addressText(b, family)})
  }
  return out
}

export const toPortRanges = (x: Intervals): PortRange[] => x.map(([a, b]) => ({from: Number(a), to: Number(b)}))
export const fromPortRanges = (r: PortRange[]): Intervals => normalize(r.map((p) => [BigInt(p.from), BigInt(p.to)]))
