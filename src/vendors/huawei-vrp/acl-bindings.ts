import type {Filter, SourceRef} from '../../model/index.js'
import type {Block} from './blocks.js'
import {words} from './blocks.js'
import {type ParseContext, unknown} from './context.js'
import {resolveAcl} from './acl.js'

/** `traffic-filter inbound|outbound [ipv4|ipv6] acl [ipv6] N|name X` → ACL reference and direction. */
function parseFilterRef(w: string[]): {acl: string; direction: 'in' | 'out'} | undefined {
  const low = w.map((x) => x.toLowerCase())
  const dir = low[1]
  if (dir !== 'inbound' && dir !== 'outbound') return undefined
  let i = 2
  if (low[i] === 'ipv4' || low[i] === 'ipv6') i++
  if (low[i] !== 'acl') return undefined
  i++
  if (low[i] === 'ipv6') i++
  if (low[i] === 'name') i++
  const acl = w[i]
  if (acl === undefined || i !== w.length - 1) return undefined
  return {acl, direction: dir === 'inbound' ? 'in' : 'out'}
}

/** `traffic-filter …` inside an interface view. */
export function parseInterfaceFilter(intf: string, w: string[], ref: SourceRef, ctx: ParseContext): boolean {
  const f = parseFilterRef(w)
  if (!f) return false
  ctx.config.filterBindings.push({kind: 'interface', filter: f.acl, interface: intf, direction: f.direction, ref})
  return true
}

/** `traffic-filter inbound acl N` in the system view: applies to every interface. */
export function parseGlobalFilter(block: Block, ctx: ParseContext): void {
  for (const line of block.body) unknown(ctx, line, block)
  const f = parseFilterRef(words(block.header))
  if (!f) {
    unknown(ctx, block.header, undefined, 'unsupported traffic-filter form')
    return
  }
  ctx.config.filterBindings.push({kind: 'global', filter: f.acl, ref: ctx.rec.ref(block.header)})
}

function emptyFilter(name: string, defaultAction: Filter['defaultAction'], ref: SourceRef): Filter {
  return {name, kind: 'acl', rules: [], defaultAction, defaultRef: ref, stateful: false, ref}
}

/**
 * Once every ACL is read: order rules, resolve numbered references to named ACLs, give bound
 * but undefined ACLs an empty permit-all body (VRP forwards what no rule matches), and give
 * each management line its own copy of the ACL with VRP's login default: an ACL with rules
 * refuses logins that match none; an empty ACL restricts nothing (command reference, `acl`
 * in the user-interface view).
 */
export function finishFilters(ctx: ParseContext): void {
  const table = ctx.acls
  for (const [name, filter] of table.filters) {
    // match-order config: rules match by ascending number; auto: as the device prints them.
    if (!table.autoOrder.has(name)) filter.rules.sort((a, b) => Number(a.id) - Number(b.id))
  }
  for (const b of ctx.config.filterBindings) {
    b.filter = resolveAcl(table, b.filter)
    if (!table.filters.has(b.filter)) table.filters.set(b.filter, emptyFilter(b.filter, 'permit', b.ref))
  }
  for (const l of ctx.lineAcls) {
    const base = table.filters.get(resolveAcl(table, l.acl))
    const name = `${base?.name ?? l.acl}@user-interface`
    if (!table.filters.has(name)) {
      const rules = base?.rules ?? []
      const copy: Filter = {...emptyFilter(name, rules.length > 0 ? 'deny' : 'permit', l.ref), rules}
      if (base?.family !== undefined) copy.family = base.family
      if (base) copy.ref = base.ref
      table.filters.set(name, copy)
    }
    ctx.config.filterBindings.push({kind: 'management', filter: name, line: l.line, ref: l.ref})
  }
  ctx.config.filters = [...table.filters.values()]
}
