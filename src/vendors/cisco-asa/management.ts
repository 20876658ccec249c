import type {AddressMatch, ManagementLine, SecretStorage} from '../../model/index.js'
import {parsePrefix} from '../../net/address.js'
import {type AsaContext, ref, unknown} from './context.js'
import type {ConfigNode} from './tree.js'

/** `encrypted`/`pbkdf2`/`nt-encrypted` are one-way hashes on the ASA; a bare secret is plaintext. */
function storageOf(words: string[], from: number): SecretStorage {
  const mods = words.slice(from).map((w) => w.toLowerCase())
  if (mods.includes('pbkdf2') || mods.includes('encrypted') || mods.includes('nt-encrypted')) return 'hash'
  return 'plaintext'
}

/** `username U password P [encrypted|pbkdf2] [privilege N]`, `username U nopassword …`, `username U attributes`. */
export function parseUsername(ctx: AsaContext, node: ConfigNode): void {
  const w = node.words
  const name = w[1] ?? ''
  const k = w.map((x) => x.toLowerCase())
  let user = ctx.config.accounts.users.find((u) => u.username === name)
  if (!user) {
    user = {username: name, roles: [], services: [], ref: ref(ctx, node)}
    ctx.config.accounts.users.push(user)
  }
  const priv = k.indexOf('privilege')
  if (priv > 0 && /^\d+$/.test(k[priv + 1] ?? '')) user.privilege = Number(k[priv + 1])
  if (k[2] === 'password') user.secret = {storage: storageOf(w, 4), ref: ref(ctx, node)}
  else if (k[2] === 'nopassword') user.secret = {storage: 'plaintext', ref: ref(ctx, node)}
  else if (k[2] === 'attributes') {
    for (const c of node.children) {
      const ck = c.words.map((x) => x.toLowerCase())
      if (ck[0] === 'service-type' && ck[1]) user.roles.push(ck[1])
      for (const d of c.children) unknown(ctx, d, 'unexpected nested command', node)
    }
    return
  } else if (k[2] !== 'privilege') unknown(ctx, node, 'unrecognized username form')
  for (const c of node.children) unknown(ctx, c, 'unexpected nested command', node)
}

/** `enable password P [level N] [encrypted|pbkdf2]`. */
export function parseEnable(ctx: AsaContext, node: ConfigNode): void {
  const k = node.words.map((x) => x.toLowerCase())
  const level = k.indexOf('level')
  const entry = {storage: storageOf(node.words, 3), ref: ref(ctx, node)}
  ctx.config.accounts.enable.push(level > 0 && /^\d+$/.test(k[level + 1] ?? '') ? {...entry, level: Number(k[level + 1])} : entry)
}

/** Remote-access lines: `ssh|telnet A M IF`, `ssh|telnet timeout N`, `http server enable`, `http A M IF`. */
export function parseAccessLine(ctx: AsaContext, node: ConfigNode, lines: Map<string, ManagementLine>): boolean {
  const k = node.words.map((x) => x.toLowerCase())
  const proto = k[0] as 'ssh' | 'telnet' | 'http'
  if (proto === 'http' && k[1] === 'server' && k[2] === 'enable' && (k.length === 3 || (k.length === 4 && /^\d+$/.test(k[3] ?? '')))) {
    // `http server enable [PORT]` starts the ASDM server, which speaks HTTPS (port 443 unless given).
    ctx.config.management.services.push({name: 'https', enabled: true, ref: ref(ctx, node)})
    ctx.httpServer = {port: k[3] ? Number(k[3]) : 443, ref: ref(ctx, node)}
    return true
  }
  if (proto === 'http' && k[1] === 'redirect') return true
  const line = (): ManagementLine => {
    let l = lines.get(proto)
    if (!l) {
      l = {name: proto, kind: 'vty', transports: [proto === 'http' ? 'https' : proto], ref: ref(ctx, node)}
      lines.set(proto, l)
      if (proto !== 'http') ctx.config.management.lines.push(l)
    }
    return l
  }
  if (k[1] === 'timeout' && /^\d+$/.test(k[2] ?? '')) {
    line().idleTimeoutMinutes = Number(k[2])
    return true
  }
  // `ssh 10.0.0.0 255.0.0.0 inside`, `ssh 2001:db8::/32 inside`: the service answers on that
  // interface for those sources, and only for them (the ASA's own source restriction).
  const v4 = k.length === 4 && /^[\d.]+$/.test(k[1] ?? '') && /^[\d.]+$/.test(k[2] ?? '')
  const v6 = k.length === 3 && (k[1] ?? '').includes(':')
  if (v4 || v6) {
    const p = v4 ? parsePrefix(k[1] ?? '', k[2] ?? '') : parsePrefix(k[1] ?? '')
    if (!p) return false
    const src: AddressMatch = {kind: 'prefix', family: p.family, address: p.address, length: p.length}
    line()
    if (proto !== 'http') ctx.config.management.services.push({name: proto, enabled: true, ref: ref(ctx, node)})
    ctx.boxAccess.push({proto, src, nameif: node.words[v4 ? 3 : 2] ?? '', ref: ref(ctx, node)})
    return true
  }
  if (proto === 'ssh' && ['version', 'key-exchange', 'cipher', 'stricthostkeycheck', 'scopy', 'stack', 'pubkey-chain'].includes(k[1] ?? '')) return true
  return false
}

const DEFAULT_COMMUNITIES = new Set(['public', 'private'])

/** `snmp-server community X [ro|rw]`, `snmp-server host IF A community X …`, `snmp-server enable`. */
export function parseSnmpServer(ctx: AsaContext, node: ConfigNode): void {
  const w = node.words
  const k = w.map((x) => x.toLowerCase())
  const snmp = ctx.config.management.snmp
  if (k[1] === 'community' && w[2]) {
    snmp.communities.push({isDefault: DEFAULT_COMMUNITIES.has(w[2].toLowerCase()), access: k[3] === 'rw' ? 'rw' : 'ro', ref: ref(ctx, node)})
  } else if (k[1] === 'host') {
    const c = k.indexOf('community')
    if (c > 0 && w[c + 1] && w[c + 1] !== '*****') {
      snmp.communities.push({isDefault: DEFAULT_COMMUNITIES.has((w[c + 1] ?? '').toLowerCase()), access: 'unknown', ref: ref(ctx, node)})
    }
    const v = k.indexOf('version')
    if (v > 0 && k[v + 1] && !snmp.versions.includes(k[v + 1] ?? '')) snmp.versions.push(k[v + 1] ?? '')
  } else if (k[1] === 'enable' && k.length === 2) {
    ctx.config.management.services.push({name: 'snmp', enabled: true, ref: ref(ctx, node)})
  }
  // location, contact, traps, users, groups: nothing a control reads
  for (const c of node.children) unknown(ctx, c, 'unexpected nested command', node)
}
