import type {NetworkModel} from '../../network/types.js'
import type {Packet, PacketSet} from '../packetset/index.js'
import type {ReachAnalysis, ReachVerdict} from './analysis.js'
import {endpointSet} from './endpoints.js'
import type {ReachPath} from './paths.js'
import {formatServices, servicesOf} from './services.js'

export type CellStatus = 'blocked' | 'partial' | 'open' | 'unknown'

export interface MatrixCell {
  from: string
  to: string
  /** blocked: nothing may pass; open: every new session passes; partial: some do; unknown: some are undecided. */
  status: CellStatus
  /** Services that surely pass (protocol/port ranges). */
  services: string[]
  /** Services that may pass but are undecided. */
  undecided: string[]
  witness?: Packet
}

export interface Matrix {
  zones: string[]
  cells: MatrixCell[]
}

/** Every ordered pair of distinct zones: one propagation per source zone. */
export function zoneMatrix(a: ReachAnalysis, net: NetworkModel): Matrix {
  const zones = [...net.zones.keys()]
  const cells: MatrixCell[] = []
  for (const from of zones)
    for (const to of zones) {
      if (from === to) continue
      const r = a.zoneToZone(from, to)
      const unknown = r.reached.maybe.minus(r.reached.surely)
      const status: CellStatus = r.reached.maybe.isEmpty()
        ? 'blocked'
        : !unknown.isEmpty()
          ? 'unknown'
          : r.reached.surely.equals(a.placed(r.query))
            ? 'open'
            : 'partial'
      const cell: MatrixCell = {from, to, status, services: formatServices(servicesOf(r.reached.surely)), undecided: formatServices(servicesOf(unknown))}
      if (status !== 'blocked' && r.witness) cell.witness = r.witness
      cells.push(cell)
    }
  return {zones, cells}
}

export interface EndpointError {
  which: 'src' | 'dst'
  text: string
}

/** Resolve `--from/--to` style endpoints; the caller turns errors into input errors. */
export function endpoints(a: ReachAnalysis, src: string, dst: string): {src: PacketSet; dst: PacketSet} | EndpointError {
  const s = endpointSet(a.net, a.zones, a.space, 'src', src)
  if (!s) return {which: 'src', text: src}
  const d = endpointSet(a.net, a.zones, a.space, 'dst', dst)
  if (!d) return {which: 'dst', text: dst}
  return {src: s, dst: d}
}

export interface FlowVerdict {
  src: string
  dst: string
  proto: string
  dport?: number
  sport?: number
  verdict: ReachVerdict
  witness?: Packet
  paths: ReachPath[]
}

const PROTO: Record<string, number[]> = {tcp: [6], udp: [17], icmp: [1, 58]}

/** One reach question: src/dst endpoints, a protocol and ports; the verdict, a witness and every path. */
export function reachOne(a: ReachAnalysis, q: {src: string; dst: string; proto?: string; dport?: number; sport?: number}, limit = 16): FlowVerdict | EndpointError {
  const e = endpoints(a, q.src, q.dst)
  if ('which' in e) return e
  const space = a.space
  let svc = space.all
  const proto = q.proto ?? 'any'
  if (PROTO[proto]) svc = svc.intersect(space.protocols(PROTO[proto] as number[]))
  if (q.dport !== undefined) svc = svc.intersect(space.ports('dst', [{from: q.dport, to: q.dport}]))
  if (q.sport !== undefined) svc = svc.intersect(space.ports('src', [{from: q.sport, to: q.sport}]))
  const r = a.flow(e.src, e.dst, svc)
  const out: FlowVerdict = {src: q.src, dst: q.dst, proto, verdict: r.verdict, paths: r.witness ? a.paths(r.witness, limit) : []}
  if (q.dport !== undefined) out.dport = q.dport
  if (q.sport !== undefined) out.sport = q.sport
  if (r.witness) out.witness = r.witness
  return out
}
