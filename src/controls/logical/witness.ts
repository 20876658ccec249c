import type {Packet} from '../../analysis/packetset/index.js'
import type {ReachPath} from '../../analysis/reach/index.js'

const NAMES: Record<number, string> = {1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6', 132: 'sctp'}

/** The witness as findings carry it: `{src, dst, proto, sport, dport}`. */
export function witnessOf(p: Packet): Record<string, string | number> {
  const w: Record<string, string | number> = {src: p.src, dst: p.dst, proto: NAMES[p.protocol] ?? p.protocol}
  if (p.srcPort !== undefined) w.sport = p.srcPort
  if (p.dstPort !== undefined) w.dport = p.dstPort
  if (p.icmpType !== undefined) w.icmpType = p.icmpType
  return w
}

/** `tcp 172.20.10.0:1024 -> 203.0.113.20:443` */
export function packetText(p: Packet): string {
  const proto = NAMES[p.protocol] ?? `proto ${p.protocol}`
  const port = (x?: number) => (x === undefined ? '' : `:${x}`)
  return `${proto} ${p.src}${port(p.srcPort)} -> ${p.dst}${port(p.dstPort)}`
}

/** `ww-edge-1 Gi0/0/0>Gi0/0/1` per hop. */
export function pathText(path: ReachPath | undefined): string {
  if (!path || path.hops.length === 0) return path ? `${path.from}` : '-'
  return path.hops.map((h) => `${h.device} ${h.in} > ${h.out}`).join(' ; ')
}
