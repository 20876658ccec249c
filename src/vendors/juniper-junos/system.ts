import type {LocalUser, ManagementServiceName, SecretStorage} from '../../model/index.js'
import {type JunosContext, ref} from './context.js'
import type {Statement} from './statements.js'

const SERVICE_NAMES: Record<string, ManagementServiceName> = {ssh: 'ssh', telnet: 'telnet', ftp: 'ftp', netconf: 'netconf', 'xnm-clear-text': 'telnet', tftp: 'tftp'}

/** How the secret is stored; the secret itself is never read into the model. */
function storage(kind: string | undefined): SecretStorage {
  if (kind === 'encrypted-password') return 'hash'
  if (kind === 'plain-text-password') return 'plaintext'
  return 'unknown'
}

function user(ctx: JunosContext, name: string, st: Statement): LocalUser {
  let u = ctx.config.accounts.users.find((x) => x.username === name)
  if (!u) {
    u = {username: name, roles: [], services: [], ref: ref(ctx, st)}
    ctx.config.accounts.users.push(u)
  }
  return u
}

/** `system …`: host name, login users and classes, services; the rest of system is allowlisted. */
export function systemStatement(ctx: JunosContext, st: Statement): boolean {
  const [, k, a, b, c] = st.words
  if (k === undefined) return true
  if (k === 'host-name' && a) {
    ctx.config.hostname = a
    ctx.config.hostnameRef = ref(ctx, st)
    return true
  }
  if (k === 'root-authentication') {
    if (a === undefined) return true
    const u = user(ctx, 'root', st)
    u.roles = ['super-user']
    if (a === 'encrypted-password' || a === 'plain-text-password') u.secret = {storage: storage(a), ref: ref(ctx, st)}
    return ['encrypted-password', 'plain-text-password', 'ssh-rsa', 'ssh-ecdsa', 'ssh-ed25519', 'ssh-dsa'].includes(a)
  }
  if (k === 'login') {
    if (a === 'user' && b) {
      const u = user(ctx, b, st)
      if (c === 'class' && st.words[5]) u.roles = [st.words[5]]
      else if (c === 'authentication' && (st.words[5] === 'encrypted-password' || st.words[5] === 'plain-text-password')) {
        u.secret = {storage: storage(st.words[5]), ref: ref(ctx, st)}
      }
      return true
    }
    if (a === 'retry-options' && b === 'tries-before-disconnect' && c) {
      ctx.config.management.loginFailureLimit = {attempts: Number(c), ref: ref(ctx, st)}
      return true
    }
    return true
  }
  if (k === 'services') {
    if (a === undefined) return true
    if (a === 'web-management' && (b === 'http' || b === 'https')) {
      if (!ctx.config.management.services.some((s) => s.name === b)) ctx.config.management.services.push({name: b, enabled: true, ref: ref(ctx, st)})
      return true
    }
    const name = SERVICE_NAMES[a]
    if (name && !ctx.config.management.services.some((s) => s.name === name)) ctx.config.management.services.push({name, enabled: true, ref: ref(ctx, st)})
    return true
  }
  // Everything else under system (syslog, ntp, name-server, time-zone…) touches no control.
  return true
}

/** `snmp community NAME authorization read-only|read-write`: only whether the name is a default is kept. */
export function snmpStatement(ctx: JunosContext, st: Statement): boolean {
  const [, k, name, a, b] = st.words
  if (k !== 'community' || name === undefined) return true
  const snmp = ctx.config.management.snmp
  const anchor = ref(ctx, st)
  // Keyed by name in the parse context only: the name never reaches the model.
  let entry = ctx.snmpCommunities.get(name)
  if (!entry) {
    entry = {isDefault: ['public', 'private'].includes(name.toLowerCase()), access: 'ro', ref: anchor}
    ctx.snmpCommunities.set(name, entry)
    snmp.communities.push(entry)
    if (!ctx.config.management.services.some((s) => s.name === 'snmp')) ctx.config.management.services.push({name: 'snmp', enabled: true, ref: anchor})
  }
  if (a === 'authorization') entry.access = b === 'read-write' ? 'rw' : b === 'read-only' ? 'ro' : 'unknown'
  if (a === 'clients' && b) entry.acl = 'clients'
  return true
}
