import type {Account} from '../inventory/types.js'
import type {FindingDraft, LocalUser} from '../model/index.js'
import type {ModelDevice} from '../network/types.js'
import type {TieredAccessParams} from './params/tiered-access.js'
import {list, say} from './text.js'
import type {AuditContext} from './types.js'

const STORAGE_ZH: Record<string, string> = {plaintext: '明文', reversible: '可逆加密', hash: '哈希', unknown: '未知方式'}

/** What the duties of these accounts allow a device login: the most generous of them. */
function allowed(accounts: Account[], p: TieredAccessParams): {maxLevel: number; roles: Set<string>} {
  let maxLevel = -1
  const roles = new Set<string>()
  for (const duty of accounts.flatMap((a) => a.duties)) {
    const rule = p.dutyPrivilege[duty]
    if (!rule) continue
    maxLevel = Math.max(maxLevel, rule.maxLevel)
    for (const r of rule.roles) roles.add(r.toLowerCase())
  }
  return {maxLevel, roles}
}

function privilege(d: ModelDevice, u: LocalUser, owners: Account[], p: TieredAccessParams): FindingDraft[] {
  const may = allowed(owners, p)
  const duties = [...new Set(owners.flatMap((a) => a.duties))]
  const tooHigh = u.privilege !== undefined && u.privilege > may.maxLevel
  const extraRoles = u.roles.filter((r) => !may.roles.has(r.toLowerCase()))
  if (!tooHigh && !extraRoles.length) return []
  const what = [...(tooHigh ? [`privilege ${u.privilege}`] : []), ...extraRoles.map((r) => `role ${r}`)]
  return [
    {
      rule: 'TA-PRIVILEGE',
      subject: `login:${d.id}:${u.username}`,
      device: d.id,
      location: u.ref,
      evidence: [u.ref],
      message: say(
        `${d.id} 上的登录名 ${u.username}（账号 ${list(owners.map((a) => a.id))}，职责 ${list(duties) || '无'}）具有 ${list(what)}，超出其职责允许的权限。`,
        `Login ${u.username} on ${d.id} (account ${list(owners.map((a) => a.id))}, duties ${list(duties) || 'none'}) has ${list(what)}, more than its duties allow.`,
      ),
    },
  ]
}

function weakSecrets(d: ModelDevice, p: TieredAccessParams): FindingDraft[] {
  const weak = new Set<string>(p.weakSecretStorage)
  const out: FindingDraft[] = []
  for (const u of d.config?.accounts.users ?? []) {
    if (!u.secret || !weak.has(u.secret.storage)) continue
    const s = u.secret.storage
    out.push({rule: 'TA-WEAK-SECRET', subject: `secret:${d.id}:${u.username}`, device: d.id, location: u.secret.ref, evidence: [u.secret.ref], message: say(`${d.id} 上的账号 ${u.username} 的口令以${STORAGE_ZH[s]}方式保存。`, `The password of ${u.username} on ${d.id} is stored ${s}.`)})
  }
  for (const e of d.config?.accounts.enable ?? []) {
    if (!weak.has(e.storage)) continue
    const level = e.level === undefined ? '' : ` ${e.level}`
    out.push({rule: 'TA-WEAK-SECRET', subject: `enable:${d.id}:${e.level ?? ''}`, device: d.id, location: e.ref, evidence: [e.ref], message: say(`${d.id} 的特权（enable${level}）口令以${STORAGE_ZH[e.storage]}方式保存。`, `The enable${level} password of ${d.id} is stored ${e.storage}.`)})
  }
  return out
}

/** GB/T 22239 8.1.4.1–8.1.4.2: every device login is a known person's account with the rights of its duties. */
export function deviceLogins(ctx: AuditContext, p: TieredAccessParams): FindingDraft[] {
  const accounts = ctx.inventory.inventory.access.accounts
  const defaults = new Set(p.defaultAccounts.map((n) => n.toLowerCase()))
  const out: FindingDraft[] = []
  for (const d of ctx.network.devices.values()) {
    for (const u of d.config?.accounts.users ?? []) {
      if (defaults.has(u.username.toLowerCase())) {
        out.push({rule: 'TA-DEFAULT-ACCOUNT', subject: `login:${d.id}:${u.username}`, device: d.id, location: u.ref, evidence: [u.ref], message: say(`${d.id} 上存在默认或通用账号 ${u.username}。`, `${d.id} has a default or generic account, ${u.username}.`)})
        continue
      }
      const owners = accounts.filter((a) => a.logins.some((l) => l.device === d.id && l.username === u.username))
      if (!owners.length) {
        out.push({rule: 'TA-UNKNOWN-LOGIN', subject: `login:${d.id}:${u.username}`, device: d.id, location: u.ref, evidence: [u.ref], message: say(`${d.id} 上的本地账号 ${u.username} 不属于清单中的任何人员账号（access.accounts[].logins）。`, `Local account ${u.username} on ${d.id} belongs to no inventory account (access.accounts[].logins).`)})
        continue
      }
      out.push(...privilege(d, u, owners, p))
    }
    out.push(...weakSecrets(d, p))
  }
  return out
}
