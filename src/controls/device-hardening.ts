import type {FindingDraft} from '../model/index.js'
import type {ModelDevice} from '../network/types.js'
import type {DeviceHardeningParams} from './params/device-hardening.js'
import {paramsOf} from './params/index.js'
import {say} from './text.js'
import type {Control} from './types.js'

function snmp(d: ModelDevice, p: DeviceHardeningParams): FindingDraft[] {
  const out: FindingDraft[] = []
  const seen = new Map<string, number>()
  for (const c of d.config?.management.snmp.communities ?? []) {
    // Communities carry no name in the model (they are secrets): access and order identify one, never the line.
    const n = (seen.get(c.access) ?? 0) + 1
    seen.set(c.access, n)
    const key = `${d.id}:${c.access}:${n}`
    if (c.isDefault) {
      out.push({rule: 'DH-SNMP-DEFAULT-COMMUNITY', subject: `snmp-default:${key}`, device: d.id, location: c.ref, evidence: [c.ref], message: say(`${d.id} 使用默认的 SNMP 团体名（public/private，${c.access}）。`, `${d.id} uses a default SNMP community (public/private, ${c.access}).`)})
    } else if (p.snmpCommunityAcl && !c.acl) {
      out.push({rule: 'DH-SNMP-NO-ACL', subject: `snmp-acl:${key}`, device: d.id, location: c.ref, evidence: [c.ref], message: say(`${d.id} 的一个 SNMP v1/v2c 团体（${c.access}）没有 ACL 限制访问来源。`, `An SNMP v1/v2c community (${c.access}) on ${d.id} has no ACL restricting its sources.`)})
    }
  }
  return out
}

function idleTimeouts(d: ModelDevice, p: DeviceHardeningParams): FindingDraft[] {
  const kinds = new Set<string>(p.lineKinds)
  const out: FindingDraft[] = []
  for (const line of d.config?.management.lines ?? []) {
    // Unset means the vendor default (10 minutes on VRP, Comware and IOS): only explicit values are judged.
    const t = line.idleTimeoutMinutes
    if (!kinds.has(line.kind) || t === undefined || (t > 0 && t <= p.maxIdleMinutes)) continue
    const zh = t === 0 ? `${d.id} 的 ${line.name} 关闭了空闲超时（永不断开）。` : `${d.id} 的 ${line.name} 空闲超时为 ${t} 分钟，超过 ${p.maxIdleMinutes} 分钟。`
    const en = t === 0 ? `${d.id} ${line.name} has the idle timeout disabled (sessions never time out).` : `${d.id} ${line.name} idles out after ${t} minutes, more than ${p.maxIdleMinutes}.`
    out.push({rule: 'DH-IDLE-TIMEOUT', subject: `idle:${d.id}:${line.name}`, device: d.id, location: line.ref, evidence: [line.ref], message: say(zh, en)})
  }
  return out
}

function loginLimit(d: ModelDevice, p: DeviceHardeningParams): FindingDraft[] {
  const cfg = d.config
  if (!cfg || !cfg.management.lines.some((l) => l.kind === 'vty')) return []
  const limit = cfg.management.loginFailureLimit
  if (limit && limit.attempts <= p.maxLoginAttempts) return []
  const ref = limit?.ref ?? cfg.hostnameRef
  return [
    {
      rule: 'DH-LOGIN-LIMIT',
      subject: `login-limit:${d.id}`,
      device: d.id,
      ...(ref ? {location: ref, evidence: [ref]} : {}),
      message: limit
        ? say(`${d.id} 允许连续 ${limit.attempts} 次登录失败才锁定，超过 ${p.maxLoginAttempts} 次。`, `${d.id} locks out after ${limit.attempts} failed logins, more than ${p.maxLoginAttempts}.`)
        : say(`${d.id} 没有配置登录失败次数限制。`, `${d.id} has no limit on failed login attempts.`),
    },
  ]
}

function services(d: ModelDevice, p: DeviceHardeningParams): FindingDraft[] {
  const forbidden = new Set<string>(p.forbiddenServices)
  return (d.config?.management.services ?? [])
    .filter((s) => s.enabled && forbidden.has(s.name))
    .map((s) => ({rule: 'DH-SERVICE', subject: `service:${d.id}:${s.name}`, device: d.id, location: s.ref, evidence: [s.ref], message: say(`${d.id} 启用了不需要的 ${s.name} 服务。`, `${d.id} runs an unneeded ${s.name} server.`)}))
}

/** GB/T 22239 8.1.4.1 b, 8.1.4.4; Xiangtan measures: no default SNMP, idle logout, lockout, no needless servers. */
export const deviceHardening: Control = {
  id: 'device-hardening',
  run(ctx) {
    const p = paramsOf(ctx.policy, 'device-hardening')
    if (!p) return []
    return [...ctx.network.devices.values()].flatMap((d) => [...snmp(d, p), ...idleTimeouts(d, p), ...loginLimit(d, p), ...services(d, p)])
  },
}
