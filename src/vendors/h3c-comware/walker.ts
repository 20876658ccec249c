import type {CoverageRecorder} from '../common/coverage.js'
import {isPromptLine, type SourceLine} from '../common/text.js'

/** One significant configuration line, trimmed and split into words. */
export interface Statement {
  line: SourceLine
  text: string
  words: string[]
}

/** A configuration view (`interface …`, `vlan …`, `local-user …`) and how to read its lines. */
export interface BlockHandler {
  /** True when the line was understood: turned into facts or known to be irrelevant. */
  child(stmt: Statement): boolean
}

export interface ConfigHandlers {
  /** A system-view command outside any view; true when understood. */
  global(stmt: Statement): boolean
  /** A column-0 line that opens a view we know; undefined otherwise. */
  open(stmt: Statement): BlockHandler | undefined
}

/**
 * Comware 5 pagers erase `---- More ----` by printing spaces over it; once the erase sequences
 * are stripped, the next line carries 15–16 leading spaces. Real nesting never goes this deep
 * outside banners and key blocks, which are handled before indentation matters.
 */
const RESIDUE_INDENT = 10

const KEY_BEGIN = /^public-key-code\s+begin\b/i
const KEY_END = /^public-key-code\s+end\b/i
const BANNER = /^header\s+(motd|login|shell|incoming|legal)\s+(\S)(.*)$/i

export function statementOf(line: SourceLine): Statement {
  const text = line.text.trim()
  return {line, text, words: text.split(/\s+/)}
}

/**
 * Walk a `display current-configuration` and hand every line to the handler of its view.
 * Comware prints view headers at column 0, their commands indented by one space, and closes a view
 * with a column-0 `#`; system-view commands are indented by one space too, in `#`-delimited sections.
 */
export function walkConfig(lines: readonly SourceLine[], rec: CoverageRecorder, h: ConfigHandlers): void {
  let block: {header: Statement; handler: BlockHandler | undefined} | undefined
  let bannerEnd: string | undefined
  let inKey = false
  for (const line of lines) {
    const text = line.text.trim()
    if (text === '') continue
    if (bannerEnd !== undefined) {
      // Banner text is free prose: significant, irrelevant to every control.
      rec.count()
      if (text.includes(bannerEnd)) bannerEnd = undefined
      continue
    }
    if (inKey) {
      // Key material is skipped wholesale so it can never reach a warning.
      rec.count()
      if (KEY_END.test(text)) inKey = false
      continue
    }
    if (/^#+$/.test(text)) {
      if (line.indent === 0 || line.indent >= RESIDUE_INDENT) block = undefined
      continue
    }
    if (text.startsWith('#')) continue
    if (isPromptLine(text)) continue
    rec.count()
    if (KEY_BEGIN.test(text)) {
      inKey = true
      continue
    }
    const banner = BANNER.exec(text)
    if (banner) {
      const delimiter = banner[2] ?? ''
      if (!(banner[3] ?? '').includes(delimiter)) bannerEnd = delimiter
      continue
    }
    if (text === 'return' && (line.indent === 0 || line.indent >= RESIDUE_INDENT)) {
      block = undefined
      continue
    }
    const stmt = statementOf(line)
    const residue = line.indent >= RESIDUE_INDENT
    if (line.indent >= 1 && !residue) {
      if (block) {
        if (block.handler?.child(stmt)) continue
        rec.unrecognized(line, block.handler ? 'unrecognized command' : 'inside an unrecognized view', block.header.text)
        continue
      }
      if (!h.global(stmt)) rec.unrecognized(line)
      continue
    }
    // Pager residue hides the real indentation: a line the open view understands stays in it.
    if (residue && block?.handler?.child(stmt)) continue
    const handler = h.open(stmt)
    if (handler) {
      block = {header: stmt, handler}
      continue
    }
    // Some exports print system-view commands at column 0.
    if (h.global(stmt)) {
      block = undefined
      continue
    }
    block = {header: stmt, handler: undefined}
    rec.unrecognized(line, 'unrecognized configuration view')
  }
}
