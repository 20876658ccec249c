import type {LocalUser, SecretStorage} from '../../model/index.js'
import type {SourceLine} from '../common/text.js'
import type {Block} from './blocks.js'
import {words} from './blocks.js'
import {type ParseContext, unknown} from './context.js'
import {matchesPhrase} from './ignored.js'

/** How VRP stores a local-user password: the secret itself is never kept. */
const STORAGE: Record<string, SecretStorage> = {
  simple: 'plaintext',
  cipher: 'reversible',
  'irreversible-cipher': 'hash',
}

// AAA scheme/domain plumbing: who authenticates, not which accounts exist.
const IGNORED_AAA_COMMANDS = [
  'authentication-scheme', 'authorization-scheme', 'accounting-scheme', 'recording-scheme', 'domain',
  'authentication-mode', 'authorization-mode', 'accounting-mode', 'accounting', 'radius-server',
  'hwtacacs-server', 'local-aaa-user password', 'password', 'undo local-aaa-user', 'local-aaa-server',
  'service-scheme', 'authorization-cmd', 'statistic', 'user-password', 'administrator', 'user-group',
  'undo user-password', 'ip-pool', 'admin-user', 'task-group', 'task', 'local-user-group', 'user-isolated',
]

function userOf(ctx: ParseContext, name: string, line: SourceLine): LocalUser {
  let user = ctx.config.accounts.users.find((u) => u.username === name)
  if (!user) {
    user = {username: name, roles: [], services: [], ref: ctx.rec.ref(line)}
    ctx.config.accounts.users.push(user)
  }
  return user
}

/** The `aaa` view: local users, their secrets' storage kind, privilege, services and lockout. */
export function parseAaaBlock(block: Block, ctx: ParseContext): void {
  for (const line of block.body) {
    const w = words(line)
    if (w[0]?.toLowerCase() === 'local-user' && w.length >= 3) {
      if (!parseLocalUser(w, line, ctx)) unknown(ctx, line, block)
      continue
    }
    if (parseGlobalLockout(w, line, ctx)) continue
    if (matchesPhrase(w, IGNORED_AAA_COMMANDS)) continue
    unknown(ctx, line, block)
  }
}

function parseLocalUser(w: string[], line: SourceLine, ctx: ParseContext): boolean {
  const name = w[1] ?? ''
  const low = w.map((x) => x.toLowerCase())
  const ref = ctx.rec.ref(line)
  const attr = low[2]
  if (attr === 'password') {
    const user = userOf(ctx, name, line)
    const storage = STORAGE[low[3] ?? '']
    user.secret = {storage: storage ?? 'unknown', ref}
    return storage !== undefined && w.length >= 5
  }
  if (attr === 'privilege' && low[3] === 'level' && /^\d+$/.test(w[4] ?? '')) {
    userOf(ctx, name, line).privilege = Number(w[4])
    return w.length === 5
  }
  // VRP8 (CE) writes `local-user X level N`.
  if (attr === 'level' && /^\d+$/.test(w[3] ?? '') && w.length === 4) {
    userOf(ctx, name, line).privilege = Number(w[3])
    return true
  }
  if (attr === 'service-type' && w.length > 3) {
    const user = userOf(ctx, name, line)
    for (const s of low.slice(3)) if (!user.services.includes(s)) user.services.push(s)
    return true
  }
  if (attr === 'state' && low[3] === 'block' && low[4] === 'fail-times' && /^\d+$/.test(w[5] ?? '')) {
    userOf(ctx, name, line)
    ctx.config.management.loginFailureLimit ??= {attempts: Number(w[5]), ref}
    return true
  }
  if (attr === 'user-group' && w[3] !== undefined) {
    const user = userOf(ctx, name, line)
    if (!user.roles.includes(w[3])) user.roles.push(w[3])
    return true
  }
  // Attributes that change no control's verdict.
  if (['user-type', 'ftp-directory', 'access-limit', 'idle-timeout', 'expire-date', 'password-force-change', 'state', 'time-range', 'device-type', 'http-directory'].includes(attr ?? '')) {
    userOf(ctx, name, line)
    return true
  }
  return false
}

/** `local-aaa-user wrong-password retry-interval M retry-time N block-time T`: lock after N failures. */
function parseGlobalLockout(w: string[], line: SourceLine, ctx: ParseContext): boolean {
  const low = w.map((x) => x.toLowerCase())
  if (low[0] !== 'local-aaa-user' || low[1] !== 'wrong-password') return false
  const i = low.indexOf('retry-time')
  const n = i >= 0 ? Number(w[i + 1]) : Number.NaN
  if (!Number.isInteger(n)) return false
  ctx.config.management.loginFailureLimit = {attempts: n, ref: ctx.rec.ref(line)}
  return true
}

/** VRP3 `local-user NAME` view: `password simple|cipher X`, `service-type …`, `level N`. */
export function parseLocalUserView(block: Block, ctx: ParseContext): void {
  const name = words(block.header)[1]
  if (name === undefined || words(block.header).length !== 2) {
    unknown(ctx, block.header, undefined, 'unsupported local-user form')
    for (const line of block.body) unknown(ctx, line, block)
    return
  }
  userOf(ctx, name, block.header)
  for (const line of block.body) {
    if (!parseLocalUser(['local-user', name, ...words(line)], line, ctx)) unknown(ctx, line, block)
  }
}
