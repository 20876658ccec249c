import type {AddressMatch, Filter, FilterRule, PacketMatch, SourceRef} from '../../model/index.js'
import {policyAddress, withoutDescription} from './addresses.js'
import {ref, type ServiceTerm, type UsgContext, unknown} from './context.js'
import {protocolTerm, resolveServices} from './services.js'
import {type ConfigNode, startsWith} from './tree.js'

export const POLICY_FILTER = 'security-policy'

/** Rule options that change logging, sessions or content inspection, never which packets match. */
const NEUTRAL_OPTIONS = [
  'description',
  'policy logging',
  'session logging',
  'traffic logging',
  'session aging-time',
  'long-link',
  'profile',
  'parent-group',
  'tag',
  'enable',
]

/** Conditions the device evaluates against run-time state: the rule's reach cannot be read from the config. */
const DYNAMIC_CONDITIONS = [
  'time-range',
  'user',
  'source-user',
  'access-authentication',
  'application',
  'category',
  'source-region',
  'destination-region',
  'vlan',
  'vlan-id',
  'source-address-exclude',
  'destination-address-exclude',
  'service-exclude',
  'source-mac',
  'destination-mac',
  'url',
]

interface RuleDraft {
  name: string
  node: ConfigNode
  action?: 'permit' | 'deny'
  disabled: boolean
  fromZones: string[]
  toZones: string[]
  src: AddressMatch[]
  dst: AddressMatch[]
  services: ServiceTerm[]
  hasService: boolean
  /** Fields whose condition could not be read: an `unknown` rule must not narrow them. */
  unread: Set<'src' | 'dst' | 'service'>
  unknownReason?: string
  refs: SourceRef[]
}

/**
 * Build the one `security-policy` Filter: user rules in order (disabled rules skipped; a rule
 * with a condition that cannot be read becomes `unknown`), then the intrazone permits the
 * default policy leaves open, then the default action (deny unless `default action permit`).
 */
export function buildSecurityPolicy(ctx: UsgContext, zones: string[]): Filter {
  const drafts: RuleDraft[] = []
  let defaultAction: 'permit' | 'deny' = 'deny'
  let defaultRef: SourceRef | undefined
  let intrazoneControlled = false
  const disabledGroups: {from: string; to: string}[] = []
  for (const view of ctx.policies) {
    for (const child of view.children) {
      const w = child.words.map((x) => x.toLowerCase())
      if (startsWith(child, 'default action') && (w[2] === 'permit' || w[2] === 'deny') && w.length === 3) {
        defaultAction = w[2]
        defaultRef = ref(ctx, child)
        descendantsUnknown(ctx, child)
      } else if (startsWith(child, 'default packet-filter intrazone')) {
        intrazoneControlled = w[3] === 'enable'
        descendantsUnknown(ctx, child)
      } else if (startsWith(child, 'default policy logging') || startsWith(child, 'default session logging')) {
        descendantsUnknown(ctx, child)
      } else if (startsWith(child, 'rule name') && child.words[2] !== undefined) {
        drafts.push(readRule(ctx, child, child.words.slice(2).join(' ')))
      } else if (startsWith(child, 'group name')) {
        // `group name G from A to B [disable]`: grouping only, unless the group is disabled.
        const from = w.indexOf('from')
        const to = w.indexOf('to')
        if (w.includes('disable') && from > 0 && to > from) {
          disabledGroups.push({from: child.words[from + 1] ?? '', to: child.words[to + 1] ?? ''})
        }
        descendantsUnknown(ctx, child)
      } else {
        unknown(ctx, child, 'unrecognized security-policy command', view)
        descendantsUnknown(ctx, child)
      }
    }
  }
  applyDisabledGroups(drafts, disabledGroups)
  const rules: FilterRule[] = []
  for (const d of drafts) if (!d.disabled) rules.push(...toRules(ctx, d))
  const headerRef: SourceRef = ctx.policies[0] ? ref(ctx, ctx.policies[0]) : {file: ctx.rec.file, line: 1}
  if (!intrazoneControlled) {
    // Huawei: the default policy does not govern intrazone traffic unless
    // `default packet-filter intrazone enable`; such traffic is forwarded.
    for (const zone of zones) {
      if (zone === 'local') continue
      rules.push({
        id: `intrazone:${zone}`,
        action: 'permit',
        match: {src: [{kind: 'any'}], dst: [{kind: 'any'}]},
        fromZones: [zone],
        toZones: [zone],
        ref: defaultRef ?? headerRef,
      })
    }
  }
  const filter: Filter = {name: POLICY_FILTER, kind: 'security-policy', rules, defaultAction, stateful: true, ref: headerRef}
  if (defaultRef) filter.defaultRef = defaultRef
  return filter
}

/** Children of a command the policy handler already accounted for: none are expected. */
function descendantsUnknown(ctx: UsgContext, node: ConfigNode): void {
  for (const c of node.children) {
    unknown(ctx, c, 'unexpected nested command', node)
    descendantsUnknown(ctx, c)
  }
}

