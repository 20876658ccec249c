import type {Filter, FilterRule, IpFamily} from '../../model/index.js'
import type {Block} from './blocks.js'
import {words} from './blocks.js'
import {type ParseContext, unknown} from './context.js'
import {type AclKind, parseRule} from './acl-rule.js'

/** ACLs by the name bindings use (`3000`, `web-in`), plus `acl name X 3001` aliases. */
export interface AclTable {
  filters: Map<string, Filter>
  /** Number → name for named ACLs that also carry a number. */
  aliases: Map<string, string>
  /** ACLs in `match-order auto`: the device sorts them and prints them in matching order. */
  autoOrder: Set<string>
}

export function newAclTable(): AclTable {
  return {filters: new Map(), aliases: new Map(), autoOrder: new Set()}
}

/** Binding reference → filter key (`acl 3001` may mean the named ACL that carries 3001). */
export function resolveAcl(table: AclTable, ref: string): string {
  return table.aliases.get(ref) ?? ref
}

function kindOfNumber(n: number, family: IpFamily): AclKind {
  if (n >= 2000 && n <= 2999) return 'basic'
  if (n >= 3000 && n <= 3999) return 'advanced'
  // IPv6 ACL numbers follow the same split; 4000+ are layer-2, user-defined and UCL ACLs.
  return family === 6 && n >= 2000 && n <= 3999 ? 'advanced' : 'unsupported'
}

export interface AclHeader {
  name: string
  number?: string
  kind: AclKind
  family: IpFamily
  auto: boolean
}

/** `acl [ipv6] [number] N [match-order …]`, `acl [ipv6] name X [basic|advanced|advance|N] [match-order …]`. */
export function parseAclHeader(w: string[]): AclHeader | undefined {
  const low = w.map((x) => x.toLowerCase())
  let i = 1
  let family: IpFamily = 4
  if (low[i] === 'ipv6') {
    family = 6
    i++
  }
  let name: string | undefined
  let number: string | undefined
  let kind: AclKind | undefined
  if (low[i] === 'name' && w[i + 1] !== undefined) {
    name = w[i + 1]
    i += 2
    const t = low[i]
    if (t === 'basic') kind = 'basic'
    else if (t === 'advanced' || t === 'advance') kind = 'advanced'
    else if (t !== undefined && /^\d+$/.test(t)) {
      number = t
      kind = kindOfNumber(Number(t), family)
    }
    if (kind !== undefined) i++
    // Without a type VRP creates an advanced ACL.
    kind ??= 'advanced'
  } else {
    if (low[i] === 'number') i++
    const n = low[i]
    if (n === undefined || !/^\d+$/.test(n)) return undefined
    name = n
    kind = kindOfNumber(Number(n), family)
    i++
  }
  let auto = false
  if (low[i] === 'match-order') {
    if (low[i + 1] !== 'auto' && low[i + 1] !== 'config') return undefined
    auto = low[i + 1] === 'auto'
    i += 2
  }
  if (i !== w.length || name === undefined) return undefined
  const header: AclHeader = {name, kind, family, auto}
  if (number !== undefined) header.number = number
  return header
}

/** One `acl …` view with its rules. */
export function parseAclBlock(block: Block, ctx: ParseContext): void {
  const header = parseAclHeader(words(block.header))
  if (!header) {
    unknown(ctx, block.header, undefined, 'unsupported acl header')
    for (const line of block.body) unknown(ctx, line, block)
    return
  }
  const table = ctx.acls
  let filter = table.filters.get(header.name)
  if (!filter) {
    filter = {name: header.name, kind: 'acl', family: header.family, rules: [], defaultAction: 'permit', stateful: false, ref: ctx.rec.ref(block.header)}
    // traffic-filter: "If no rule is matched, IPv4 packets are allowed to pass through"
    // (VRP command reference, traffic-filter). Management lines override this in acl-bindings.
    filter.defaultRef = filter.ref
    table.filters.set(header.name, filter)
  }
  if (header.number !== undefined) table.aliases.set(header.number, header.name)
  if (header.auto) table.autoOrder.add(header.name)
  let step = 5
  for (const line of block.body) {
    const w = words(line)
    const key = w[0]?.toLowerCase()
    if (key === 'step' && /^\d+$/.test(w[1] ?? '') && w.length === 2) {
      step = Number(w[1])
      continue
    }
    if (key === 'description') continue
    if (key !== 'rule') {
      unknown(ctx, line, block)
      continue
    }
    const parsed = parseRule(w.slice(1), header.kind, header.family)
    if (parsed.remark) continue
    const max = Math.max(0, ...filter.rules.map((r) => Number(r.id)).filter(Number.isFinite))
    // An unnumbered rule gets the next multiple of the step (VRP's automatic numbering).
    const id = parsed.number ?? (Math.floor(max / step) + 1) * step
    const rule: FilterRule = {id: String(id), action: parsed.action, match: parsed.match, ref: ctx.rec.ref(line)}
    if (parsed.problem !== undefined) {
      rule.reason = parsed.problem
      unknown(ctx, line, block, parsed.problem)
    }
    filter.rules.push(rule)
  }
}
