import type {AddressMatch} from '../../model/index.js'
import {isIPv4, maskToLength, networkOf, parseAddress, parsePrefix} from '../../net/address.js'
import {PROTOCOLS} from './acl-names.js'
import type {GroupItem, ObjectGroup, ServiceMatch} from './acl-types.js'
import {isPortOp, readPorts, Words} from './acl-match.js'
import type {Block} from './blocks.js'
import {type IosContext, intIn, words} from './context.js'

/** `object-group network|service NAME` and its members. Network members use subnet masks. */
export function parseObjectGroup(block: Block, ctx: IosContext): void {
  const [, kindWord, name] = words(block.header)
  const kind = kindWord?.toLowerCase()
  if (name === undefined || (kind !== 'network' && kind !== 'service')) {
    ctx.unknown(block.header, 'unsupported object-group')
    for (const child of block.children) ctx.unknown(child, 'line under an unsupported object-group', block.header)
    return
  }
  const group: ObjectGroup =
    kind === 'network'
      ? {kind, name, family: 4, header: block.header, items: []}
      : {kind, name, header: block.header, items: []}
  for (const child of block.children) {
    const w = words(child)
    if (w[0]?.toLowerCase() === 'description') continue
    if (w[0]?.toLowerCase() === 'group-object' && w[1] !== undefined) {
      group.items.push({kind: 'group', name: w[1]})
      continue
    }
    const ok = group.kind === 'network' ? networkItem(group, w) : serviceItem(group, w)
    if (!ok) {
      group.broken ??= child.text.trim()
      ctx.unknown(child, `unsupported ${group.kind} object-group member`, block.header)
    }
  }
  ctx.objectGroups.set(name, group)
}

function networkItem(group: Extract<ObjectGroup, {kind: 'network'}>, w: string[]): boolean {
  const push = (m: AddressMatch): boolean => (group.items.push({kind: 'item', value: m} as GroupItem<AddressMatch>), true)
  const [a, b, c] = w
  if (a === undefined) return false
  const low = a.toLowerCase()
  if (low === 'any' && b === undefined) return push({kind: 'any'})
  if (low === 'host' && b !== undefined && c === undefined) {
    const addr = parseAddress(b)
    if (!addr) return false
    if (addr.family === 6) group.family = 6
    return push({kind: 'prefix', family: addr.family, address: addr.address, length: addr.family === 4 ? 32 : 128})
  }
  if (low === 'range' && b !== undefined && c !== undefined) {
    const first = parseAddress(b)
    const last = parseAddress(c)
    if (!first || !last || first.family !== last.family) return false
    return push({kind: 'range', family: first.family, first: first.address, last: last.address})
  }
  const p = b !== undefined && isIPv4(a) ? (maskToLength(b) === undefined ? undefined : parsePrefix(a, b)) : parsePrefix(a)
  if (!p || w.length > (b !== undefined && isIPv4(a) ? 2 : 1)) return false
  if (p.family === 6) group.family = 6
  return push({kind: 'prefix', family: p.family, address: networkOf(p.address, p.length, p.family), length: p.length})
}

/** `tcp eq 80`, `udp range 1 2`, `tcp-udp eq domain`, `tcp source eq 1024`, `icmp echo`, `ip`, `gre`, `47`. */
function serviceItem(group: Extract<ObjectGroup, {kind: 'service'}>, w: string[]): boolean {
  const c = new Words(w)
  const proto = c.next()?.toLowerCase()
  if (proto === undefined) return false
  const svc: ServiceMatch = {}
  if (proto === 'tcp-udp') svc.protocols = [6, 17]
  else if (proto !== 'ip') {
    const n = PROTOCOLS[proto] ?? intIn(proto, 0, 255)
    if (n === undefined) return false
    svc.protocols = [n]
  }
  const portProto = svc.protocols?.length === 1 ? svc.protocols[0] : undefined
  const hasPorts = svc.protocols !== undefined && svc.protocols.every((p) => p === 6 || p === 17)
  if (hasPorts && c.peekLower() === 'source') {
    c.next()
    const ports = readPorts(c, portProto)
    if (!ports) return false
    svc.srcPorts = ports
  }
  if (hasPorts && isPortOp(c.peek())) {
    const ports = readPorts(c, portProto)
    if (!ports) return false
    svc.dstPorts = ports
  }
  if (!c.done()) return false
  group.items.push({kind: 'item', value: svc})
  return true
}

/** Every member of a group with nested groups flattened; undefined when any part is missing or broken. */
export function flattenGroup<K extends ObjectGroup['kind']>(
  ctx: IosContext,
  name: string,
  kind: K,
  seen = new Set<string>(),
): (K extends 'network' ? AddressMatch : ServiceMatch)[] | undefined {
  const group = ctx.objectGroups.get(name)
  if (!group || group.kind !== kind || group.broken !== undefined || seen.has(name)) return undefined
  seen.add(name)
  const out: unknown[] = []
  for (const item of group.items) {
    if (item.kind === 'item') out.push(item.value)
    else {
      const nested = flattenGroup(ctx, item.name, kind, seen)
      if (!nested) return undefined
      out.push(...nested)
    }
  }
  seen.delete(name)
  return out as (K extends 'network' ? AddressMatch : ServiceMatch)[]
}

