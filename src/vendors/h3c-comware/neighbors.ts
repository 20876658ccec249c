import type {Neighbor, NeighborTable} from '../../model/index.js'
import {CoverageRecorder} from '../common/coverage.js'
import {deviceLines, isPromptLine, type SourceLine} from '../common/text.js'
import {canonicalInterfaceName} from './names.js'

/**
 * `display lldp neighbor-information [verbose]` (records opened by
 * "LLDP neighbor-information of port N[IF]:") and `display lldp neighbor-information list`
 * (columns located from the header, Comware 5 and 7 orders alike).
 */
export function parseComwareNeighbors(input: Uint8Array | string, file: string): NeighborTable {
  const rec = new CoverageRecorder(file)
  const neighbors: Neighbor[] = []
  const lines = deviceLines(input)
  let record: Neighbor | undefined
  let lastKey: string | undefined
  let columns: Column[] | undefined
  let lastRow: {neighbor: Neighbor; fields: Map<Field, string>} | undefined

  for (const line of lines) {
    const text = line.text.trim()
    if (text === '' || isPromptLine(text)) continue
    rec.count()
    const port = /^LLDP neighbor[- ]information of port \d+\s*\[([^\]]+)\]\s*:?\s*$/i.exec(text)
    if (port) {
      record = {localInterface: canonicalInterfaceName(port[1] ?? ''), ref: rec.ref(line)}
      neighbors.push(record)
      columns = undefined
      lastKey = undefined
      continue
    }
    const header = listHeader(line)
    if (header) {
      columns = header
      record = undefined
      lastRow = undefined
      continue
    }
    if (record) {
      if (verboseLine(record, line, lastKey, (k) => (lastKey = k))) continue
      rec.unrecognized(line, 'unrecognized LLDP line', `LLDP neighbor of ${record.localInterface}`)
      continue
    }
    if (columns) {
      const row = listRow(line, columns)
      if (row && row.local !== '') {
        const neighbor = rowNeighbor(row.fields, row.local, rec.ref(line))
        neighbors.push(neighbor)
        lastRow = {neighbor, fields: row.fields}
        continue
      }
      // A long value wraps onto the next line with the interface column empty.
      if (row && row.local === '' && lastRow) {
        for (const [k, v] of row.fields) lastRow.fields.set(k, (lastRow.fields.get(k) ?? '') + v)
        Object.assign(lastRow.neighbor, rowNeighbor(lastRow.fields, lastRow.neighbor.localInterface, lastRow.neighbor.ref))
        continue
      }
      rec.unrecognized(line, 'unrecognized LLDP list row')
      continue
    }
    if (isLegend(text)) continue
    rec.unrecognized(line, 'unrecognized LLDP line')
  }
  const table: NeighborTable = {vendor: 'h3c-comware', file, protocol: 'lldp', neighbors, coverage: rec.result()}
  return table
}

/** Header lines before the table: the agent legend of Comware 7. */
function isLegend(text: string): boolean {
  return /^(Chassis ID\s*:\s*[*#]|[*#]\s+--|Default\s+--)/i.test(text) || /Nearest (nontpmr |customer )?bridge neighbor$/i.test(text) || /^LLDP agent\b/i.test(text)
}

/** Key-value line of a verbose record; continuation lines of long values (system description) are absorbed. */
function verboseLine(record: Neighbor, line: SourceLine, lastKey: string | undefined, setKey: (k: string) => void): boolean {
  const text = line.text.trim()
  if (/^LLDP agent\b/i.test(text)) return true
  // Wrapped value (system description): deeply indented text after a key.
  if (lastKey !== undefined && line.indent >= 16) return true
  const kv = /^([A-Za-z][A-Za-z0-9 ()/-]*?)\s*:\s*(.*)$/.exec(text)
  if (!kv) return false
  const key = (kv[1] ?? '').toLowerCase()
  const value = (kv[2] ?? '').trim()
  setKey(key)
  if (value === '') return true
  if (key === 'chassis id') record.remoteChassisId = value
  else if (key === 'port id') record.remoteInterface = value
  else if (key === 'system name') {
    if (value !== '-') record.remoteName = value
  } else if (key === 'management address') record.remoteMgmtAddress = value
  else if (key === 'system description') record.remotePlatform = value
  return true
}

type Field = 'name' | 'local' | 'chassis' | 'port'

interface Column {
  field: Field
  start: number
}

const HEADER_NAMES: Record<Field, RegExp> = {
  name: /System\s?Name|SysName/i,
  local: /Local\s?(Interface|Port|Intf)/i,
  chassis: /Chassis\s?ID/i,
  port: /Port\s?ID/i,
}

/** `System Name  Local Interface Chassis ID  Port ID` in any order → column starts. */
function listHeader(line: SourceLine): Column[] | undefined {
  const text = line.text
  if (/:/.test(text)) return undefined
  const cols: Column[] = []
  for (const field of Object.keys(HEADER_NAMES) as Field[]) {
    const m = HEADER_NAMES[field].exec(text)
    if (m) cols.push({field, start: m.index})
  }
  if (!cols.some((c) => c.field === 'local') || cols.length < 3) return undefined
  return cols.sort((a, b) => a.start - b.start)
}

/**
 * Slice a row by the header's columns. A value longer than its column pushes the next one right,
 * so a column starts at the first word boundary at or after its header position.
 */
function listRow(line: SourceLine, columns: readonly Column[]): {local: string; fields: Map<Field, string>} | undefined {
  const text = line.text
  const starts: number[] = []
  let prev = 0
  for (const [i, col] of columns.entries()) {
    let p = i === 0 ? 0 : Math.max(col.start, prev)
    while (p > 0 && p < text.length && text[p - 1] !== ' ') p++
    starts.push(Math.min(p, text.length))
    prev = p + 1
  }
  const fields = new Map<Field, string>()
  for (const [i, col] of columns.entries()) {
    const from = starts[i] ?? text.length
    const to = i + 1 < columns.length ? (starts[i + 1] ?? text.length) : text.length
    fields.set(col.field, text.slice(from, Math.max(from, to)).trim())
  }
  const local = fields.get('local') ?? ''
  if (local !== '' && !/\d/.test(local)) return undefined
  return {local, fields}
}

function rowNeighbor(fields: Map<Field, string>, local: string, ref: Neighbor['ref']): Neighbor {
  const n: Neighbor = {localInterface: canonicalInterfaceName(local), ref}
  const name = fields.get('name')
  if (name && name !== '-') n.remoteName = name
  const port = fields.get('port')
  if (port) n.remoteInterface = port
  const chassis = fields.get('chassis')?.replace(/^[*#]\s*/, '')
  if (chassis) n.remoteChassisId = chassis
  return n
}
