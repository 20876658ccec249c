import type {Neighbor, NeighborTable} from '../../model/index.js'
import {CoverageRecorder} from '../common/coverage.js'
import {deviceLines, isPromptLine, type SourceLine} from '../common/text.js'
import {canonicalInterfaceName} from './names.js'

type BriefColumn = 'local' | 'device' | 'port' | 'exptime'

/** Header words of the two `display lldp neighbor brief` layouts (VRP5 and VRP8). */
function briefColumns(text: string): BriefColumn[] | undefined {
  const t = text.trim()
  if (!/^Local\s+Int/i.test(t)) return undefined
  const cols: {at: number; col: BriefColumn}[] = []
  const find = (re: RegExp, col: BriefColumn) => {
    const m = re.exec(t)
    if (m) cols.push({at: m.index, col})
  }
  find(/^Local\s+Int\w*/i, 'local')
  find(/Neighbor\s+Dev\w*/i, 'device')
  find(/Neighbor\s+Int\w*/i, 'port')
  find(/Exptime/i, 'exptime')
  if (cols.length < 3 || !cols.some((c) => c.col === 'device') || !cols.some((c) => c.col === 'port')) return undefined
  return cols.sort((a, b) => a.at - b.at).map((c) => c.col)
}

/** Keys of the verbose output this model uses; every other `key :value` line is recognized as detail. */
const VERBOSE_KEYS: Record<string, keyof Neighbor | 'portIdType' | 'portDescription' | 'index'> = {
  'neighbor index': 'index',
  'chassis id': 'remoteChassisId',
  'port id': 'remoteInterface',
  'port id type': 'portIdType',
  'port id subtype': 'portIdType',
  'port description': 'portDescription',
  'system name': 'remoteName',
  'system description': 'remotePlatform',
  'management address': 'remoteMgmtAddress',
  'management address value': 'remoteMgmtAddress',
}

interface Draft {
  n: Neighbor
  portIdType?: string
  portDescription?: string
}

function finish(d: Draft): Neighbor {
  // A port ID that is not an interface name (a MAC, an alias like "0") says less than the description.
  const type = (d.portIdType ?? '').toLowerCase().replace(/\s+/g, '')
  if (d.portDescription && type !== '' && type !== 'interfacename') d.n.remoteInterface = d.portDescription
  if (d.n.remoteInterface === undefined && d.portDescription) d.n.remoteInterface = d.portDescription
  return d.n
}

/** `display lldp neighbor brief` and `display lldp neighbor` (VRP5 and VRP8 layouts). Never throws. */
export function parseVrpNeighbors(input: Uint8Array | string, file: string): NeighborTable {
  const rec = new CoverageRecorder(file)
  const neighbors: Neighbor[] = []
  let brief: BriefColumn[] | undefined
  let local: string | undefined
  let draft: Draft | undefined
  const flush = () => {
    if (draft) neighbors.push(finish(draft))
    draft = undefined
  }
  for (const line of deviceLines(input)) {
    const t = line.text.trim()
    if (t === '' || isPromptLine(t) || /^(display|dis)\s/i.test(t) || /^-{5,}$/.test(t)) continue
    rec.count()
    const cols = briefColumns(t)
    if (cols) {
      flush()
      brief = cols
      continue
    }
    const has = /^(\S+)\s+has\s+(\d+)\s+neighbor/i.exec(t)
    if (has?.[1] !== undefined) {
      flush()
      brief = undefined
      local = canonicalInterfaceName(has[1])
      continue
    }
    if (brief) {
      if (!parseBriefRow(t, brief, line, rec, neighbors)) rec.unrecognized(line, 'not a neighbor row')
      continue
    }
    if (local === undefined) {
      rec.unrecognized(line, 'outside any neighbor block')
      continue
    }
    const kv = /^([A-Za-z][A-Za-z ()/-]*?)\s*:\s*(.*)$/.exec(t)
    const key = kv?.[1]?.toLowerCase().replace(/\s+/g, ' ')
    const field = key === undefined ? undefined : VERBOSE_KEYS[key]
    if (field === 'index') {
      flush()
      draft = {n: {localInterface: local, ref: rec.ref(line)}}
      continue
    }
    if (!draft || field === undefined) continue // detail lines (power, VLAN, description continuation)
    const value = (kv?.[2] ?? '').trim()
    if (value === '' || value === '--') continue
    if (field === 'portIdType') draft.portIdType = value
    else if (field === 'portDescription') draft.portDescription = value
    else if (field === 'remotePlatform' || field === 'remoteName' || field === 'remoteInterface' || field === 'remoteChassisId' || field === 'remoteMgmtAddress') {
      if (draft.n[field] === undefined) draft.n[field] = value
    }
  }
  flush()
  return {vendor: 'huawei-vrp', file, protocol: 'lldp', neighbors, coverage: rec.result()}
}

function parseBriefRow(t: string, cols: BriefColumn[], line: SourceLine, rec: CoverageRecorder, out: Neighbor[]): boolean {
  const tokens = t.split(/\s+/)
  if (tokens.length < cols.length) return false
  // A device name may hold spaces: it absorbs the extra tokens.
  const extra = tokens.length - cols.length
  const values: Partial<Record<BriefColumn, string>> = {}
  let k = 0
  for (const col of cols) {
    const take = col === 'device' ? extra + 1 : 1
    values[col] = tokens.slice(k, k + take).join(' ')
    k += take
  }
  if (values.exptime !== undefined && !/^\d+$/.test(values.exptime)) return false
  if (values.local === undefined || !/\d/.test(values.local)) return false
  const n: Neighbor = {localInterface: canonicalInterfaceName(values.local), ref: rec.ref(line)}
  if (values.device) n.remoteName = values.device
  if (values.port) n.remoteInterface = values.port
  out.push(n)
  return true
}
