import type {Filter, PacketMatch, SourceRef} from '../../model/index.js'
import type {IosContext} from './context.js'
import {ANY_MATCH, intersectMatches} from './zbf-match.js'
import {inspectProtocol} from './zbf-protocols.js'
import type {ClassStatement} from './zbf-types.js'

/** What an inspect class matches: a union of matches, or a reason it cannot be told. */
export type ClassMatch = {matches: PacketMatch[]; refs: SourceRef[]; reason?: string}

class Undecided extends Error {}

const fail = (reason: string): never => {
  throw new Undecided(reason)
}

/**
 * A class-map matching an ACL matches what the ACL permits. Deny entries ahead of a permit carve
 * holes a union of matches cannot express, so such a class is undecided (fail closed). IPv6
 * neighbor-discovery permits are link-local and never cross zones.
 */
function aclMatches(acls: Filter[], name: string): PacketMatch[] {
  if (acls.length === 0) fail(`undefined ACL ${name}`)
  const out: PacketMatch[] = []
  for (const acl of acls) {
    const rules = acl.rules.filter((r) => !r.id.startsWith('implicit-nd'))
    const last = rules.map((r) => r.action).lastIndexOf('permit')
    if (last < 0) continue
    if (rules.slice(0, last).some((r) => r.action !== 'permit')) fail(`ACL ${name} has deny or unreadable entries before a permit`)
    out.push(...rules.slice(0, last + 1).map((r) => r.match))
  }
  return out
}

function statementMatches(ctx: IosContext, s: ClassStatement, acls: Map<string, Filter[]>, seen: Set<string>, refs: SourceRef[]): PacketMatch[] {
  refs.push(ctx.ref(s.line))
  switch (s.kind) {
    case 'access-group':
      return aclMatches(acls.get(s.acl) ?? [], s.acl)
    case 'protocol': {
      const low = s.protocol.toLowerCase()
      if (ctx.zbf.remappedApplications.has(low)) fail(`protocol ${low} is re-mapped by ip port-map`)
      const services = inspectProtocol(low) ?? fail(`protocol "${s.protocol}" is not in the port-to-application table`)
      return services.map((svc) => ({...ANY_MATCH, ...svc}))
    }
    case 'class-map':
      return collect(ctx, s.name, acls, seen, refs)
    case 'unsupported':
      return fail(s.reason)
  }
}

function collect(ctx: IosContext, name: string, acls: Map<string, Filter[]>, seen: Set<string>, refs: SourceRef[]): PacketMatch[] {
  const cls = ctx.zbf.classes.get(name) ?? fail(`undefined class-map ${name}`)
  if (seen.has(name)) fail(`class-map ${name} refers to itself`)
  if (cls.statements.length === 0) fail(`class-map ${name} has no match statement`)
  seen.add(name)
  refs.push(ctx.ref(cls.header))
  const parts = cls.statements.map((s) => statementMatches(ctx, s, acls, seen, refs))
  seen.delete(name)
  if (!cls.matchAll) return parts.flat()
  // match-all: every statement must match, so the class is the intersection of their unions.
  let acc: PacketMatch[] = [ANY_MATCH]
  for (const part of parts) {
    const next: PacketMatch[] = []
    for (const a of acc) {
      for (const b of part) {
        const meet = intersectMatches(a, b)
        if (meet === undefined) fail(`match-all of two address or ICMP conditions in class-map ${name} is not modelled`)
        if (meet) next.push(meet)
      }
    }
    acc = next
  }
  return acc
}

/** Resolve an inspect class (nested class-maps included); `acls` are the file's ACL filters by name. */
export function classMatch(ctx: IosContext, name: string, acls: Map<string, Filter[]>): ClassMatch {
  const refs: SourceRef[] = []
  try {
    return {matches: collect(ctx, name, acls, new Set(), refs), refs}
  } catch (e) {
    if (!(e instanceof Undecided)) throw e
    return {matches: [ANY_MATCH], refs, reason: e.message}
  }
}
