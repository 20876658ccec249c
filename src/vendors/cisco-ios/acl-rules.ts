import type {AddressMatch, Filter, FilterRule, PacketMatch} from '../../model/index.js'
import {flattenGroup} from './acl-groups.js'
import {isPortOp, type AddressSpec, readAddress, readPorts, Words} from './acl-match.js'
import {icmpTypeByName, PROTOCOLS} from './acl-names.js'
import type {AclDraft, AclEntry, ServiceMatch} from './acl-types.js'
import {type IosContext, intIn} from './context.js'

type Parsed = {action: 'permit' | 'deny'; src: AddressMatch[]; dst: AddressMatch[]; services: ServiceMatch[]}

class AceError extends Error {}

function fail(reason: string): never {
  throw new AceError(reason)
}

/** Why an object-group reference cannot be expanded: undefined (LI-UNDEFINED-OBJECT) or unusable here. */
function groupProblem(ctx: IosContext, name: string, kind: 'network' | 'service'): never {
  const group = ctx.objectGroups.get(name)
  if (!group) fail(`object-group ${name} is not defined`)
  fail(group.kind !== kind ? `object-group ${name} is a ${group.kind} group, not a ${kind} group` : `object-group ${name} cannot be expanded (${group.broken ?? 'nested loop'})`)
}

function resolveAddress(spec: AddressSpec | undefined, ctx: IosContext): AddressMatch[] {
  if (!spec) fail('bad address')
  if (spec.kind === 'match') return [spec.match]
  return flattenGroup(ctx, spec.name, 'network') ?? groupProblem(ctx, spec.name, 'network')
}

/** Protocol operand: `ip`/`ipv6` (any), a name, a number or a service object-group. */
function readProtocol(c: Words, v6: boolean, ctx: IosContext): ServiceMatch[] {
  const tok = c.next()?.toLowerCase() ?? fail('missing protocol')
  if (tok === 'ip' || (v6 && tok === 'ipv6')) return [{}]
  if (tok === 'object-group') {
    const name = c.next() ?? fail('missing object-group name')
    return flattenGroup(ctx, name, 'service') ?? groupProblem(ctx, name, 'service')
  }
  if (v6 && tok === 'icmp') return [{protocols: [58]}]
  const n = PROTOCOLS[tok] ?? intIn(tok, 0, 255) ?? fail(`unknown protocol ${tok}`)
  return [{protocols: [n]}]
}

const LOG_WORDS = new Set(['log', 'log-input'])

function parseExtended(c: Words, v6: boolean, ctx: IosContext): Omit<Parsed, 'action'> {
  const services = readProtocol(c, v6, ctx)
  const single = services.length === 1 ? services[0] : undefined
  const proto = single?.protocols?.length === 1 ? single.protocols[0] : undefined
  const ported = proto === 6 || proto === 17 || proto === 132
  const src = resolveAddress(readAddress(c, v6), ctx)
  let srcPorts: ServiceMatch['srcPorts']
  if (isPortOp(c.peek())) {
    if (!ported || !single) fail('ports on a protocol without ports')
    srcPorts = readPorts(c, proto) ?? fail('bad source port')
  }
  const dst = resolveAddress(readAddress(c, v6), ctx)
  let dstPorts: ServiceMatch['dstPorts']
  if (isPortOp(c.peek())) {
    if (!ported || !single) fail('ports on a protocol without ports')
    dstPorts = readPorts(c, proto) ?? fail('bad destination port')
  }
  let icmp: ServiceMatch['icmpTypes']
  const isIcmp = proto === 1 || proto === 58
  if (isIcmp && c.peek() !== undefined && !LOG_WORDS.has(c.peekLower() ?? '')) {
    const t = c.next() ?? ''
    const num = intIn(t, 0, 255)
    if (num !== undefined) {
      const code = intIn(c.peek(), 0, 255)
      if (code !== undefined) c.next()
      icmp = [code === undefined ? {type: num} : {type: num, code}]
    } else icmp = [icmpTypeByName(t, v6) ?? fail(`unknown ICMP type ${t}`)]
  }
  let established = false
  while (!c.done()) {
    const opt = c.next()?.toLowerCase() ?? ''
    if (opt === 'established' && proto === 6) established = true
    else if (LOG_WORDS.has(opt)) {
      if (!c.done() && !LOG_WORDS.has(c.peekLower() ?? '')) c.next() // optional log cookie
    } else if (opt === 'reflect') {
      c.next()
      if (c.peekLower() === 'timeout') c.i += 2
    } else fail(`unsupported option "${opt}"`) // fragments, time-range, dscp, tcp flags… narrow the match
  }
  const shaped = services.map((s) => {
    const out: ServiceMatch = {...s}
    if (srcPorts) out.srcPorts = srcPorts
    if (dstPorts) out.dstPorts = dstPorts
    if (icmp) out.icmpTypes = icmp
    if (established) out.established = true
    return out
  })
  return {src, dst, services: shaped}
}

