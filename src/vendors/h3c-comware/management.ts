import type {FilterBinding, ManagementLine, ManagementPlane, ManagementServiceName, SourceRef} from '../../model/index.js'
import type {BlockHandler, Statement} from './walker.js'

type Ref = (s: Statement) => SourceRef

/**
 * Management-plane facts: services, VTY/console lines, SNMP, login-failure limits, and the
 * ACLs bound to them (as `management` filter bindings).
 */
export class ManagementReader {
  readonly plane: ManagementPlane = {services: [], lines: [], snmp: {communities: [], versions: []}}
  readonly bindings: FilterBinding[] = []

  constructor(private readonly ref: Ref) {}

  /** System-view management commands; true when understood. */
  global(s: Statement): boolean {
    const low = s.words.map((w) => w.toLowerCase())
    const undo = low[0] === 'undo'
    const w = undo ? low.slice(1) : low
    const service = serviceOf(w)
    if (service) {
      this.service(service, !undo, s)
      return true
    }
    // `ssh server acl 2000`, `telnet server acl 2000`, `ip http acl 2000`, `snmp-agent … acl` handled below.
    const acl = serverAcl(w)
    if (acl && !undo) {
      this.bindings.push({kind: 'management', filter: acl.filter, line: acl.line, ref: this.ref(s)})
      return true
    }
    if (w[0] === 'snmp-agent') return this.snmp(s, w, undo)
    if (w[0] === 'password-control') {
      if (w[1] === 'login-attempt' && /^\d+$/.test(w[2] ?? '') && !undo) {
        this.plane.loginFailureLimit = {attempts: Number(w[2]), ref: this.ref(s)}
        return true
      }
      if (w[1] === 'login-attempt' && undo) {
        delete this.plane.loginFailureLimit
        return true
      }
      // Password ageing, length, composition, history: not a login-failure limit.
      return true
    }
    return false
  }

  private service(name: ManagementServiceName, enabled: boolean, s: Statement): void {
    const existing = this.plane.services.find((x) => x.name === name)
    if (existing) {
      existing.enabled = enabled
      existing.ref = this.ref(s)
    } else this.plane.services.push({name, enabled, ref: this.ref(s)})
  }

  private snmp(s: Statement, w: string[], undo: boolean): boolean {
    if (w.length === 1) {
      this.service('snmp', !undo, s)
      return true
    }
    if (w[1] === 'community' && !undo) return this.community(s)
    if (w[1] === 'sys-info' && w[2] === 'version') {
      const versions = w.slice(3).flatMap((v) => (v === 'all' ? ['v1', 'v2c', 'v3'] : [v]))
      if (versions.length === 0 || versions.some((v) => !['v1', 'v2c', 'v3'].includes(v))) return false
      const set = new Set(this.plane.snmp.versions)
      for (const v of versions) {
        if (undo) set.delete(v)
        else set.add(v)
      }
      this.plane.snmp.versions = [...set].sort()
      return true
    }
    // Engine id, contact, location, traps, target hosts, USM users, MIB views: no access decision.
    return true
  }

  /**
   * `snmp-agent community read|write [simple|cipher] NAME [mib-view V] [acl [ipv6] N|name X]` and the
   * Comware 7 RBAC form `snmp-agent community [simple|cipher] NAME user-role R [acl …]`.
   * Only whether the name is a well-known default is kept, never the name.
   */
  private community(s: Statement): boolean {
    const w = s.words
    const low = w.map((x) => x.toLowerCase())
    let i = 2
    let access: 'ro' | 'rw' | 'unknown' = 'unknown'
    if (low[i] === 'read' || low[i] === 'write') {
      access = low[i] === 'read' ? 'ro' : 'rw'
      i++
    }
    let storage = 'plain'
    if (low[i] === 'simple' || low[i] === 'cipher') {
      storage = low[i] ?? 'plain'
      i++
    }
    const name = w[i]
    if (name === undefined) return false
    i++
    let acl: string | undefined
    while (i < w.length) {
      const k = low[i]
      if (k === 'mib-view') i += 2
      else if (k === 'user-role') {
        const role = low[i + 1] ?? ''
        if (access === 'unknown') access = role === 'network-operator' ? 'ro' : role === 'network-admin' ? 'rw' : 'unknown'
        i += 2
      } else if (k === 'acl') {
        if (low[i + 1] === 'ipv6') i++
        if (low[i + 1] === 'name') i++
        acl = w[i + 1]
        i += 2
      } else return false
    }
    // A cipher text hides the name: it may still be a default, which we cannot tell.
    const isDefault = storage !== 'cipher' && ['public', 'private'].includes(name.toLowerCase())
    const community = {isDefault, access, ref: this.ref(s)} as ManagementPlane['snmp']['communities'][number]
    if (acl !== undefined) {
      community.acl = acl
      this.bindings.push({kind: 'management', filter: acl, line: 'snmp', ref: this.ref(s)})
    }
    this.plane.snmp.communities.push(community)
    return true
  }

