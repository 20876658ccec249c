import type {LocalUser, SecretStorage} from '../../model/index.js'
import type {SourceLine} from '../common/text.js'
import {type IosContext, intIn, words} from './context.js'

/**
 * What a type digit says about how the secret sits in the file: 0 or none is clear text
 * (even for `secret`, the file holds what was typed), 7 and 6 are reversible, 4/5/8/9 hashes.
 */
export function secretStorage(type: string | undefined, hasText: boolean): SecretStorage {
  if (!hasText) return 'unknown'
  switch (type) {
    case undefined:
    case '0':
      return 'plaintext'
    case '6':
    case '7':
      return 'reversible'
    case '4':
    case '5':
    case '8':
    case '9':
      return 'hash'
    default:
      return 'unknown'
  }
}

/** `[T] TEXT` after `secret`/`password`: the type digit when present, and whether text follows. */
function readSecret(rest: string[]): {type: string | undefined; hasText: boolean} {
  const first = rest[0]
  if (first !== undefined && /^\d$/.test(first) && rest.length > 1) return {type: first, hasText: true}
  return {type: undefined, hasText: rest.length > 0}
}

/** `username X [privilege N] [view V] [algorithm-type T] secret|password [T] …`. */
export function parseUsername(line: SourceLine, ctx: IosContext): string | undefined {
  const w = words(line)
  const username = w[1]
  if (username === undefined) return 'username without a name'
  const ref = ctx.ref(line)
  let user = ctx.cfg.accounts.users.find((u) => u.username === username)
  if (!user) {
    user = {username, roles: [], services: [], ref} satisfies LocalUser
    ctx.cfg.accounts.users.push(user)
  }
  for (let i = 2; i < w.length; i++) {
    const tok = w[i]?.toLowerCase()
    if (tok === 'privilege') {
      const level = intIn(w[++i], 0, 15)
      if (level === undefined) return 'bad privilege level'
      user.privilege = level
    } else if (tok === 'view' || tok === 'parser-view') {
      const role = w[++i]
      if (role !== undefined) user.roles.push(role)
    } else if (tok === 'algorithm-type' || tok === 'callback-dialstring' || tok === 'callback-line') i++
    else if (tok === 'nopassword' || tok === 'noescape' || tok === 'nohangup' || tok === 'one-time') continue
    else if (tok === 'autocommand') break
    else if (tok === 'secret' || tok === 'password') {
      const {type, hasText} = readSecret(w.slice(i + 1))
      user.secret = {storage: secretStorage(type, hasText), ref}
      break // everything after is the secret itself
    } else return `unsupported username option "${w[i]}"`
  }
  return undefined
}

/** `enable secret|password [level N] [T] TEXT`. */
export function parseEnable(line: SourceLine, ctx: IosContext): string | undefined {
  const w = words(line)
  let i = 2
  let level: number | undefined
  if (w[i] === 'level') {
    level = intIn(w[i + 1], 0, 15)
    if (level === undefined) return 'bad enable level'
    i += 2
  }
  const {type, hasText} = readSecret(w.slice(i))
  const entry = {storage: secretStorage(type, hasText), ref: ctx.ref(line)}
  ctx.cfg.accounts.enable.push(level === undefined ? entry : {level, ...entry})
  return undefined
}
