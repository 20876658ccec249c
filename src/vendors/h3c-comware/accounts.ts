import type {LocalUser, SecretStorage, SourceRef} from '../../model/index.js'
import {REDACTED} from '../common/redact.js'
import type {BlockHandler, Statement} from './walker.js'

/** Comware password keywords → how the secret is stored. The secret text itself is never read. */
const STORAGE: Record<string, SecretStorage> = {
  simple: 'plaintext',
  cipher: 'reversible',
  hash: 'hash',
  'irreversible-cipher': 'hash',
}

const SERVICES = new Set(['ssh', 'telnet', 'terminal', 'http', 'https', 'ftp', 'lan-access', 'portal', 'ppp', 'advpn', 'ike', 'sslvpn', 'pad'])

/** Lines of a `local-user` view that do not affect who may log in with which rights. */
const IRRELEVANT = ['description', 'group', 'state', 'bind-attribute', 'access-limit', 'validity-datetime', 'expiration-date', 'identity', 'fullname', 'email', 'phone', 'password-control', 'authorization-attribute work-directory', 'authorization-attribute idle-cut', 'authorization-attribute acl', 'authorization-attribute vlan', 'authorization-attribute user-profile', 'authorization-attribute callback-number', 'authorization-attribute ip-pool', 'authorization-attribute session-timeout', 'authorization-attribute url']

/** `local-user NAME [class manage|network]`: returns the view and registers the account. */
export function openLocalUser(s: Statement, ref: (s: Statement) => SourceRef, users: LocalUser[]): BlockHandler | undefined {
  const name = s.words[1]
  if (name === undefined) return undefined
  const rest = s.words.slice(2).map((w) => w.toLowerCase())
  if (!(rest.length === 0 || (rest.length === 2 && rest[0] === 'class' && (rest[1] === 'manage' || rest[1] === 'network')))) return undefined
  const user: LocalUser = {username: name, roles: [], services: [], ref: ref(s)}
  users.push(user)
  return {child: (c) => localUserLine(user, c, ref)}
}

function localUserLine(user: LocalUser, s: Statement, ref: (s: Statement) => SourceRef): boolean {
  const low = s.words.map((w) => w.toLowerCase())
  const [a, b, c] = low
  if (a === 'password') {
    // `password` alone (interactive) is stored hashed on Comware 7.
    const storage = b === undefined ? 'hash' : (STORAGE[b] ?? 'unknown')
    // Whatever follows the storage keyword is secret, however the line is shaped.
    const r = ref(s)
    r.text = [...s.words.slice(0, storage === 'unknown' ? 1 : 2), REDACTED].join(' ')
    user.secret = {storage, ref: r}
    return true
  }
  if (a === 'service-type') {
    const svcs = low.slice(1)
    if (svcs.length === 0 || svcs.some((x) => !SERVICES.has(x))) return false
    for (const x of svcs) if (!user.services.includes(x)) user.services.push(x)
    return true
  }
  if (a === 'undo' && b === 'service-type') {
    const svcs = low.slice(2)
    user.services = user.services.filter((x) => !svcs.includes(x))
    return true
  }
  if (a === 'authorization-attribute' && b === 'user-role' && s.words[2] !== undefined) {
    const role = s.words[2]
    if (!user.roles.includes(role)) user.roles.push(role)
    const level = /^level-(\d{1,2})$/.exec(role.toLowerCase())
    if (level) user.privilege = Math.max(user.privilege ?? 0, Number(level[1]))
    return true
  }
  // Comware 5: `authorization-attribute level 3`; older still: `level 3`.
  if ((a === 'authorization-attribute' && b === 'level' && /^\d{1,2}$/.test(c ?? '')) || (a === 'level' && /^\d{1,2}$/.test(b ?? ''))) {
    user.privilege = Number(a === 'level' ? b : c)
    return true
  }
  const text = low.join(' ')
  return IRRELEVANT.some((p) => text === p || text.startsWith(`${p} `))
}
