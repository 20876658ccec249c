import type {LocalUser, SecretStorage} from '../../model/index.js'
import {ref, type UsgContext, unknown} from './context.js'
import {type ConfigNode, startsWith} from './tree.js'

/** aaa views that define schemes, domains and roles: no accounts, no secrets we keep. */
const IRRELEVANT = [
  'authentication-scheme',
  'authorization-scheme',
  'accounting-scheme',
  'service-scheme',
  'domain',
  'role',
  'radius-server',
  'hwtacacs-server',
  'ldap-server',
  'ad-server',
  'user-password',
  'undo local-user',
  'local-aaa-user',
]

/** `password cipher|irreversible-cipher|simple X` → how the secret is stored (never the secret). */
export function storageOf(words: string[]): SecretStorage {
  const k = words.map((w) => w.toLowerCase())
  if (k.includes('irreversible-cipher')) return 'hash'
  if (k.includes('simple')) return 'plaintext'
  // USG prints manager passwords as `cipher @%@%…@%@%`: encrypted, treated as reversible.
  if (k.includes('cipher')) return 'reversible'
  return 'unknown'
}

/** `aaa`: `manager-user NAME` views, VRP-style `local-user NAME …` lines, role bindings. */
export function parseAaa(ctx: UsgContext, node: ConfigNode): void {
  const users = new Map<string, LocalUser>()
  const user = (name: string, at: ConfigNode): LocalUser => {
    let u = users.get(name)
    if (!u) {
      u = {username: name, roles: [], services: [], ref: ref(ctx, at)}
      users.set(name, u)
      ctx.config.accounts.users.push(u)
    }
    return u
  }
  for (const c of node.children) {
    const w = c.words
    if (startsWith(c, 'manager-user') && w[1]) {
      const u = user(w[1], c)
      for (const d of c.children) managerUserLine(ctx, u, d, c)
    } else if (startsWith(c, 'local-user') && w[1]) {
      localUserLine(ctx, user(w[1], c), c, node)
    } else if (startsWith(c, 'lock-authentication failed-count') && /^\d+$/.test(w[2] ?? '')) {
      ctx.config.management.loginFailureLimit = {attempts: Number(w[2]), ref: ref(ctx, c)}
    } else if (startsWith(c, 'lock-authentication')) {
      // `lock-authentication enable|timeout N`: on and lock time; the attempt count is the line above.
    } else if (startsWith(c, 'undo lock-authentication')) {
      delete ctx.config.management.loginFailureLimit
    } else if (startsWith(c, 'bind manager-user') && w[2] && w[3]?.toLowerCase() === 'role' && w[4]) {
      const u = user(w[2], c)
      if (!u.roles.includes(w[4])) u.roles.push(w[4])
    } else if (!IRRELEVANT.some((p) => startsWith(c, p))) {
      unknown(ctx, c, 'unrecognized aaa command', node)
      for (const d of c.children) unknown(ctx, d, 'unexpected nested command', c)
    }
  }
}

function managerUserLine(ctx: UsgContext, u: LocalUser, d: ConfigNode, parent: ConfigNode): void {
  const w = d.words.map((x) => x.toLowerCase())
  if (w[0] === 'password') u.secret = {storage: storageOf(w), ref: ref(ctx, d)}
  else if (w[0] === 'level' && /^\d+$/.test(w[1] ?? '')) u.privilege = Number(w[1])
  else if (w[0] === 'service-type') u.services.push(...d.words.slice(1).map((s) => s.toLowerCase()))
  else if (!['authentication-scheme', 'access-limit', 'state', 'ftp-directory', 'idle-cut', 'description', 'login-type', 'undo'].includes(w[0] ?? '')) {
    unknown(ctx, d, 'unrecognized manager-user command', parent)
  }
  for (const e of d.children) unknown(ctx, e, 'unexpected nested command', parent)
}

/** `local-user U password …`, `local-user U privilege level N`, `local-user U service-type …`. */
function localUserLine(ctx: UsgContext, u: LocalUser, c: ConfigNode, parent: ConfigNode): void {
  const w = c.words.map((x) => x.toLowerCase())
  const rest = w.slice(2)
  if (rest[0] === 'password') u.secret = {storage: storageOf(rest), ref: ref(ctx, c)}
  else if (rest[0] === 'privilege' && rest[1] === 'level' && /^\d+$/.test(rest[2] ?? '')) u.privilege = Number(rest[2])
  else if (rest[0] === 'level' && /^\d+$/.test(rest[1] ?? '')) u.privilege = Number(rest[1])
  else if (rest[0] === 'service-type') u.services.push(...rest.slice(1))
  else if (!['state', 'ftp-directory', 'access-limit', 'idle-cut', 'user-group', 'expire-date'].includes(rest[0] ?? '')) {
    unknown(ctx, c, 'unrecognized local-user command', parent)
  }
  for (const e of c.children) unknown(ctx, e, 'unexpected nested command', parent)
}
