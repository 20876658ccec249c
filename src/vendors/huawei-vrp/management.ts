import type {ManagementLine, ManagementServiceName} from '../../model/index.js'
import type {SourceLine} from '../common/text.js'
import type {Block} from './blocks.js'
import {words} from './blocks.js'
import {type ParseContext, unknown} from './context.js'

/** VRP's idle timeout when `idle-timeout` is absent (command reference: "By default, the timeout period is 10 minutes"). */
const DEFAULT_IDLE_MINUTES = 10

// Terminal cosmetics inside a user-interface view.
const IGNORED_LINE_COMMANDS = new Set(['screen-length', 'history-command', 'shell', 'undo shell', 'speed', 'databits', 'parity', 'stopbits', 'flow-control', 'modem', 'terminal', 'escape-key', 'auto-execute', 'screen-width', 'authorization-mode'])

/** `user-interface vty 0 4`, `user-interface con 0`, `user-interface console 0`, `user-interface aux 0`. */
export function parseUserInterface(block: Block, ctx: ParseContext): void {
  const w = words(block.header)
  const type = (w[1] ?? '').toLowerCase()
  const kind: ManagementLine['kind'] =
    type === 'vty' ? 'vty' : type === 'con' || type === 'console' ? 'console' : type === 'aux' ? 'aux' : 'other'
  const name = [kind === 'console' ? 'con' : type, ...w.slice(2)].join(' ')
  const line: ManagementLine = {name, kind, transports: [], ref: ctx.rec.ref(block.header)}
  let idle: number | undefined
  for (const l of block.body) {
    const t = words(l)
    const low = t.map((x) => x.toLowerCase())
    if (low[0] === 'authentication-mode' && t.length === 2) line.authMode = low[1] ?? ''
    else if (low[0] === 'protocol' && low[1] === 'inbound' && t.length >= 3) line.transports = low.slice(2)
    else if (low[0] === 'idle-timeout' && /^\d+$/.test(t[1] ?? '') && t.length <= 3 && /^\d*$/.test(t[2] ?? '')) {
      idle = Number(t[1]) + Number(t[2] ?? 0) / 60
    } else if (low[0] === 'acl' && parseLineAcl(low, t, l, name, line, ctx)) {
      // recorded by parseLineAcl
    } else if (low[0] === 'user' && low[1] === 'privilege' && low[2] === 'level' && /^\d+$/.test(t[3] ?? '')) {
      // Privilege of users that log in with `authentication-mode password|none`; accounts carry theirs.
    } else if (low[0] === 'set' && low[1] === 'authentication' && low[2] === 'password') {
      // A line password: its presence matters to authMode=password; the secret is not kept.
    } else if (!IGNORED_LINE_COMMANDS.has(low[0] ?? '')) {
      unknown(ctx, l, block)
    }
  }
  line.idleTimeoutMinutes = idle ?? DEFAULT_IDLE_MINUTES
  ctx.config.management.lines.push(line)
}

/** `acl [ipv6] N|NAME inbound|outbound`: only inbound restricts who may log in. */
function parseLineAcl(low: string[], t: string[], l: SourceLine, lineName: string, line: ManagementLine, ctx: ParseContext): boolean {
  const rest = low[1] === 'ipv6' ? t.slice(2) : t.slice(1)
  if (rest.length !== 2) return false
  const dir = rest[1]?.toLowerCase()
  if (dir === 'outbound') return true
  if (dir !== 'inbound' || rest[0] === undefined) return false
  if (low[1] !== 'ipv6') line.accessAcl = rest[0]
  ctx.lineAcls.push({acl: rest[0], line: lineName, ref: ctx.rec.ref(l)})
  return true
}

function setService(ctx: ParseContext, name: ManagementServiceName, enabled: boolean, line: SourceLine): void {
  const services = ctx.config.management.services
  const existing = services.findIndex((s) => s.name === name)
  const entry = {name, enabled, ref: ctx.rec.ref(line)}
  if (existing >= 0) services[existing] = entry
  else services.push(entry)
}

/**
 * Server switches: `telnet server enable`, `undo telnet server enable`, `stelnet server enable`,
 * `http [secure-]server enable`, `ftp server enable`, `sftp server enable`, `snetconf server enable`,
 * and the VRP8 forms `telnet server disable`, `stelnet ipv4 server enable`, `telnet ipv6 server disable`.
 */
export function parseServiceSwitch(block: Block, ctx: ParseContext): boolean {
  const low = words(block.header).map((x) => x.toLowerCase())
  const undo = low[0] === 'undo'
  const w = undo ? low.slice(1) : low
  const last = w[w.length - 1]
  if (last !== 'enable' && last !== 'disable') return false
  let middle = w.slice(1, -1)
  const v6Only = middle[0] === 'ipv6'
  if (middle[0] === 'ipv4' || middle[0] === 'ipv6') middle = middle.slice(1)
  const what = `${w[0]} ${middle.join(' ')}`
  const names: Record<string, ManagementServiceName> = {
    'telnet server': 'telnet',
    'stelnet server': 'ssh',
    'ssh server': 'ssh',
    'http server': 'http',
    'http secure-server': 'https',
    'ftp server': 'ftp',
    'sftp server': 'sftp',
    'snetconf server': 'netconf',
    'netconf server': 'netconf',
    'tftp-server server': 'tftp',
  }
  const name = names[what]
  if (name === undefined) return false
  for (const line of block.body) unknown(ctx, line, block)
  const enabled = (last === 'enable') !== undo
  // An IPv6-only switch says nothing about IPv4 access; it only matters when it enables.
  if (!v6Only || enabled) setService(ctx, name, enabled, block.header)
  return true
}

/** `snmp-agent`, `snmp-agent community …`, `snmp-agent sys-info version …`, `undo snmp-agent`. */
export function parseSnmpAgent(block: Block, ctx: ParseContext): boolean {
  const w = words(block.header)
  const low = w.map((x) => x.toLowerCase())
  const snmp = ctx.config.management.snmp
  if (low.join(' ') === 'snmp-agent') setService(ctx, 'snmp', true, block.header)
  else if (low.join(' ') === 'undo snmp-agent') setService(ctx, 'snmp', false, block.header)
  else if (low[1] === 'community' && (low[2] === 'read' || low[2] === 'write')) {
    let i = 3
    if (low[i] === 'cipher' || low[i] === 'simple') i++
    const community = w[i]
    if (community === undefined) return false
    const acl = low.indexOf('acl', i + 1)
    const entry = {
      // Only a plaintext well-known name is recognizably default; the name itself is never kept.
      isDefault: low[3] !== 'cipher' && ['public', 'private'].includes(community.toLowerCase()),
      access: low[2] === 'read' ? ('ro' as const) : ('rw' as const),
      ref: ctx.rec.ref(block.header),
    }
    const aclName = acl > 0 ? w[acl + 1] : undefined
    snmp.communities.push(aclName === undefined ? entry : {...entry, acl: aclName})
    if (!ctx.config.management.services.some((s) => s.name === 'snmp')) setService(ctx, 'snmp', true, block.header)
  } else if (low[1] === 'community' && low[2] === 'complexity-check') {
    // A password-policy switch, not a community.
  } else if (low[1] === 'sys-info' && low[2] === 'version' && w.length > 3) {
    for (const v of low.slice(3)) {
      const list = v === 'all' ? ['v1', 'v2c', 'v3'] : [v]
      for (const x of list) if (!snmp.versions.includes(x)) snmp.versions.push(x)
    }
  } else if (low[1] === 'sys-info') {
    // contact / location
  } else return false
  for (const line of block.body) unknown(ctx, line, block)
  return true
}
