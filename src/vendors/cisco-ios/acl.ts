import type {SourceLine} from '../common/text.js'
import type {AclDraft, AclType} from './acl-types.js'
import type {Block} from './blocks.js'
import {type IosContext, intIn, words} from './context.js'

/** Numbered ACL ranges: 1–99 and 1300–1999 standard, 100–199 and 2000–2699 extended. */
export function numberedAclType(n: number): AclType | undefined {
  if ((n >= 1 && n <= 99) || (n >= 1300 && n <= 1999)) return 'standard'
  if ((n >= 100 && n <= 199) || (n >= 2000 && n <= 2699)) return 'extended'
  return undefined
}

function draftFor(ctx: IosContext, name: string, type: AclType, header: SourceLine): AclDraft {
  const key = `${type === 'ipv6' ? 'ipv6' : 'ip'}:${name}`
  let draft = ctx.acls.get(key)
  if (!draft) {
    draft = {name, type, header, entries: []}
    ctx.acls.set(key, draft)
  }
  return draft
}

/** `access-list N permit|deny|remark …`; returns why not understood. */
export function parseNumberedAclLine(line: SourceLine, ctx: IosContext): string | undefined {
  const w = words(line)
  const n = intIn(w[1], 1, 2699)
  const type = n === undefined ? undefined : numberedAclType(n)
  if (n === undefined || type === undefined) return 'unsupported access-list number (only IPv4 standard/extended)'
  const draft = draftFor(ctx, String(n), type, line)
  const rest = w.slice(2)
  if (rest[0]?.toLowerCase() === 'remark') return undefined
  draft.entries.push({line, words: rest})
  return undefined
}

// Named-ACL sub-commands that configure the list, not its entries.
const ACL_HOUSEKEEPING = /^(statistics|no statistics|description|exit)\b/

/** `ip access-list standard|extended NAME` and `ipv6 access-list NAME` blocks. */
export function parseNamedAclBlock(block: Block, ctx: IosContext): void {
  const w = words(block.header)
  const v6 = w[0]?.toLowerCase() === 'ipv6'
  const typeWord = w[2]?.toLowerCase()
  let type: AclType | undefined
  let name: string | undefined
  if (v6) {
    type = 'ipv6'
    name = w[2]
  } else if (typeWord === 'standard' || typeWord === 'extended') {
    type = typeWord
    name = w[3]
  }
  if (type === undefined || name === undefined || w.length > (v6 ? 3 : 4)) {
    ctx.unknown(block.header, 'unsupported access-list definition')
    for (const child of block.children) ctx.unknown(child, 'line under an unsupported access-list', block.header)
    return
  }
  const draft = draftFor(ctx, name, type, block.header)
  for (const child of block.children) {
    let rest = words(child)
    let seq: number | undefined
    if (rest[0]?.toLowerCase() === 'sequence') rest = rest.slice(1)
    if (/^\d+$/.test(rest[0] ?? '')) {
      seq = intIn(rest[0], 1, 2147483647)
      rest = rest.slice(1)
    }
    const verb = rest[0]?.toLowerCase()
    if (verb === 'remark' || ACL_HOUSEKEEPING.test(rest.join(' ').toLowerCase())) continue
    draft.entries.push(seq === undefined ? {line: child, words: rest} : {seq, line: child, words: rest})
  }
}
