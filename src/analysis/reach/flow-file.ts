import type {Diagnostic} from '../../errors/input-error.js'
import {InputError} from '../../errors/input-error.js'

/** One flow to check, as the user wrote it, with where it came from. */
export interface FlowLine {
  src: string
  dst: string
  proto: string
  dport?: number
  sport?: number
  line: number
}

const PROTOS = new Set(['tcp', 'udp', 'icmp', 'any'])
const KEYS = ['src', 'dst', 'proto', 'dport', 'sport']

function port(text: string | number | undefined, what: string, at: () => Omit<Diagnostic, 'message'>, problems: Diagnostic[]): number | undefined {
  if (text === undefined || text === '') return undefined
  const n = typeof text === 'number' ? text : /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    problems.push({...at(), message: `${what} '${text}' is not a port number`, hint: 'write a number from 0 to 65535, or leave it empty'})
    return undefined
  }
  return n
}

/**
 * Flows from a CSV file (header `src,dst,proto,dport[,sport]`) or JSON lines with those keys.
 * Every bad line is a diagnostic with file:line:col; nothing is guessed.
 */
export function parseFlowFile(text: string, file: string): FlowLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const firstIdx = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  const problems: Diagnostic[] = []
  const flows: FlowLine[] = []
  if (firstIdx < 0) return []
  const json = lines[firstIdx]?.trim().startsWith('{') ?? false
  let columns: string[] = []
  if (!json) {
    columns = (lines[firstIdx] ?? '').split(',').map((c) => c.trim().toLowerCase())
    const missing = ['src', 'dst', 'proto', 'dport'].filter((k) => !columns.includes(k))
    const extra = columns.filter((c) => !KEYS.includes(c))
    if (missing.length || extra.length) {
      throw new InputError([{file, line: firstIdx + 1, col: 1, message: `flow file header must name src,dst,proto,dport and optionally sport${extra.length ? `; unknown column ${extra.join(', ')}` : ''}`, hint: 'first line: src,dst,proto,dport,sport'}])
    }
  }
  lines.forEach((raw, i) => {
    if (i < firstIdx || (!json && i === firstIdx)) return
    const l = raw.trim()
    if (l === '' || l.startsWith('#')) return
    const lineNo = i + 1
    let rec: Record<string, string | number | undefined> = {}
    const colOf = (key: string): number => {
      if (json) return Math.max(1, raw.indexOf(`"${key}"`) + 1)
      const k = columns.indexOf(key)
      return raw.split(',').slice(0, k).join(',').length + (k > 0 ? 2 : 1)
    }
    const at = (key: string) => () => ({file, line: lineNo, col: colOf(key)})
    if (json) {
      try {
        const v: unknown = JSON.parse(l)
        if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object')
        rec = v as Record<string, string | number>
      } catch {
        problems.push({file, line: lineNo, col: 1, message: 'not a JSON object', hint: 'one object per line: {"src":"…","dst":"…","proto":"tcp","dport":443}'})
        return
      }
    } else {
      const cells = raw.split(',')
      if (cells.length !== columns.length) {
        problems.push({file, line: lineNo, col: 1, message: `expected ${columns.length} fields, found ${cells.length}`, hint: `fields: ${columns.join(',')}`})
        return
      }
      columns.forEach((c, k) => {
        rec[c] = (cells[k] ?? '').trim()
      })
    }
    const before = problems.length
    for (const key of ['src', 'dst', 'proto']) {
      if (typeof rec[key] !== 'string' || rec[key] === '') problems.push({...at(key)(), message: `missing ${key}`, hint: 'every flow needs src, dst and proto'})
    }
    const proto = String(rec.proto ?? '').toLowerCase()
    if (proto && !PROTOS.has(proto)) problems.push({...at('proto')(), message: `unknown protocol '${proto}'`, hint: 'use tcp, udp, icmp or any'})
    const dport = port(rec.dport, 'dport', at('dport'), problems)
    const sport = port(rec.sport, 'sport', at('sport'), problems)
    if (problems.length > before) return
    flows.push({src: String(rec.src), dst: String(rec.dst), proto, ...(dport !== undefined ? {dport} : {}), ...(sport !== undefined ? {sport} : {}), line: lineNo})
  })
  if (problems.length) throw new InputError(problems)
  return flows
}
