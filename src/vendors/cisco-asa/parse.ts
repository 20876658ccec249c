import {type DeviceConfig, emptyDeviceConfig, type ManagementLine} from '../../model/index.js'
import {CoverageRecorder} from '../common/coverage.js'
import {deviceLines} from '../common/text.js'
import {buildAcls} from './acl.js'
import {type AsaContext, ref, unknown} from './context.js'
import {isIrrelevant} from './ignored.js'
import {parseInterface} from './interfaces.js'
import {parseAccessLine, parseEnable, parseSnmpServer, parseUsername} from './management.js'
import {collectObject} from './objects.js'
import {parseRoute} from './routes.js'
import {buildIngressFilters} from './security.js'
import {buildToTheBox} from './to-the-box.js'
import {buildTree, type ConfigNode, descendants, startsWith} from './tree.js'

/** Parse an ASA `show running-config` (single context). */
export function parseAsaConfig(input: Uint8Array | string, file: string): DeviceConfig {
  const config = emptyDeviceConfig('cisco-asa', file)
  const rec = new CoverageRecorder(file)
  const ctx: AsaContext = {
    rec,
    config,
    objects: new Map(),
    names: new Map(),
    interfaces: [],
    accessGroups: [],
    aclLines: [],
    sameSecurity: {},
    routeNameifs: new Map(),
    boxAccess: [],
    icmpRules: new Map(),
  }
  const lines = new Map<string, ManagementLine>()
  const aaaLogins = new Set<string>()
  for (const node of buildTree(deviceLines(input), rec)) {
    try {
      topLevel(ctx, node, lines, aaaLogins)
    } catch (err) {
      unknown(ctx, node, `parser error: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  // `aaa authentication ssh console …` may precede the `ssh` lines it governs.
  for (const proto of aaaLogins) {
    const l = lines.get(proto)
    if (l) l.authMode = 'aaa'
  }
  const byNameif = new Map(ctx.interfaces.map((ai) => [ai.nameif, ai.iface.name]))
  for (const [route, nameif] of ctx.routeNameifs) {
    const name = byNameif.get(nameif)
    if (name) Object.assign(route, {outInterface: name})
  }
  const acls = buildAcls(ctx)
  for (const g of ctx.accessGroups) {
    if (!acls.has(g.acl)) rec.unrecognized({no: g.ref.line, text: g.ref.text ?? '', indent: 0}, `access-list ${g.acl} is not defined`)
    else if (g.nameif !== undefined && !byNameif.has(g.nameif)) rec.unrecognized({no: g.ref.line, text: g.ref.text ?? '', indent: 0}, `no interface is named ${g.nameif}`)
  }
  config.filters.push(...acls.values())
  buildIngressFilters(ctx, acls)
  buildToTheBox(ctx)
  config.coverage = rec.result()
  return config
}

function topLevel(ctx: AsaContext, node: ConfigNode, lines: Map<string, ManagementLine>, aaaLogins: Set<string>): void {
  const w = node.words
  const k = (w[0] ?? '').toLowerCase()
  if (k === 'hostname' && w[1]) {
    ctx.config.hostname = w[1]
    ctx.config.hostnameRef = ref(ctx, node)
  } else if (k === 'interface' && w[1]) parseInterface(ctx, node)
  else if ((k === 'object' || k === 'object-group') && w[2]) {
    const def = collectObject(ctx, node)
    if (def?.kind === 'other') unknown(ctx, node, `${k} ${w[1] ?? ''} is not modelled`)
  } else if (k === 'access-list' && w[1]) {
    let rest = w.slice(2)
    if (rest[0]?.toLowerCase() === 'line' && /^\d+$/.test(rest[1] ?? '')) rest = rest.slice(2)
    ctx.aclLines.push({acl: w[1], node, words: rest})
    allNested(ctx, node)
  } else if (startsWith(node, 'clear configure access-list') && w[3]) {
    // A pasted script: the ACL starts afresh from here.
    ctx.aclLines = ctx.aclLines.filter((l) => l.acl !== w[3])
  } else if (k === 'access-group' && w[1]) accessGroup(ctx, node)
  else if (startsWith(node, 'same-security-traffic permit')) {
    const which = (w[2] ?? '').toLowerCase()
    if (which === 'inter-interface') ctx.sameSecurity.inter = ref(ctx, node)
    else if (which === 'intra-interface') ctx.sameSecurity.intra = ref(ctx, node)
    else unknown(ctx, node, 'unrecognized same-security-traffic option')
  } else if (k === 'route' && w.length >= 5) parseRoute(ctx, node, 4)
  else if (startsWith(node, 'ipv6 route') && w.length >= 5) parseRoute(ctx, node, 6)
  else if (k === 'name' && w[1] && w[2]) ctx.names.set(w[2], w[1])
  else if (k === 'username' && w[1]) parseUsername(ctx, node)
  else if (startsWith(node, 'enable password') || startsWith(node, 'enable secret')) parseEnable(ctx, node)
  else if ((k === 'ssh' || k === 'telnet' || k === 'http') && parseAccessLine(ctx, node, lines)) allNested(ctx, node)
  else if (k === 'snmp-server') parseSnmpServer(ctx, node)
  else if (startsWith(node, 'console timeout') && /^\d+$/.test(w[2] ?? '')) {
    const minutes = Number(w[2])
    ctx.config.management.lines.push({name: 'console', kind: 'console', transports: [], ref: ref(ctx, node), ...(minutes > 0 ? {idleTimeoutMinutes: minutes} : {})})
  } else if (startsWith(node, 'aaa local authentication attempts max-fail') && /^\d+$/.test(w[5] ?? '') && w.length === 6) {
    // Locks a local user out after N consecutive failed logins.
    ctx.config.management.loginFailureLimit = {attempts: Number(w[5]), ref: ref(ctx, node)}
  } else if (k === 'icmp' && (w[1] === 'permit' || w[1] === 'deny') && w.length >= 4) {
    // `icmp permit|deny SRC [TYPE] IF`: ICMP to that interface's address follows these lines.
    const nameif = w[w.length - 1] ?? ''
    if (!ctx.icmpRules.has(nameif)) ctx.icmpRules.set(nameif, ref(ctx, node))
    allNested(ctx, node)
  } else if (startsWith(node, 'aaa authentication') && (w[2] === 'ssh' || w[2] === 'telnet') && w[3] === 'console') {
    aaaLogins.add(w[2])
  } else if (k === 'nat' && w[1]?.startsWith('(')) {
    // Twice NAT: a `source static` / `destination static` rule maps addresses (reach changes).
    if (w.some((x) => x.toLowerCase() === 'static')) unknown(ctx, node, 'static NAT is not modelled')
  } else if (!isIrrelevant(node)) {
    unknown(ctx, node)
    for (const d of descendants(node)) unknown(ctx, d, 'inside an unrecognized command', node)
  }
}

function allNested(ctx: AsaContext, node: ConfigNode): void {
  for (const d of descendants(node)) unknown(ctx, d, 'unexpected nested command', node)
}

/** `access-group ACL in|out interface IF [per-user-override|control-plane]`, `access-group ACL global`. */
function accessGroup(ctx: AsaContext, node: ConfigNode): void {
  const w = node.words
  const dir = (w[2] ?? '').toLowerCase()
  const acl = w[1] ?? ''
  if (dir === 'global' && w.length === 3) ctx.accessGroups.push({acl, direction: 'global', ref: ref(ctx, node)})
  else if ((dir === 'in' || dir === 'out') && w[3]?.toLowerCase() === 'interface' && w[4]) {
    const opts = w.slice(5).map((x) => x.toLowerCase())
    if (opts.includes('control-plane')) unknown(ctx, node, 'to-the-box (control-plane) ACL is not modelled')
    else if (opts.every((o) => o === 'per-user-override')) ctx.accessGroups.push({acl, direction: dir, nameif: w[4], ref: ref(ctx, node)})
    else unknown(ctx, node, 'unrecognized access-group option')
  } else unknown(ctx, node, 'unrecognized access-group form')
  allNested(ctx, node)
}
