import type {DeviceConfig, SourceRef} from '../../model/index.js'
import type {CoverageRecorder} from '../common/coverage.js'
import type {SourceLine} from '../common/text.js'
import type {AclTable} from './acl.js'
import type {Block} from './blocks.js'
import type {VrpInterface} from './vendor-model.js'

/** Shared state of one parseConfig run. */
export interface ParseContext {
  rec: CoverageRecorder
  /** Neutral facts that need no vendor default (VLANs, routes, accounts, management). */
  config: DeviceConfig
  interfaces: Map<string, VrpInterface>
  acls: AclTable
  /** Management-line ACL references, resolved once every ACL is read. */
  lineAcls: {acl: string; line: string; ref: SourceRef}[]
}

export type BlockHandler = (block: Block, ctx: ParseContext) => void

export function unknown(ctx: ParseContext, line: SourceLine, block: Block | undefined, reason = 'unrecognized command'): void {
  ctx.rec.unrecognized(line, reason, block && block.header !== line ? block.header.text : undefined)
}

/** Case-insensitive "the words start with this phrase". */
export function startsWithWords(words: string[], phrase: string): boolean {
  const p = phrase.split(' ')
  if (words.length < p.length) return false
  return p.every((w, i) => words[i]?.toLowerCase() === w)
}
