import type {SourceLine} from '../common/text.js'
import type {Block} from './blocks.js'
import {type IosContext, words} from './context.js'
import type {ClassStatement, InspectClass, InspectPolicy, PolicyClass} from './zbf-types.js'

/** Global ZBF commands that open a block; `parameter-map type inspect` tunes timeouts only. */
export const ZBF_BLOCK = /^(zone security|zone-pair security|class-map type inspect|policy-map type inspect|parameter-map type)\b/

function reportAll(block: Block, ctx: IosContext, reason: string): void {
  ctx.unknown(block.header, reason)
  for (const child of block.children) ctx.unknown(child, reason, block.header)
}

export function parseZbfBlock(block: Block, ctx: IosContext): void {
  const w = words(block.header)
  const low = w.map((x) => x.toLowerCase())
  if (low[0] === 'zone' && w.length === 3 && w[2] !== undefined) parseZone(block, ctx, w[2])
  else if (low[0] === 'zone-pair') parseZonePair(block, ctx, w, low)
  else if (low[0] === 'class-map') parseInspectClass(block, ctx, w, low)
  else if (low[0] === 'policy-map' && w.length === 4 && w[3] !== undefined) parseInspectPolicy(block, ctx, w[3])
  else if (low[0] === 'parameter-map' && (low[2] === 'inspect' || low[2] === 'inspect-global')) parseParameterMap(block, ctx)
  else reportAll(block, ctx, 'zone-based firewall command not modelled (application-layer or URL policy)')
}

function parseZone(block: Block, ctx: IosContext, name: string): void {
  ctx.zbf.zones.set(name, block.header)
  for (const c of block.children) if (words(c)[0]?.toLowerCase() !== 'description') ctx.unknown(c, 'unrecognized zone command', block.header)
}

/** `zone-pair security NAME source A destination B`; `self` is the router itself. */
function parseZonePair(block: Block, ctx: IosContext, w: string[], low: string[]): void {
  const [name, from, to] = [w[2], w[4], w[6]]
  if (low[1] !== 'security' || low[3] !== 'source' || low[5] !== 'destination' || w.length !== 7 || !name || !from || !to) {
    reportAll(block, ctx, 'unsupported zone-pair')
    return
  }
  const pair: (typeof ctx.zbf.pairs)[number] = {name, from, to, header: block.header}
  for (const c of block.children) {
    const cw = words(c)
    const cl = cw.map((x) => x.toLowerCase())
    if (cl[0] === 'description') continue
    if (cl[0] === 'service-policy' && cl[1] === 'type' && cl[2] === 'inspect' && cw.length === 4 && cw[3] !== undefined) {
      pair.policy = {name: cw[3], line: c}
    } else ctx.unknown(c, 'unrecognized zone-pair command', block.header)
  }
  ctx.zbf.pairs.push(pair)
}

/** `class-map type inspect [match-any|match-all] NAME` (layer 4); protocol-specific layer-7 class maps are reported. */
function parseInspectClass(block: Block, ctx: IosContext, w: string[], low: string[]): void {
  const mode = low[3]
  const named = mode === 'match-any' || mode === 'match-all' ? w[4] : w[3]
  const expected = mode === 'match-any' || mode === 'match-all' ? 5 : 4
  if (named === undefined || w.length !== expected) {
    reportAll(block, ctx, 'application-layer inspect class-map is not modelled')
    return
  }
  const cls: InspectClass = {name: named, matchAll: mode !== 'match-any', header: block.header, statements: []}
  for (const c of block.children) {
    const s = classStatement(c)
    if (s === undefined) continue
    if (s.kind === 'unsupported') ctx.unknown(c, s.reason, block.header)
    cls.statements.push(s)
  }
  ctx.zbf.classes.set(named, cls)
}