function readRule(ctx: UsgContext, node: ConfigNode, name: string): RuleDraft {
  const d: RuleDraft = {
    name,
    node,
    disabled: false,
    fromZones: [],
    toZones: [],
    src: [],
    dst: [],
    services: [],
    hasService: false,
    unread: new Set(),
    refs: [],
  }
  const fail = (reason: string) => {
    d.unknownReason ??= reason
  }
  for (const c of node.children) {
    const w = c.words
    const k = (w[0] ?? '').toLowerCase()
    d.refs.push(ref(ctx, c))
    descendantsUnknown(ctx, c)
    if (k === 'action') {
      const a = (w[1] ?? '').toLowerCase()
      if (a === 'permit' || a === 'deny') d.action = a
      else {
        unknown(ctx, c, 'unrecognized rule action', node)
        fail(`action ${w.slice(1).join(' ')}`)
      }
    } else if (k === 'disable') d.disabled = true
    else if (k === 'source-zone' || k === 'destination-zone') {
      const zones = withoutDescription(w.slice(1))
      ;(k === 'source-zone' ? d.fromZones : d.toZones).push(...zones)
    } else if (k === 'source-address' || k === 'destination-address') {
      const r = policyAddress(ctx, w.slice(1))
      d.refs.push(...r.refs)
      if (r.ok) (k === 'source-address' ? d.src : d.dst).push(...r.value)
      else {
        d.unread.add(k === 'source-address' ? 'src' : 'dst')
        fail(r.reason)
      }
    } else if (k === 'service') {
      d.hasService = true
      const rest = withoutDescription(w.slice(1))
      if (rest[0]?.toLowerCase() === 'protocol') {
        const term = protocolTerm(rest)
        if (term) d.services.push(term)
        else {
          d.unread.add('service')
          fail(`cannot read service "${rest.join(' ')}"`)
        }
      } else {
        const r = resolveServices(ctx, rest)
        d.refs.push(...r.refs)
        if (r.ok) d.services.push(...r.value)
        else {
          d.unread.add('service')
          fail(r.reason)
        }
      }
    } else if (DYNAMIC_CONDITIONS.includes(k)) {
      fail(`condition "${k}" depends on run-time state`)
    } else if (NEUTRAL_OPTIONS.some((o) => startsWith(c, o))) {
      // logging, session and inspection options: no effect on which packets match
    } else {
      unknown(ctx, c, 'unrecognized security-policy rule command', node)
      fail(`unrecognized condition "${w.join(' ')}"`)
    }
  }
  if (d.action === undefined) fail('rule has no action')
  return d
}

function applyDisabledGroups(drafts: RuleDraft[], groups: {from: string; to: string}[]): void {
  for (const g of groups) {
    const a = drafts.findIndex((d) => d.name === g.from)
    const b = drafts.findIndex((d) => d.name === g.to)
    if (a < 0 || b < a) continue
    for (let i = a; i <= b; i++) {
      const d = drafts[i]
      if (d) d.disabled = true
    }
  }
}

/**
 * One FilterRule per service term: a rule's services are a union, and protocol/port sets of
 * different services cannot share one PacketMatch without widening it (tcp/53 + udp/80).
 */
function toRules(ctx: UsgContext, d: RuleDraft): FilterRule[] {
  const base = {
    src: d.src.length > 0 ? d.src : [{kind: 'any'} as AddressMatch],
    dst: d.dst.length > 0 ? d.dst : [{kind: 'any'} as AddressMatch],
  }
  const zones = (list: string[]) => (list.length === 0 || list.some((z) => z.toLowerCase() === 'any') ? undefined : list)
  const fromZones = zones(d.fromZones)
  const toZones = zones(d.toZones)
  const rule = (match: PacketMatch, action: FilterRule['action']): FilterRule => {
    const r: FilterRule = {id: d.name, action, match, ref: ref(ctx, d.node)}
    if (fromZones) r.fromZones = fromZones
    if (toZones) r.toZones = toZones
    if (d.refs.length > 0) r.refs = dedupe(d.refs)
    if (action === 'unknown' && d.unknownReason) r.reason = d.unknownReason
    return r
  }
  if (d.unknownReason !== undefined || d.action === undefined) {
    // Over-approximate what the rule may match: unread fields match anything.
    const match: PacketMatch = {
      src: d.unread.has('src') ? [{kind: 'any'}] : base.src,
      dst: d.unread.has('dst') ? [{kind: 'any'}] : base.dst,
    }
    const only = d.services[0]
    if (d.hasService && !d.unread.has('service') && d.services.length === 1 && only) Object.assign(match, only)
    return [rule(match, 'unknown')]
  }
  const terms = d.hasService ? d.services : [{}]
  return terms.map((t) => rule({...base, ...t}, d.action ?? 'deny'))
}

function dedupe(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<number>()
  return refs.filter((r) => !seen.has(r.line) && seen.add(r.line) !== undefined)
}
