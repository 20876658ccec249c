import {type CompiledFilter, shadowedRules} from '../../analysis/filters/index.js'
import type {PacketSet} from '../../analysis/packetset/index.js'
import {type Application, readableWitness} from '../../analysis/reach/index.js'
import type {AddressMatch, FilterRule, FindingDraft} from '../../model/index.js'
import {say} from '../text.js'
import type {Crossing} from './boundary.js'
import {packetText, witnessOf} from './witness.js'

type FilterApp = Extract<Application, {kind: 'filter'}>

const isAny = (ms: AddressMatch[], negate?: boolean) => !negate && ms.some((m) => m.kind === 'any' || (m.kind === 'prefix' && m.length === 0))

/** Which fields of a rule are `any`: source, destination, service. */
export function anyFields(rule: FilterRule): string[] {
  const m = rule.match
  const out: string[] = []
  if (isAny(m.src, m.srcNegate)) out.push('source')
  if (isAny(m.dst, m.dstNegate)) out.push('destination')
  if (m.protocols === undefined) out.push('service')
  return out
}

const UNDEFINED = /not defined|undefined|neither defined|does not exist|missing/i

/** Collects rule-level findings across zone pairs, one per rule (or filter default). */
export class RuleFindings {
  private readonly byKey = new Map<string, FindingDraft & {pairs: string[]}>()
  private readonly shadowDone = new Set<string>()

  constructor(private readonly describe: (zones: [string, string]) => string) {}

  get drafts(): FindingDraft[] {
    return [...this.byKey.values()].map(({pairs: _pairs, ...d}) => d)
  }

  private add(key: string, pair: [string, string], make: () => FindingDraft): void {
    const existing = this.byKey.get(key)
    const label = this.describe(pair)
    if (existing) {
      if (!existing.pairs.includes(label)) existing.pairs.push(label)
      for (const z of pair) if (!existing.zones?.includes(z)) existing.zones?.push(z)
      return
    }
    this.byKey.set(key, {...make(), pairs: [label]})
  }

  /** Permit rules that decide excess packets crossing the boundary (LI-EXCESS-FLOW / LI-ANY-PERMIT). */
  excess(pair: [string, string], crossings: Crossing[], excess: PacketSet): void {
    for (const c of crossings) {
      const through = c.surely.intersect(excess).intersect(c.hop.pass)
      if (through.isEmpty()) continue
      for (const app of c.hop.apps) {
        if (app.kind !== 'filter' || app.surelyOnly) continue
        for (const r of app.compiled.rules) {
          if (r.verdict !== 'permit') continue
          const hit = through.intersect(r.decides)
          const w = readableWitness(hit)
          if (!w) continue
          const any = anyFields(r.rule)
          const rule = any.length ? 'LI-ANY-PERMIT' : 'LI-EXCESS-FLOW'
          this.add(`${rule}|${app.device}|${app.compiled.filter.name}|${r.rule.id}`, pair, () => ({
            rule,
            subject: `rule:${app.compiled.filter.name}:${r.rule.id}`,
            device: app.device,
            zones: [...pair],
            location: r.rule.ref,
            evidence: [r.rule.ref, ...(r.rule.refs ?? []), app.binding],
            witness: witnessOf(w),
            message: any.length
              ? say(
                  `${app.device} ${app.label} 第 ${r.rule.id} 条规则以 any（${any.join('、')}）放行 ${pair[0]} → ${pair[1]} 的未批准流量，例如 ${packetText(w)}。`,
                  `${app.device} ${app.label} rule ${r.rule.id} permits with any ${any.join(', ')} unapproved ${pair[0]} → ${pair[1]} traffic, e.g. ${packetText(w)}.`,
                )
              : say(
                  `${app.device} ${app.label} 第 ${r.rule.id} 条规则放行 ${pair[0]} → ${pair[1]} 的未批准流量，例如 ${packetText(w)}。`,
                  `${app.device} ${app.label} rule ${r.rule.id} permits unapproved ${pair[0]} → ${pair[1]} traffic, e.g. ${packetText(w)}.`,
                ),
          }))
        }
      }
    }
  }

