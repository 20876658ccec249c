import type {FindingDraft} from '../model/index.js'
import {networkOf, parsePrefix} from '../net/address.js'
import type {ModelDevice} from '../network/types.js'
import {judgeAcl, lineFilter} from './mgmt-acl.js'
import type {TieredAccessParams} from './params/tiered-access.js'
import {list, say} from './text.js'
import type {AuditContext} from './types.js'

type Prefix = NonNullable<ReturnType<typeof parsePrefix>>

/** GB/T 22239 8.1.4.1 c: remote management over SSH only. */
function insecureProtocols(d: ModelDevice, p: TieredAccessParams): FindingDraft[] {
  const forbidden = new Set<string>(p.forbiddenProtocols)
  const cfg = d.config
  if (!cfg) return []
  const out: FindingDraft[] = []
  for (const line of cfg.management.lines) {
    if (line.kind !== 'vty') continue
    const bad = line.transports.flatMap((t) => (t === 'all' ? [...forbidden].filter((f) => f === 'telnet') : forbidden.has(t) ? [t] : []))
    if (!bad.length) continue
    out.push({rule: 'TA-INSECURE-MGMT', subject: `line:${d.id}:${line.name}`, device: d.id, location: line.ref, evidence: [line.ref], message: say(`${d.id} 的 ${line.name} 允许以 ${list(bad)} 登录管理。`, `${d.id} ${line.name} accepts management logins over ${list(bad)}.`)})
  }
  for (const s of cfg.management.services) {
    if (!s.enabled || !forbidden.has(s.name)) continue
    out.push({rule: 'TA-INSECURE-MGMT', subject: `service:${d.id}:${s.name}`, device: d.id, location: s.ref, evidence: [s.ref], message: say(`${d.id} 启用了 ${s.name} 管理服务。`, `${d.id} runs the ${s.name} management server.`)})
  }
  for (const u of cfg.accounts.users) {
    const bad = u.services.filter((s) => forbidden.has(s))
    if (!bad.length) continue
    out.push({rule: 'TA-INSECURE-MGMT', subject: `user-service:${d.id}:${u.username}`, device: d.id, location: u.ref, evidence: [u.ref], message: say(`${d.id} 上的账号 ${u.username} 允许通过 ${list(bad)} 登录。`, `Account ${u.username} on ${d.id} may log in over ${list(bad)}.`)})
  }
  return out
}

/** Where management logins may come from: management-kind zones and the device's own management subnet. */
function managementSources(ctx: AuditContext, d: ModelDevice, p: TieredAccessParams): Prefix[] {
  const kinds = new Set<string>(p.managementZoneKinds)
  const out = ctx.inventory.inventory.zones.filter((z) => kinds.has(z.kind)).flatMap((z) => z.prefixes.flatMap((x) => parsePrefix(x) ?? []))
  const mgmt = d.inv.mgmt?.address
  if (p.ownManagementSubnet && mgmt) {
    for (const i of d.interfaces) {
      for (const a of i.addresses) {
        const q = parsePrefix(a)
        const net = q && q.address === mgmt ? parsePrefix(`${networkOf(q.address, q.length, q.family)}/${q.length}`) : undefined
        if (net) out.push(net)
      }
    }
  }
  return out
}

/** GB/T 22239 8.1.4.4 c: remote management restricted by source address to the management network. */
function managementAcls(ctx: AuditContext, d: ModelDevice, p: TieredAccessParams): FindingDraft[] {
  const cfg = d.config
  if (!cfg) return []
  const allowed = managementSources(ctx, d, p)
  const out: FindingDraft[] = []
  for (const line of cfg.management.lines) {
    if (line.kind !== 'vty' || (line.transports.length === 1 && line.transports[0] === 'none')) continue
    const {name, filter} = lineFilter(d, line)
    const subject = `mgmt-acl:${d.id}:${line.name}`
    if (!name) {
      out.push({rule: 'TA-MGMT-ACL', subject, device: d.id, location: line.ref, evidence: [line.ref], message: say(`${d.id} 的 ${line.name} 没有限制登录来源的 ACL。`, `${d.id} ${line.name} has no ACL restricting where logins come from.`)})
      continue
    }
    if (!filter) {
      out.push({rule: 'TA-MGMT-ACL', subject, device: d.id, location: line.ref, evidence: [line.ref], message: say(`${d.id} 的 ${line.name} 引用的 ACL ${name} 未定义，登录来源不受限制。`, `${d.id} ${line.name} refers to ACL ${name}, which is not defined: logins are not restricted.`)})
      continue
    }
    const v = judgeAcl(filter, allowed)
    const ref = v.kind === 'too-open' || v.kind === 'unknown' ? (v.ref ?? filter.ref) : filter.ref
    if (v.kind === 'too-open') {
      const src = v.why === 'any' ? '任意地址' : v.why === 'default permit' ? '未匹配的任意地址（默认允许）' : v.why
      const srcEn = v.why === 'any' ? 'any address' : v.why === 'default permit' ? 'any unmatched address (default permit)' : v.why
      out.push({rule: 'TA-MGMT-ACL', subject, device: d.id, location: ref, evidence: [ref, line.ref], message: say(`${d.id} 的 ${line.name} 的 ACL ${filter.name} 允许来自管理网以外的 ${src} 登录。`, `ACL ${filter.name} of ${d.id} ${line.name} lets logins in from ${srcEn}, outside the management network.`)})
    } else if (v.kind === 'unknown') {
      out.push({rule: 'TA-NEEDS-REVIEW', subject, device: d.id, location: ref, evidence: [ref, line.ref], message: say(`无法判定 ${d.id} 的 ACL ${filter.name} 是否只允许管理网登录（${v.why}），请人工核实。`, `Cannot decide whether ACL ${filter.name} of ${d.id} admits only the management network (${v.why}); review it.`)})
    }
  }
  return out
}

export function managementPlane(ctx: AuditContext, p: TieredAccessParams): FindingDraft[] {
  return [...ctx.network.devices.values()].flatMap((d) => [...insecureProtocols(d, p), ...managementAcls(ctx, d, p)])
}
