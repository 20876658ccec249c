import type {AddressMatch, PortRange} from '../../model/index.js'
import {isIPv4, networkOf, parseAddress, parsePrefix, wildcardToLength} from '../../net/address.js'
import {portNumber} from './acl-names.js'

/** A cursor over the words of an ACL entry. */
export class Words {
  i = 0
  constructor(readonly w: string[]) {}
  peek(offset = 0): string | undefined {
    return this.w[this.i + offset]
  }
  peekLower(offset = 0): string | undefined {
    return this.peek(offset)?.toLowerCase()
  }
  next(): string | undefined {
    return this.w[this.i++]
  }
  done(): boolean {
    return this.i >= this.w.length
  }
}

export type AddressSpec = {kind: 'match'; match: AddressMatch} | {kind: 'group'; name: string}

/** `A WILDCARD` → a prefix when the wildcard is contiguous, else the wildcard itself. */
export function wildcardMatch(address: string, wildcard: string): AddressMatch | undefined {
  if (!isIPv4(address) || !isIPv4(wildcard)) return undefined
  const length = wildcardToLength(wildcard)
  if (length === undefined) return {kind: 'wildcard', address, wildcard}
  if (length === 0) return {kind: 'any'}
  return {kind: 'prefix', family: 4, address: networkOf(address, length, 4), length}
}

/**
 * One address operand: `any`, `host A`, `object-group N`, `A WILDCARD` (IPv4) or `X/LEN` (IPv6).
 * A bare IPv4 address is a host only in standard ACLs (`bareHost`).
 */
export function readAddress(c: Words, v6: boolean, bareHost = false): AddressSpec | undefined {
  const tok = c.next()
  if (tok === undefined) return undefined
  const low = tok.toLowerCase()
  if (low === 'any') return {kind: 'match', match: {kind: 'any'}}
  if (low === 'object-group' || low === 'addrgroup') {
    const name = c.next()
    return name === undefined ? undefined : {kind: 'group', name}
  }
  if (low === 'host') {
    const a = parseAddress(c.next() ?? '')
    if (!a || (a.family === 6) !== v6) return undefined
    return {kind: 'match', match: {kind: 'prefix', family: a.family, address: a.address, length: a.family === 4 ? 32 : 128}}
  }
  if (v6) {
    const p = parsePrefix(tok)
    if (!p || p.family !== 6) return undefined
    return {kind: 'match', match: {kind: 'prefix', family: 6, address: networkOf(p.address, p.length, 6), length: p.length}}
  }
  if (!isIPv4(tok)) return undefined
  const wc = c.peek()
  if (wc !== undefined && isIPv4(wc)) {
    c.next()
    const m = wildcardMatch(tok, wc)
    return m ? {kind: 'match', match: m} : undefined
  }
  if (bareHost) return {kind: 'match', match: {kind: 'prefix', family: 4, address: tok, length: 32}}
  return undefined
}

const PORT_OPS = new Set(['eq', 'neq', 'gt', 'lt', 'range'])

export function isPortOp(tok: string | undefined): boolean {
  return tok !== undefined && PORT_OPS.has(tok.toLowerCase())
}

/** `eq P…`, `neq P`, `gt P`, `lt P`, `range A B` → port ranges; undefined when malformed. */
export function readPorts(c: Words, protocol: number | undefined): PortRange[] | undefined {
  const op = c.next()?.toLowerCase()
  const port = (): number | undefined => {
    const t = c.next()
    return t === undefined ? undefined : portNumber(t, protocol)
  }
  switch (op) {
    case 'eq': {
      const out: PortRange[] = []
      // IOS-XE accepts several ports after one `eq`.
      do {
        const p = port()
        if (p === undefined) return undefined
        out.push({from: p, to: p})
      } while (c.peek() !== undefined && portNumber(c.peek() ?? '', protocol) !== undefined)
      return out
    }
    case 'neq': {
      const p = port()
      if (p === undefined) return undefined
      const out: PortRange[] = []
      if (p > 0) out.push({from: 0, to: p - 1})
      if (p < 65535) out.push({from: p + 1, to: 65535})
      return out
    }
    case 'gt': {
      const p = port()
      return p === undefined || p >= 65535 ? undefined : [{from: p + 1, to: 65535}]
    }
    case 'lt': {
      const p = port()
      return p === undefined || p <= 0 ? undefined : [{from: 0, to: p - 1}]
    }
    case 'range': {
      const a = port()
      const b = port()
      return a === undefined || b === undefined || b < a ? undefined : [{from: a, to: b}]
    }
    default:
      return undefined
  }
}
