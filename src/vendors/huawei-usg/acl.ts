import type {Filter, FilterRule} from '../../model/index.js'
import {parseAclHeader} from '../huawei-vrp/acl.js'
import {parseRule} from '../huawei-vrp/acl-rule.js'
import {ref, type UsgContext, unknown} from './context.js'
import {type ConfigNode, descendants} from './tree.js'

/**
 * `acl number N` / `acl name X …` views: USG runs VRP and shares its ACL syntax, so rules are read
 * by the VRP rule parser. On a USG6000 the security policy filters traffic; ACLs guard management
 * access (`user-interface … acl N inbound`, SNMP), where a login no rule permits is refused — so
 * the default action is deny.
 */
export function parseAcl(ctx: UsgContext, node: ConfigNode): void {
  const header = parseAclHeader(node.words)
  if (!header) {
    unknown(ctx, node, 'unsupported acl header')
    for (const d of descendants(node)) unknown(ctx, d, 'inside an unsupported acl', node)
    return
  }
  let filter = ctx.config.filters.find((f) => f.name === header.name && f.kind === 'acl')
  if (!filter) {
    const at = ref(ctx, node)
    filter = {name: header.name, kind: 'acl', family: header.family, rules: [], defaultAction: 'deny', defaultRef: at, stateful: false, ref: at} satisfies Filter
    ctx.config.filters.push(filter)
  }
  let step = 5
  for (const c of node.children) {
    const w = c.words
    const key = w[0]?.toLowerCase()
    if (key === 'step' && /^\d+$/.test(w[1] ?? '') && w.length === 2) step = Number(w[1])
    else if (key === 'description') continue
    else if (key === 'rule') addRule(ctx, filter, c, node, header, step)
    else unknown(ctx, c, 'unrecognized acl command', node)
    for (const d of descendants(c)) unknown(ctx, d, 'unexpected nested command', c)
  }
}

function addRule(ctx: UsgContext, filter: Filter, c: ConfigNode, parent: ConfigNode, header: NonNullable<ReturnType<typeof parseAclHeader>>, step: number): void {
  const parsed = parseRule(c.words.slice(1), header.kind, header.family)
  if (parsed.remark) return
  const max = Math.max(0, ...filter.rules.map((r) => Number(r.id)).filter(Number.isFinite))
  // An unnumbered rule gets the next multiple of the step (VRP's automatic numbering).
  const id = parsed.number ?? (Math.floor(max / step) + 1) * step
  const rule: FilterRule = {id: String(id), action: parsed.action, match: parsed.match, ref: ref(ctx, c)}
  if (parsed.problem !== undefined) {
    rule.reason = parsed.problem
    unknown(ctx, c, parsed.problem, parent)
  }
  filter.rules.push(rule)
  filter.rules.sort((a, b) => Number(a.id) - Number(b.id))
}
