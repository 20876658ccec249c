import type {ManagementLine, ManagementServiceName} from '../../model/index.js'
import {ref, type UsgContext, unknown} from './context.js'
import {type ConfigNode, startsWith} from './tree.js'

const DEFAULT_COMMUNITIES = new Set(['public', 'private'])

/** `user-interface con 0` / `vty 0 4` with authentication, protocols, ACL and idle timeout. */
export function parseUserInterface(ctx: UsgContext, node: ConfigNode): void {
  const w = node.words.slice(1)
  const kindWord = (w[0] ?? '').toLowerCase()
  if (kindWord === 'maximum-vty') return
  const kind: ManagementLine['kind'] = kindWord === 'vty' ? 'vty' : kindWord.startsWith('con') ? 'console' : kindWord === 'aux' ? 'aux' : 'other'
  // Default inbound protocols differ across V500 releases: assume every protocol (fail closed).
  const line: ManagementLine = {name: w.join(' '), kind, transports: kind === 'vty' ? ['all'] : [], ref: ref(ctx, node)}
  for (const c of node.children) {
    const cw = c.words.map((x) => x.toLowerCase())
    if (cw[0] === 'authentication-mode' && cw[1]) line.authMode = cw[1]
    else if (cw[0] === 'protocol' && cw[1] === 'inbound' && cw[2]) line.transports = cw.slice(2)
    else if (cw[0] === 'idle-timeout' && /^\d+$/.test(cw[1] ?? '')) line.idleTimeoutMinutes = Number(cw[1]) + Number(cw[2] ?? 0) / 60
    else if (cw[0] === 'acl' && cw[1]) {
      const name = cw[1] === 'ipv6' ? cw[2] : cw[1]
      if (name && (cw.includes('inbound') || cw.length === 2)) line.accessAcl = name
      else if (!cw.includes('outbound')) unknown(ctx, c, 'unrecognized acl binding', node)
    } else if (!['user privilege', 'screen-length', 'history-command', 'shell', 'undo shell', 'set authentication'].some((p) => startsWith(c, p))) {
      unknown(ctx, c, 'unrecognized user-interface command', node)
    }
    for (const d of c.children) unknown(ctx, d, 'unexpected nested command', node)
  }
  ctx.config.management.lines.push(line)
}

/** `snmp-agent …` global lines; community text is never kept, only whether it is a default one. */
export function parseSnmp(ctx: UsgContext, node: ConfigNode): void {
  const w = node.words.map((x) => x.toLowerCase())
  const snmp = ctx.config.management.snmp
  if (w.length === 1) {
    ctx.config.management.services.push({name: 'snmp', enabled: true, ref: ref(ctx, node)})
  } else if (w[1] === 'community' && (w[2] === 'read' || w[2] === 'write')) {
    let i = 3
    const encrypted = w[i] === 'cipher'
    if (w[i] === 'cipher' || w[i] === 'simple') i++
    const value = node.words[i] ?? ''
    const community = {
      isDefault: !encrypted && DEFAULT_COMMUNITIES.has(value.toLowerCase()),
      access: w[2] === 'read' ? ('ro' as const) : ('rw' as const),
      ref: ref(ctx, node),
    }
    const acl = w.indexOf('acl')
    ctx.config.management.snmp.communities.push(acl > 0 && w[acl + 1] ? {...community, acl: w[acl + 1] ?? ''} : community)
  } else if (w[1] === 'sys-info' && w[2] === 'version') {
    const versions = w.slice(3).flatMap((v) => (v === 'all' ? ['v1', 'v2c', 'v3'] : [v]))
    for (const v of versions) if (!snmp.versions.includes(v)) snmp.versions.push(v)
  }
  // Other snmp-agent lines (targets, views, groups, USM users, traps) carry no fact we model.
  for (const c of node.children) unknown(ctx, c, 'unexpected nested command', node)
}

/**
 * Global server switches: `[undo] telnet server enable`, `stelnet server enable`,
 * `web-manager [security] enable`, `ftp server enable`, `undo snmp-agent`. Returns false when
 * the line is not one of them.
 */
export function parseServerSwitch(ctx: UsgContext, node: ConfigNode): boolean {
  const w = node.words.map((x) => x.toLowerCase())
  const undo = w[0] === 'undo'
  const p = (undo ? w.slice(1) : w).join(' ')
  const table: Record<string, ManagementServiceName> = {
    'telnet server enable': 'telnet',
    'telnet ipv6 server enable': 'telnet',
    'stelnet server enable': 'ssh',
    'stelnet ipv4 server enable': 'ssh',
    'stelnet ipv6 server enable': 'ssh',
    'ftp server enable': 'ftp',
    'ftp ipv6 server enable': 'ftp',
    'sftp server enable': 'sftp',
    'web-manager enable': 'http',
    'web-manager security enable': 'https',
    'snmp-agent': 'snmp',
  }
  const name = table[p]
  if (!name) return false
  // The IPv4 switch decides the global state used for per-interface `service-manage`.
  if (!p.includes('ipv6')) ctx.globalServices.set(name, !undo)
  ctx.config.management.services.push({name, enabled: !undo, ref: ref(ctx, node)})
  return true
}

/** `api` view: `api netconf enable` turns NETCONF on. */
export function parseApi(ctx: UsgContext, node: ConfigNode): void {
  for (const c of node.children) {
    if (startsWith(c, 'api netconf enable')) ctx.config.management.services.push({name: 'netconf', enabled: true, ref: ref(ctx, c)})
    else if (!startsWith(c, 'api netconf port') && !startsWith(c, 'api http') && !startsWith(c, 'api https') && !startsWith(c, 'api restconf')) {
      unknown(ctx, c, 'unrecognized api command', node)
    }
  }
}