  /** `user-interface vty 0 4` (Comware 5) / `line vty 0 63` (Comware 7); `line class` views hold defaults only. */
  openLine(s: Statement): BlockHandler | undefined {
    const low = s.words.map((w) => w.toLowerCase())
    if (low[1] === 'class') return {child: () => true}
    const type = low[1]
    if (type === undefined || !LINE_TYPES.has(type) || !/^\d+$/.test(low[2] ?? '') || low.length > 4) return undefined
    if (low[3] !== undefined && !/^\d+$/.test(low[3])) return undefined
    const kind = type === 'vty' ? 'vty' : type === 'con' || type === 'console' ? 'console' : type === 'aux' ? 'aux' : 'other'
    const name = s.words.slice(1).join(' ')
    // Comware defaults: VTYs accept both Telnet and SSH; the idle timeout is 10 minutes.
    const line: ManagementLine = {name, kind, transports: kind === 'vty' ? ['ssh', 'telnet'] : [], idleTimeoutMinutes: 10, ref: this.ref(s)}
    this.plane.lines.push(line)
    return {child: (c) => this.lineCommand(line, c)}
  }

  private lineCommand(line: ManagementLine, s: Statement): boolean {
    const low = s.words.map((w) => w.toLowerCase())
    const [a, b, c] = low
    if (a === 'authentication-mode' && b !== undefined && ['scheme', 'password', 'none'].includes(b)) {
      line.authMode = b
      return true
    }
    if (a === 'protocol' && b === 'inbound' && c !== undefined) {
      const t = low.slice(2)
      if (t.some((x) => !['ssh', 'telnet', 'all', 'pad', 'http', 'https'].includes(x))) return false
      line.transports = t.includes('all') ? ['ssh', 'telnet'] : t
      return true
    }
    if (a === 'idle-timeout' && /^\d+$/.test(b ?? '')) {
      const seconds = c === undefined ? 0 : /^\d+$/.test(c) ? Number(c) : Number.NaN
      if (Number.isNaN(seconds)) return false
      line.idleTimeoutMinutes = Number(b) + seconds / 60
      return true
    }
    if (a === 'undo' && b === 'idle-timeout') {
      line.idleTimeoutMinutes = 10
      return true
    }
    // `acl [ipv6] N|name X inbound`: who may open a session on this line.
    if (a === 'acl') {
      const rest = low.slice(1).filter((x) => x !== 'ipv6' && x !== 'name' && x !== 'mac')
      const filterIdx = s.words.length - 2
      if (rest[rest.length - 1] === 'inbound' && rest.length === 2) {
        const filter = s.words[filterIdx] ?? ''
        if (line.accessAcl === undefined) line.accessAcl = filter
        this.bindings.push({kind: 'management', filter, line: line.name, ref: this.ref(s)})
        return true
      }
      // Outbound ACLs restrict sessions the device opens, not who reaches it.
      return rest[rest.length - 1] === 'outbound'
    }
    // Passwords (never read), roles, privilege, command authorization/accounting, terminal settings.
    return LINE_IRRELEVANT.has(a ?? '') || (a === 'set' && b === 'authentication') || (a === 'user' && b === 'privilege')
  }
}

const LINE_TYPES = new Set(['vty', 'con', 'console', 'aux', 'tty', 'async'])

const LINE_IRRELEVANT = new Set(['user-role', 'command', 'screen-length', 'history-command', 'shell', 'terminal', 'escape-key', 'flow-control', 'databits', 'parity', 'speed', 'stopbits', 'activation-key', 'auto-execute', 'queue-length', 'sendat', 'password', 'authentication'])

function serviceOf(w: string[]): ManagementServiceName | undefined {
  const t = w.join(' ')
  const table: Record<string, ManagementServiceName> = {
    'ssh server enable': 'ssh',
    'telnet server enable': 'telnet',
    'ip http enable': 'http',
    'ip https enable': 'https',
    'ftp server enable': 'ftp',
    'sftp server enable': 'sftp',
    'tftp server enable': 'tftp',
    'netconf ssh server enable': 'netconf',
    'netconf soap http enable': 'netconf',
    'netconf soap https enable': 'netconf',
  }
  return table[t]
}

function serverAcl(w: string[]): {filter: string; line: string} | undefined {
  const m = /^(ssh server|telnet server|ip http|ip https|ftp server|snmp-agent) acl (?:ipv6 )?(?:name )?(\S+)$/.exec(w.join(' '))
  if (!m) return undefined
  const line = (m[1] ?? '').split(' ')[(m[1] ?? '').startsWith('ip ') ? 1 : 0] ?? ''
  return {filter: m[2] ?? '', line}
}
