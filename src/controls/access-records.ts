import type {FindingDraft} from '../model/index.js'
import type {TieredAccessParams} from './params/tiered-access.js'
import {list, say} from './text.js'
import type {AuditContext} from './types.js'

/** Art. 20(2): no grant above the account's clearance. */
function clearances(ctx: AuditContext): FindingDraft[] {
  const inv = ctx.inventory
  const {levels, accounts, grants} = inv.inventory.access
  const systems = new Map(inv.inventory.systems.map((s) => [s.id, s]))
  const out: FindingDraft[] = []
  grants.forEach((g, k) => {
    const account = accounts.find((a) => a.id === g.account)
    const system = systems.get(g.system)
    if (!account || !system?.classification) return
    const ref = inv.locate(['access', 'grants', k])
    const need = levels.indexOf(system.classification)
    if (account.clearance === undefined) {
      if (need <= 0) return
      out.push({rule: 'TA-NEEDS-REVIEW', subject: `clearance:${g.account}:${g.system}`, location: ref, evidence: [ref], message: say(`账号 ${g.account} 未登记密级（clearance），无法判定其对 ${g.system}（${system.classification}）的授权，请人工核实。`, `Account ${g.account} has no clearance on record; its grant on ${g.system} (${system.classification}) cannot be decided, review it.`)})
      return
    }
    if (levels.indexOf(account.clearance) >= need) return
    out.push({
      rule: 'TA-CLEARANCE',
      subject: `grant:${g.account}:${g.system}`,
      location: ref,
      evidence: [ref],
      message: say(`账号 ${g.account}（密级 ${account.clearance}）被授予 ${g.system}（${system.classification}）的 ${g.access} 权限，超出其密级。`, `Account ${g.account} (clearance ${account.clearance}) holds ${g.access} on ${g.system} (${system.classification}), above its clearance.`),
    })
  })
  return out
}

/** GB/T 22239 8.1.5: system, security and audit administration on different accounts, each held. */
function separation(ctx: AuditContext, p: TieredAccessParams): FindingDraft[] {
  const inv = ctx.inventory
  const accounts = inv.inventory.access.accounts
  const out: FindingDraft[] = []
  accounts.forEach((a, k) => {
    const held = p.separatedDuties.filter((d) => a.duties.includes(d))
    if (held.length < 2) return
    const ref = inv.locate(['access', 'accounts', k, 'duties'])
    out.push({rule: 'TA-DUTY-CONFLICT', subject: `account:${a.id}`, location: ref, evidence: [ref], message: say(`账号 ${a.id} 同时承担 ${list(held)}，违反三员分立。`, `Account ${a.id} holds ${list(held)}, which must be on different accounts.`)})
  })
  if (!accounts.length) return out
  for (const duty of p.separatedDuties) {
    if (accounts.some((a) => a.duties.includes(duty))) continue
    const ref = inv.locate(['access', 'accounts'])
    out.push({rule: 'TA-DUTY-VACANT', subject: `duty:${duty}`, location: ref, evidence: [ref], message: say(`没有账号承担 ${duty} 职责。`, `No account holds the ${duty} duty.`)})
  }
  return out
}

/** GB/T 22239 8.1.4.2: no shared accounts, by flag or by two accounts claiming one device login. */
function shared(ctx: AuditContext): FindingDraft[] {
  const inv = ctx.inventory
  const out: FindingDraft[] = []
  const claims = new Map<string, {accounts: string[]; path: (string | number)[]}>()
  inv.inventory.access.accounts.forEach((a, k) => {
    if (a.shared) {
      const ref = inv.locate(['access', 'accounts', k, 'shared'])
      out.push({rule: 'TA-SHARED-ACCOUNT', subject: `account:${a.id}`, location: ref, evidence: [ref], message: say(`账号 ${a.id} 登记为多人共用账号。`, `Account ${a.id} is recorded as shared by several people.`)})
    }
    a.logins.forEach((l, j) => {
      const key = `${l.device}|${l.username}`
      const c = claims.get(key) ?? {accounts: [], path: ['access', 'accounts', k, 'logins', j]}
      c.accounts.push(a.id)
      claims.set(key, c)
    })
  })
  for (const [key, c] of claims) {
    if (c.accounts.length < 2) continue
    const [device = '', username = ''] = key.split('|')
    const ref = inv.locate(c.path)
    out.push({rule: 'TA-SHARED-ACCOUNT', subject: `login:${device}:${username}`, device, location: ref, evidence: [ref], message: say(`${device} 上的登录名 ${username} 被多个账号（${list(c.accounts)}）共用。`, `Login ${username} on ${device} is shared by accounts ${list(c.accounts)}.`)})
  }
  return out
}

export function accessRecords(ctx: AuditContext, p: TieredAccessParams): FindingDraft[] {
  return [...clearances(ctx), ...separation(ctx, p), ...shared(ctx)]
}