  /** Boundary filters whose default action permits packets of the pair (LI-DEFAULT-PERMIT). */
  defaults(pair: [string, string], crossings: Crossing[]): void {
    for (const c of crossings) {
      for (const app of c.hop.apps) {
        if (app.kind !== 'filter' || app.surelyOnly) continue
        const f = app.compiled
        if (f.filter.defaultAction !== 'permit') continue
        const w = readableWitness(c.maybe.intersect(f.defaultDecides).intersect(c.hop.scope))
        if (!w) continue
        const at = f.filter.defaultRef ?? f.filter.ref
        this.add(`LI-DEFAULT-PERMIT|${app.device}|${f.filter.name}`, pair, () => ({
          rule: 'LI-DEFAULT-PERMIT',
          subject: `default:${f.filter.name}`,
          device: app.device,
          zones: [...pair],
          location: at,
          evidence: [at, app.binding],
          witness: witnessOf(w),
          message: say(
            `${app.device} 边界过滤 ${app.label} 的默认动作为允许：未匹配任何规则的 ${pair[0]} → ${pair[1]} 流量（例如 ${packetText(w)}）被放行。`,
            `${app.device} boundary filter ${app.label} permits by default: ${pair[0]} → ${pair[1]} traffic no rule matches (e.g. ${packetText(w)}) passes.`,
          ),
        }))
      }
    }
  }

  /** Rules of boundary filters that never match (LI-SHADOWED / LI-REDUNDANT) or name undefined objects. */
  hygiene(pair: [string, string], crossings: Crossing[]): void {
    for (const c of crossings) {
      for (const app of c.hop.apps) {
        if (app.kind === 'fixed') {
          if (app.undefinedObject) this.undefinedObject(pair, app.device, app.label, app.reason, app.ref, `binding:${app.label}`)
          continue
        }
        if (app.surelyOnly) continue
        this.shadowed(pair, app)
        for (const r of app.compiled.rules) {
          if (r.verdict === 'unknown' && r.rule.reason && UNDEFINED.test(r.rule.reason)) {
            this.undefinedObject(pair, app.device, `${app.label} rule ${r.rule.id}`, r.rule.reason, r.rule.ref, `rule:${app.compiled.filter.name}:${r.rule.id}`)
          }
        }
      }
    }
  }

  private undefinedObject(pair: [string, string], device: string, what: string, reason: string, ref: FindingDraft['location'] & object, subject: string): void {
    this.add(`LI-UNDEFINED-OBJECT|${device}|${subject}`, pair, () => ({
      rule: 'LI-UNDEFINED-OBJECT',
      subject,
      device,
      zones: [...pair],
      location: ref,
      evidence: [ref],
      message: say(`${device} ${what} 引用了未定义的对象（${reason}），其效果无法确定。`, `${device} ${what} refers to an undefined object (${reason}); its effect cannot be decided.`),
    }))
  }

  private shadowed(pair: [string, string], app: FilterApp): void {
    const f: CompiledFilter = app.compiled
    const key = `${app.device}|${f.filter.name}`
    if (this.shadowDone.has(key)) return
    this.shadowDone.add(key)
    for (const s of shadowedRules(f.filter, {space: f.space})) {
      // Behind a rule nobody can read, "never matches" is not known either: that rule is the finding.
      if (s.rule.action === 'unknown' || s.by.some((b) => b.rule.action === 'unknown')) continue
      const rule = s.kind === 'conflict' ? 'LI-SHADOWED' : 'LI-REDUNDANT'
      const by = s.by.map((b) => b.rule.id).join(', ')
      const refs = s.by.map((b) => b.rule.ref)
      this.add(`${rule}|${key}|${s.rule.id}`, pair, () => ({
        rule,
        subject: `rule:${f.filter.name}:${s.rule.id}`,
        device: app.device,
        zones: [...pair],
        location: s.rule.ref,
        evidence: [s.rule.ref, ...refs],
        message:
          s.kind === 'conflict'
            ? say(
                `${app.device} ${f.filter.name} 第 ${s.rule.id} 条规则（${s.rule.action}）永远不会生效：其匹配的流量已被前面的规则 ${by} 以不同动作处理。`,
                `${app.device} ${f.filter.name} rule ${s.rule.id} (${s.rule.action}) never takes effect: earlier rule(s) ${by} decide all its traffic with a different action.`,
              )
            : s.kind === 'empty'
              ? say(`${app.device} ${f.filter.name} 第 ${s.rule.id} 条规则不匹配任何报文。`, `${app.device} ${f.filter.name} rule ${s.rule.id} matches no packet.`)
              : say(
                  `${app.device} ${f.filter.name} 第 ${s.rule.id} 条规则是冗余的：前面的规则 ${by} 已以相同动作处理其全部流量。`,
                  `${app.device} ${f.filter.name} rule ${s.rule.id} is redundant: earlier rule(s) ${by} already decide all its traffic the same way.`,
                ),
      }))
    }
  }
}
