import {isIPv4, maskToLength, networkOf, parseAddress} from '../net/address.js'
import type {IpFamily} from '../model/index.js'

/** Either a canonical value, or what is wrong and how to fix it. */
export type Checked = {ok: true; value: string} | {ok: false; message: string; hint?: string}

/** Text that the user meant as an address or prefix rather than an id (ids never contain `:`). */
export function looksLikeAddress(text: string): boolean {
  return /^\d+(\.\d+)+(\/.*)?$/.test(text) || text.includes(':')
}

function badAddress(text: string): Checked {
  if (/^\d+(\.\d+){3}$/.test(text) && text.split('.').some((o) => /^0\d/.test(o))) {
    return {ok: false, message: `invalid address "${text}": leading zeros`, hint: 'write octets without leading zeros (010 is octal to some tools)'}
  }
  if (text.includes('%')) return {ok: false, message: `invalid address "${text}": zone index not allowed`, hint: 'drop the %zone suffix'}
  return {ok: false, message: `invalid address "${text}"`, hint: 'write an IPv4 (10.1.2.3) or IPv6 (2001:db8::1) address'}
}

function address(text: string): {address: string; family: IpFamily} | undefined {
  if (text.includes('%') || text.trim() !== text) return undefined
  return parseAddress(text)
}

/** A plain address (`10.10.255.1`, `2001:db8::1`) → canonical text. */
export function checkAddress(text: string): Checked {
  const parsed = address(text)
  return parsed ? {ok: true, value: parsed.address} : badAddress(text)
}

/**
 * `addr/len`. A prefix (`hostBits: false`) must be a network address: `10.1.2.77/24` is refused with
 * the network the user probably meant; an interface address (`hostBits: true`) keeps its host part.
 */
export function checkCidr(text: string, hostBits: boolean): Checked {
  const slash = text.indexOf('/')
  const what = hostBits ? 'interface address' : 'prefix'
  if (slash < 0) {
    const plain = address(text)
    if (!plain) return badAddress(text)
    const example = hostBits ? `${plain.address}/24` : `${plain.address}/${plain.family === 4 ? 32 : 128}`
    return {ok: false, message: `${what} "${text}" has no length`, hint: `add the prefix length, e.g. ${example}`}
  }
  const addrText = text.slice(0, slash)
  const lenText = text.slice(slash + 1)
  const parsed = address(addrText)
  if (!parsed) return badAddress(addrText)
  const max = parsed.family === 4 ? 32 : 128
  if (!/^(0|[1-9]\d{0,2})$/.test(lenText)) {
    const fromMask = isIPv4(lenText) ? maskToLength(lenText) : undefined
    const hint = fromMask !== undefined ? `write the length: ${addrText}/${fromMask}` : `the length is a number from 0 to ${max}`
    return {ok: false, message: `invalid ${what} length in "${text}"`, hint}
  }
  const length = Number(lenText)
  if (length > max) return {ok: false, message: `${what} length ${length} exceeds ${max} in "${text}"`, hint: `the length is a number from 0 to ${max}`}
  const network = networkOf(parsed.address, length, parsed.family)
  if (!hostBits && network !== parsed.address) {
    return {ok: false, message: `prefix "${text}" has host bits set`, hint: `did you mean ${network}/${length}?`}
  }
  return {ok: true, value: `${parsed.address}/${length}`}
}

/** A flow endpoint written as an address or a prefix → canonical text. */
export function checkEndpointAddress(text: string): Checked {
  return text.includes('/') ? checkCidr(text, false) : checkAddress(text)
}

/** RFC 1123 host name, for management addresses given as DNS names. */
export function isHostName(text: string): boolean {
  return text.length <= 253 && /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$/.test(text) && !/^[\d.]+$/.test(text)
}
