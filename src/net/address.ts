import {Address4, Address6} from 'ip-address'
import type {IpFamily} from '../model/index.js'

export interface ParsedAddress {
  address: string
  family: IpFamily
}

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

/** Strict dotted-quad: no leading zeros (netmask reads `010` as octal; we refuse it). */
export function isIPv4(text: string): boolean {
  return V4.test(text)
}

export function ipv4ToInt(text: string): number {
  const p = text.split('.').map(Number)
  return (((p[0] ?? 0) << 24) | ((p[1] ?? 0) << 16) | ((p[2] ?? 0) << 8) | (p[3] ?? 0)) >>> 0
}

export function intToIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

/** Canonical address text for IPv4 or IPv6 (RFC 5952 form), or undefined when invalid. */
export function parseAddress(text: string): ParsedAddress | undefined {
  if (isIPv4(text)) return {address: text, family: 4}
  if (!text.includes(':') || text.includes('/')) return undefined
  try {
    const a = new Address6(text)
    return {address: a.correctForm(), family: 6}
  } catch {
    return undefined
  }
}

/** Contiguous dotted mask → prefix length; undefined when the mask is not contiguous. */
export function maskToLength(mask: string): number | undefined {
  if (!isIPv4(mask)) return undefined
  const n = ipv4ToInt(mask)
  const inv = ~n >>> 0
  if ((inv & (inv + 1)) !== 0) return undefined
  let len = 0
  for (let b = 31; b >= 0; b--) if ((n >>> b) & 1) len++
  return len
}

/** Prefix length of a contiguous wildcard (`0.0.0.255` → 24); undefined for non-contiguous ones. */
export function wildcardToLength(wildcard: string): number | undefined {
  if (!isIPv4(wildcard)) return undefined
  return maskToLength(intToIPv4(~ipv4ToInt(wildcard) >>> 0))
}

/** `a.b.c.d/len`, `a.b.c.d mask`, `x::y/len` → address + length. */
export function parsePrefix(text: string, mask?: string): {address: string; length: number; family: IpFamily} | undefined {
  let addr = text
  let len: number | undefined
  const slash = text.indexOf('/')
  if (slash >= 0) {
    addr = text.slice(0, slash)
    const l = text.slice(slash + 1)
    if (/^\d{1,3}$/.test(l)) len = Number(l)
    else if (isIPv4(l)) len = maskToLength(l)
    else return undefined
  } else if (mask !== undefined) {
    if (/^\d{1,2}$/.test(mask)) len = Number(mask)
    else len = maskToLength(mask)
  }
  const p = parseAddress(addr)
  if (!p || len === undefined) return undefined
  if (len > (p.family === 4 ? 32 : 128)) return undefined
  return {address: p.address, length: len, family: p.family}
}

/** Network address of address/length (canonical text). */
export function networkOf(address: string, length: number, family: IpFamily): string {
  if (family === 4) {
    const mask = length === 0 ? 0 : (~0 << (32 - length)) >>> 0
    return intToIPv4((ipv4ToInt(address) & mask) >>> 0)
  }
  const a = new Address6(`${address}/${length}`)
  return Address6.fromBigInt(a.startAddress().bigInt()).correctForm()
}

/** IPv6 or IPv4 address as a bigint, for containment checks. */
export function addressToBigInt(address: string, family: IpFamily): bigint {
  return family === 4 ? BigInt(ipv4ToInt(address)) : new Address6(address).bigInt()
}

/** Does prefix `inner` lie inside prefix `outer`? */
export function prefixContains(
  outer: {address: string; length: number; family: IpFamily},
  inner: {address: string; length: number; family: IpFamily},
): boolean {
  if (outer.family !== inner.family || inner.length < outer.length) return false
  const bits = outer.family === 4 ? 32 : 128
  const shift = BigInt(bits - outer.length)
  return addressToBigInt(outer.address, outer.family) >> shift === addressToBigInt(inner.address, inner.family) >> shift
}

export {Address4}
