import type {Packet} from '../analysis/packetset/index.js'
import type {FlowVerdict, Matrix, ReachPath} from '../analysis/reach/index.js'

const NAMES: Record<number, string> = {1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6'}

export function packetLine(p: Packet): string {
  const port = (x?: number) => (x === undefined ? '' : `:${x}`)
  return `${NAMES[p.protocol] ?? `proto ${p.protocol}`} ${p.src}${port(p.srcPort)} -> ${p.dst}${port(p.dstPort)}`
}

/** The zone matrix as text: one line per ordered pair. */
export function matrixText(m: Matrix): string {
  const w = Math.max(4, ...m.zones.map((z) => z.length))
  const lines = m.cells.map((c) => {
    const svc = c.services.length ? c.services.join(' ') : '-'
    const und = c.undecided.length ? `  undecided: ${c.undecided.join(' ')}` : ''
    return `${c.from.padEnd(w)} -> ${c.to.padEnd(w)}  ${c.status.padEnd(7)}  ${svc}${und}`
  })
  return `${'from'.padEnd(w)}    ${'to'.padEnd(w)}  status   services\n${lines.join('\n')}\n`
}

export function pathText(p: ReachPath): string {
  const head = `  path ${p.verdict}: ${p.from} => ${p.to}`
  if (p.hops.length === 0) return `${head}\n    (same segment: no device in between)`
  const hops = p.hops.map((h) => {
    const checks = h.checks.length
      ? h.checks.map((c) => `      ${c.verdict.padEnd(7)} ${c.label}${c.rule ? ` rule ${c.rule}` : ` (${c.by})`}  ${c.ref.file}:${c.ref.line}${c.ref.text ? `  ${c.ref.text.trim()}` : ''}${c.reason ? `  [${c.reason}]` : ''}`).join('\n')
      : '      permit  (no filter)'
    return `    ${h.device} ${h.in} -> ${h.out}: ${h.verdict}\n${checks}`
  })
  return `${head}\n${hops.join('\n')}`
}

export function verdictText(v: FlowVerdict): string {
  const q = `${v.src} -> ${v.dst} ${v.proto}${v.dport !== undefined ? `/${v.dport}` : ''}`
  const w = v.witness ? `\n  ${v.verdict === 'blocked' ? 'example' : 'witness'}: ${packetLine(v.witness)}` : ''
  const paths = v.paths.length ? `\n${v.paths.map(pathText).join('\n')}` : '\n  no path'
  return `${v.verdict.toUpperCase()}  ${q}${w}${paths}\n`
}