function classStatement(line: SourceLine): ClassStatement | undefined {
  const w = words(line)
  const low = w.map((x) => x.toLowerCase())
  if (low[0] === 'description') return undefined
  if (low[0] === 'match' && low[1] === 'access-group') {
    const acl = low[2] === 'name' ? w[3] : w[2]
    if (acl !== undefined && w.length === (low[2] === 'name' ? 4 : 3)) return {kind: 'access-group', acl, line}
  }
  if (low[0] === 'match' && low[1] === 'protocol' && w[2] !== undefined && w.length === 3) return {kind: 'protocol', protocol: w[2], line}
  if (low[0] === 'match' && low[1] === 'class-map' && w[2] !== undefined && w.length === 3) return {kind: 'class-map', name: w[2], line}
  return {kind: 'unsupported', reason: 'unsupported inspect class-map match condition', line}
}

/** `policy-map type inspect NAME`: `class type inspect C` / `class class-default`, each with its action. */
function parseInspectPolicy(block: Block, ctx: IosContext, name: string): void {
  const policy: InspectPolicy = {name, header: block.header, classes: []}
  let current: PolicyClass | undefined
  for (const c of block.children) {
    const w = words(c)
    const low = w.map((x) => x.toLowerCase())
    if (low[0] === 'class') {
      const isDefault = low[1] === 'class-default' && w.length === 2
      const className = isDefault ? 'class-default' : low[1] === 'type' && low[2] === 'inspect' && w.length === 4 ? w[3] : undefined
      if (className === undefined) {
        ctx.unknown(c, 'unsupported class in an inspect policy-map', block.header)
        current = {className: w.slice(1).join(' '), line: c, problem: 'unsupported class reference'}
        policy.classes.push(current)
        continue
      }
      current = {className, line: c}
      if (isDefault) policy.classDefault = current
      else policy.classes.push(current)
    } else if (low[0] === 'description' && current === undefined) {
      // documentation only
    } else if (current === undefined) ctx.unknown(c, 'policy-map line outside a class', block.header)
    else actionLine(current, c, low, ctx, block.header)
  }
  ctx.zbf.policies.set(name, policy)
}

const ACTIONS = new Set(['inspect', 'pass', 'drop'])

function actionLine(cls: PolicyClass, line: SourceLine, low: string[], ctx: IosContext, header: SourceLine): void {
  const verb = low[0] ?? ''
  // `inspect [parameter-map]`, `pass [log]`, `drop [log]`.
  const ok = ACTIONS.has(verb) && (low.length === 1 || (verb === 'inspect' ? low.length === 2 : low.length === 2 && low[1] === 'log'))
  if (ok && cls.action === undefined) {
    cls.action = {kind: verb as 'inspect' | 'pass' | 'drop', line}
    return
  }
  // Rate limits and logging never widen or narrow which sessions a class admits.
  if (verb === 'police' || verb === 'log') return
  cls.problem ??= ok ? 'class has two actions' : `"${low.join(' ')}" is not modelled`
  ctx.unknown(line, ok ? 'second action in one class' : 'unsupported inspect policy action', header)
}

// Timeouts, thresholds, logging and alerting of the inspect engine: no effect on what is admitted.
const PARAMETER_MAP = /^(alert|audit-trail|max-incomplete|one-minute|sessions|tcp|udp|icmp|dns-timeout|log|aggressive-aging|description|max-destination|application-inspect|syn-flood|session|packet)\b/

function parseParameterMap(block: Block, ctx: IosContext): void {
  for (const c of block.children) {
    const text = words(c).join(' ').toLowerCase()
    if (!PARAMETER_MAP.test(text)) ctx.unknown(c, 'unrecognized inspect parameter-map command', block.header)
  }
}

/** `ip port-map APP port …`: the application's ports are no longer the defaults, so classes naming it are undecided. */
export function parsePortMap(line: SourceLine, ctx: IosContext): string {
  const app = words(line)[2]?.toLowerCase()
  if (app !== undefined) ctx.zbf.remappedApplications.add(app)
  return `user-defined port mapping is not modelled: inspect classes matching ${app ?? 'it'} are undecided`
}
