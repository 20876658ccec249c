import type {Neighbor, NeighborTable} from '../../model/index.js'
import {CoverageRecorder} from '../common/coverage.js'
import {deviceLines, isPromptLine, type SourceLine} from '../common/text.js'
import {canonicalInterfaceName} from './names.js'

type Protocol = NeighborTable['protocol']

interface Columns {
  protocol: Protocol
  local: number
  hold: number
  platform?: number
  port: number
}

const NEIGHBOR_COMMAND = /[#>]\s*sh(ow?)?\s+(cdp|lldp)\s+(neighbors?|entry)/i
// Legends, counters and separators printed around the records.
const CHROME =
  /^(-{5,}|Capability [Cc]odes:|\(R\) Router|[A-Za-z] - |\s*[A-Za-z] - |Total (cdp |lldp )?entries displayed|\(W\) WLAN|\(B\)|\(P\)|D - Remote|S - Switch)/

/** Parser state: the record being filled and what the file turned out to be. */
class NeighborReader {
  readonly cov: CoverageRecorder
  readonly neighbors: Neighbor[] = []
  protocol?: Protocol
  private record?: {protocol: Protocol; start: SourceLine; n: Partial<Neighbor>; local?: string; portDesc?: string; portId?: string}
  private addressList?: 'entry' | 'mgmt'
  private columns?: Columns
  private wrappedName?: string

  constructor(readonly file: string) {
    this.cov = new CoverageRecorder(file)
  }

  private see(p: Protocol): void {
    this.protocol ??= p
  }

  /** Finish the open detail record; one without a local interface cannot place a link. */
  flush(): void {
    const r = this.record
    this.record = undefined
    this.addressList = undefined
    if (!r) return
    if (r.local === undefined) {
      this.cov.unrecognized(r.start, `${r.protocol} entry without a local interface`)
      return
    }
    const n: Neighbor = {localInterface: canonicalInterfaceName(r.local), ref: this.cov.ref(r.start)}
    const port = r.protocol === 'lldp' ? lldpRemotePort(r.portId, r.portDesc) : r.portId
    if (r.n.remoteName) n.remoteName = r.n.remoteName
    if (port) n.remoteInterface = port
    if (r.n.remoteChassisId) n.remoteChassisId = r.n.remoteChassisId
    if (r.n.remoteMgmtAddress) n.remoteMgmtAddress = r.n.remoteMgmtAddress
    if (r.n.remotePlatform) n.remotePlatform = r.n.remotePlatform
    this.neighbors.push(n)
  }

  /** One significant line; returns false when it means nothing to us. */
  read(line: SourceLine): boolean {
    const t = line.text.trim()
    let m: RegExpExecArray | null
    if ((m = /^Device ID:\s*(.*)$/.exec(t))) {
      this.flush()
      this.columns = undefined
      this.see('cdp')
      this.record = {protocol: 'cdp', start: line, n: {remoteName: m[1]?.trim() || undefined}}
      return true
    }
    if ((m = /^Local Intf:\s*(\S+)/.exec(t))) {
      this.flush()
      this.columns = undefined
      this.see('lldp')
      this.record = {protocol: 'lldp', start: line, n: {}, local: m[1]}
      return true
    }
    if (!this.record && (m = /^Chassis id:\s*(\S+)/.exec(t))) {
      // Older IOS prints LLDP detail without `Local Intf`: the entry is kept open to be reported.
      this.columns = undefined
      this.see('lldp')
      this.record = {protocol: 'lldp', start: line, n: {remoteChassisId: m[1]}}
      return true
    }
    if (/^-{5,}$/.test(t) || /^Total (cdp |lldp )?entries displayed/i.test(t)) {
      this.flush()
      return true
    }
    if (this.record) return this.readDetail(t)
    const header = tableColumns(line.text)
    if (header) {
      this.columns = header
      this.see(header.protocol)
      return true
    }
    if (this.columns) return this.readRow(line)
    return CHROME.test(t)
  }

  private readDetail(t: string): boolean {
    const r = this.record
    if (!r) return false
    let m: RegExpExecArray | null
    if ((m = /^Interface:\s*([^,]+),\s*Port ID \(outgoing port\):\s*(.*)$/.exec(t))) {
      r.local = m[1]?.trim()
      r.portId = m[2]?.trim()
    } else if ((m = /^Platform:\s*([^,]*),/.exec(t))) r.n.remotePlatform = m[1]?.trim() || undefined
    else if (/^Entry address\(es\):/.test(t)) this.addressList = 'entry'
    else if (/^Management address(es)?\(es\)?:?/i.test(t) && r.protocol === 'cdp') this.addressList = 'mgmt'
    else if (/^Management Addresses:/.test(t)) this.addressList = 'mgmt'
    else if ((m = /^(?:IP|IPv4|IPV4) address:\s*(\S+)|^IP:\s*(\S+)/.exec(t))) {
      // CDP: the entry address wins; a management address only fills a gap.
      r.n.remoteMgmtAddress ??= m[1] ?? m[2]
    } else if ((m = /^Chassis id:\s*(\S+)/.exec(t))) r.n.remoteChassisId = m[1]
    else if ((m = /^Port id:\s*(\S.*)$/.exec(t))) r.portId = m[1]?.trim()
    else if ((m = /^Port Description:\s*(\S.*)$/.exec(t))) r.portDesc = m[1]?.trim()
    else if ((m = /^System Name:\s*(\S.*)$/.exec(t))) r.n.remoteName = m[1]?.trim()
    // Every other line of a detail record (version text, holdtime, capabilities…) is descriptive.
    return true
  }

  private readRow(line: SourceLine): boolean {
    const c = this.columns
    if (!c) return false
    const text = line.text
    if (/^\S+$/.test(text)) {
      // CDP wraps a long Device ID onto its own line.
      this.wrappedName = text
      return true
    }
    const name = this.wrappedName ?? text.slice(0, c.local).trim()
    this.wrappedName = undefined
    let local: string | undefined
    if (c.protocol === 'cdp') local = /^\s*(.+?)\s+\d+\s/.exec(text.slice(c.local))?.[1]
    else local = text.slice(c.local, c.hold).trim()
    if (!local || !name) return false
    const n: Neighbor = {localInterface: canonicalInterfaceName(local), remoteName: name, ref: this.cov.ref(line)}
    const port = text.slice(c.port).trim()
    if (port) n.remoteInterface = port
    if (c.platform !== undefined) {
      const platform = text.slice(c.platform, c.port).trim()
      if (platform) n.remotePlatform = platform
    }
    this.neighbors.push(n)
    return true
  }
}

/** Column starts of a brief `show cdp neighbors` / `show lldp neighbors` table header. */
function tableColumns(text: string): Columns | undefined {
  if (!/^Device ID\s/.test(text)) return undefined
  const port = text.indexOf('Port ID')
  const cdpLocal = text.indexOf('Local Intrfce')
  if (cdpLocal > 0 && port > 0) {
    const platform = text.indexOf('Platform')
    const cols: Columns = {protocol: 'cdp', local: cdpLocal, hold: text.indexOf('Holdtme'), port}
    if (platform > 0) cols.platform = platform
    return cols
  }
  const local = text.indexOf('Local Intf')
  const hold = text.indexOf('Hold-time')
  if (local > 0 && hold > 0 && port > 0) return {protocol: 'lldp', local, hold, port}
  return undefined
}

/** LLDP Port id may be a MAC or an ifIndex; the description then names the port better. */
function lldpRemotePort(portId: string | undefined, desc: string | undefined): string | undefined {
  const looksLikeName = portId !== undefined && /[A-Za-z]/.test(portId) && /\d/.test(portId) && !/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$|^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(portId)
  if (looksLikeName || desc === undefined || desc === '') return portId
  return desc
}

/** `show cdp neighbors [detail]`, `show lldp neighbors [detail]`, alone or inside a session transcript. */
export function parseIosNeighbors(input: Uint8Array | string, file: string): NeighborTable {
  const reader = new NeighborReader(file)
  try {
    let foreign = false
    for (const line of deviceLines(input)) {
      if (isPromptLine(line.text)) {
        foreign = !NEIGHBOR_COMMAND.test(line.text)
        reader.flush()
        continue
      }
      if (foreign || line.text.trim() === '') continue
      reader.cov.count()
      if (!reader.read(line)) reader.cov.unrecognized(line, 'not part of a CDP/LLDP neighbor listing')
    }
    reader.flush()
  } catch (e) {
    reader.cov.count()
    reader.cov.unrecognized({no: 1, text: '', indent: 0}, `internal parser error: ${e instanceof Error ? e.message : String(e)}`)
  }
  return {vendor: 'cisco-ios', file, protocol: reader.protocol ?? 'lldp', neighbors: reader.neighbors, coverage: reader.cov.result()}
}
