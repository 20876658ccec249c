import type {ManagementServiceName, SourceRef} from '../../model/index.js'
import type {SourceLine} from '../common/text.js'
import {type IosContext, intIn, words} from './context.js'

const DEFAULT_COMMUNITIES = new Set(['public', 'private'])

function setService(ctx: IosContext, name: ManagementServiceName, enabled: boolean, ref: SourceRef): void {
  const services = ctx.cfg.management.services
  const existing = services.find((s) => s.name === name)
  if (existing) Object.assign(existing, {enabled, ref})
  else services.push({name, enabled, ref})
}

/**
 * Global management-plane commands. Returns true when the line was claimed (problems are
 * then reported here), false when it is not a management command.
 */
export function parseManagementLine(line: SourceLine, ctx: IosContext): boolean {
  const w = words(line)
  const low = w.map((x) => x.toLowerCase())
  const negated = low[0] === 'no'
  const cmd = (negated ? low.slice(1) : low).join(' ')
  const ref = ctx.ref(line)
  if (cmd === 'ip http server') return setService(ctx, 'http', !negated, ref), true
  if (cmd === 'ip http secure-server') return setService(ctx, 'https', !negated, ref), true
  if (cmd === 'ftp-server enable') return setService(ctx, 'ftp', !negated, ref), true
  if (cmd.startsWith('tftp-server ')) return setService(ctx, 'tftp', !negated, ref), true
  if (cmd === 'netconf-yang' || cmd === 'netconf ssh') return setService(ctx, 'netconf', !negated, ref), true
  if (cmd === 'ip scp server enable') return setService(ctx, 'sftp', !negated, ref), true
  if (!negated && /^ip http access-class (ipv4 )?\S+$/.test(cmd)) {
    const acl = w[w.length - 1] ?? ''
    ctx.cfg.filterBindings.push({kind: 'management', filter: acl, line: 'http', ref})
    return true
  }
  if (low[0] === 'snmp-server' && (low[1] === 'community' || low[1] === 'group' || low[1] === 'user')) {
    const problem = low[1] === 'community' ? parseCommunity(w, ref, ctx) : parseSnmpV3(low, ctx)
    if (problem !== undefined) ctx.unknown(line, problem)
    setService(ctx, 'snmp', true, ref)
    return true
  }
  if (!negated && low[0] === 'login' && low[1] === 'block-for') {
    const m = /^login block-for (\d+) attempts (\d+) within (\d+)$/.exec(cmd)
    const attempts = intIn(m?.[2], 1, 65535)
    if (attempts === undefined) ctx.unknown(line, 'bad login block-for')
    else ctx.cfg.management.loginFailureLimit = {attempts, ref}
    return true
  }
  return false
}

/** `snmp-server community NAME [view V] [RO|RW] [ipv6 ACL] [ACL]`; the name is never kept. */
function parseCommunity(w: string[], ref: SourceRef, ctx: IosContext): string | undefined {
  const name = w[2]
  if (name === undefined) return 'community without a name'
  let access: 'ro' | 'rw' = 'ro' // IOS default when neither RO nor RW is given
  let acl: string | undefined
  for (let i = 3; i < w.length; i++) {
    const tok = (w[i] ?? '').toLowerCase()
    if (tok === 'view' || tok === 'ipv6') i++
    else if (tok === 'ro' || tok === 'rw') access = tok
    else acl = w[i]
  }
  const community = {isDefault: DEFAULT_COMMUNITIES.has(name.toLowerCase()), access, ref}
  ctx.cfg.management.snmp.communities.push(acl === undefined ? community : {...community, acl})
  addVersion(ctx, 'v1')
  addVersion(ctx, 'v2c')
  return undefined
}

/** `snmp-server group G v3 priv`, `snmp-server user U G v3 …`: record the protocol versions in use. */
function parseSnmpV3(low: string[], ctx: IosContext): string | undefined {
  const version = low.find((t) => t === 'v1' || t === 'v2c' || t === 'v3')
  if (version === undefined) return 'SNMP group/user without a version'
  addVersion(ctx, version)
  return undefined
}

function addVersion(ctx: IosContext, version: string): void {
  const versions = ctx.cfg.management.snmp.versions
  if (!versions.includes(version)) versions.push(version)
}

/** Telnet and SSH reachability follows from what the vty lines accept. */
export function deriveLineServices(ctx: IosContext): void {
  for (const name of ['telnet', 'ssh'] as const) {
    const line = ctx.cfg.management.lines.find(
      (l) => l.kind === 'vty' && (l.transports.includes(name) || l.transports.includes('all')),
    )
    const anyVty = ctx.cfg.management.lines.find((l) => l.kind === 'vty')
    if (line) setService(ctx, name, true, line.ref)
    else if (anyVty) setService(ctx, name, false, anyVty.ref)
  }
}