function parseEntry(entry: AclEntry, draft: AclDraft, ctx: IosContext): Parsed {
  const c = new Words(entry.words)
  const action = c.next()?.toLowerCase()
  if (action !== 'permit' && action !== 'deny') fail(`unsupported entry "${action ?? ''}"`)
  if (draft.type === 'standard') {
    const src = resolveAddress(readAddress(c, false, true), ctx)
    while (!c.done()) if (!LOG_WORDS.has(c.next()?.toLowerCase() ?? '')) fail('unsupported option in standard ACL')
    return {action, src, dst: [{kind: 'any'}], services: [{}]}
  }
  return {action, ...parseExtended(c, draft.type === 'ipv6', ctx)}
}

function toMatch(p: Parsed, s: ServiceMatch, v6: boolean): PacketMatch {
  const m: PacketMatch = {src: p.src, dst: p.dst}
  if (s.protocols) m.protocols = s.protocols
  if (s.srcPorts) m.srcPorts = s.srcPorts
  if (s.dstPorts) m.dstPorts = s.dstPorts
  if (s.icmpTypes) m.icmpTypes = s.icmpTypes
  if (s.established) m.state = 'established'
  if (v6) m.family = 6
  else if (p.src.every((a) => a.kind === 'any') && p.dst.every((a) => a.kind === 'any')) m.family = 4
  return m
}

/** IOS numbers entries 10, 20, … when no sequence is written, and keeps them sorted by sequence. */
function sequenced(entries: AclEntry[]): {seq: number; entry: AclEntry}[] {
  let last = 0
  const out = entries.map((entry) => {
    const seq = entry.seq ?? last + 10
    last = Math.max(last, seq)
    return {seq, entry}
  })
  return out.sort((a, b) => a.seq - b.seq)
}

/** ACL drafts → ordered neutral filters with the IOS implicit deny. Unparsed entries fail closed. */
export function buildFilters(ctx: IosContext): Filter[] {
  const filters: Filter[] = []
  for (const draft of ctx.acls.values()) {
    const v6 = draft.type === 'ipv6'
    const rules: FilterRule[] = []
    for (const {seq, entry} of sequenced(draft.entries)) {
      const ref = ctx.ref(entry.line)
      try {
        const parsed = parseEntry(entry, draft, ctx)
        parsed.services.forEach((s, k) => {
          const id = parsed.services.length > 1 ? `${seq}/${k + 1}` : String(seq)
          rules.push({id, action: parsed.action, match: toMatch(parsed, s, v6), ref})
        })
      } catch (e) {
        if (!(e instanceof AceError)) throw e
        ctx.unknown(entry.line, e.message, draft.header)
        rules.push({id: String(seq), action: 'unknown', reason: e.message, match: {src: [{kind: 'any'}], dst: [{kind: 'any'}]}, ref})
      }
    }
    const headerRef = ctx.ref(draft.header)
    if (v6) {
      // IPv6 ACLs end with implicit neighbor-discovery permits before the implicit deny.
      for (const [id, type] of [['implicit-nd-na', 136], ['implicit-nd-ns', 135]] as const) {
        const match: PacketMatch = {src: [{kind: 'any'}], dst: [{kind: 'any'}], protocols: [58], icmpTypes: [{type}], family: 6}
        rules.push({id, action: 'permit', match, ref: headerRef})
      }
    }
    const filter: Filter = {name: draft.name, kind: 'acl', rules, defaultAction: 'deny', defaultRef: headerRef, stateful: false, ref: headerRef}
    filter.family = v6 ? 6 : 4
    filters.push(filter)
  }
  return filters
}
