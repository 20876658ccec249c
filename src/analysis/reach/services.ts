import {FALSE, TRUE} from '../packetset/bdd.js'
import type {Field} from '../packetset/layout.js'
import type {PacketSet} from '../packetset/index.js'

/** A run of protocols, and the destination ports they carry (undefined: any port or a portless protocol). */
export interface Service {
  protocols: {from: number; to: number}
  ports?: {from: number; to: number}[]
}

const NAMES: Record<number, string> = {1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6', 132: 'sctp'}

/** Intervals of one field's values, in ascending order, each with the node for the rest of the variables. */
function intervals(set: PacketSet, node: number, field: Field): {from: number; to: number; rest: number}[] {
  const bdd = set.space.bdd
  const out: {from: number; to: number; rest: number}[] = []
  const end = field.offset + field.width
  const rec = (n: number, bit: number, prefix: number): void => {
    if (n === FALSE) return
    const v = n === TRUE ? end : bdd.variable(n)
    if (bit === field.width || v >= end) {
      const span = 2 ** (field.width - bit)
      const from = prefix * span
      const last = out[out.length - 1]
      if (last && last.rest === n && last.to + 1 === from) last.to = from + span - 1
      else out.push({from, to: from + span - 1, rest: n})
      return
    }
    if (v === field.offset + bit) {
      rec(bdd.low(n), bit + 1, prefix * 2)
      rec(bdd.high(n), bit + 1, prefix * 2 + 1)
    } else {
      rec(n, bit + 1, prefix * 2)
      rec(n, bit + 1, prefix * 2 + 1)
    }
  }
  rec(node, 0, 0)
  return out
}

/** ∃ over every variable outside `keep`: the projection of a set on some fields. */
function project(set: PacketSet, keep: (v: number) => boolean): number {
  const bdd = set.space.bdd
  const memo = new Map<number, number>()
  const rec = (n: number): number => {
    if (n <= TRUE) return n
    const hit = memo.get(n)
    if (hit !== undefined) return hit
    const v = bdd.variable(n)
    const lo = rec(bdd.low(n))
    const hi = rec(bdd.high(n))
    const r = keep(v) ? bdd.mk(v, lo, hi) : bdd.or(lo, hi)
    memo.set(n, r)
    return r
  }
  return rec(set.node)
}

/** The services (protocol, destination ports) a packet set holds, exactly. */
export function servicesOf(set: PacketSet): Service[] {
  const f = set.space.layout.fields
  const inField = (v: number, x: Field) => v >= x.offset && v < x.offset + x.width
  const node = project(set, (v) => inField(v, f.protocol) || inField(v, f.dstPort))
  return intervals(set, node, f.protocol).map((p) => {
    if (p.rest === TRUE) return {protocols: {from: p.from, to: p.to}}
    const ports = intervals(set, p.rest, f.dstPort).map((x) => ({from: x.from, to: x.to}))
    return {protocols: {from: p.from, to: p.to}, ports}
  })
}

const range = (r: {from: number; to: number}) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)

/** `tcp/80,443`, `udp/53`, `icmp`, `any`, `proto 47`. */
export function formatServices(services: Service[]): string[] {
  return services.map((s) => {
    const {from, to} = s.protocols
    const name = from === 0 && to === 255 ? 'any' : from === to ? (NAMES[from] ?? `proto ${from}`) : `proto ${from}-${to}`
    if (!s.ports) return name
    const all = s.ports.length === 1 && s.ports[0]?.from === 0 && s.ports[0]?.to === 65535
    return all ? name : `${name}/${s.ports.map(range).join(',')}`
  })
}
