import {isPromptLine, type SourceLine} from '../common/text.js'

/**
 * One configuration view as VRP prints it: a command at the left margin and the indented
 * commands of its view. Nested views (aaa → authentication-scheme) stay in `body` with their indent.
 */
export interface Block {
  header: SourceLine
  body: SourceLine[]
}

export interface SplitResult {
  blocks: Block[]
  /** Lines that carry configuration (everything but separators, comments, prompts, navigation). */
  significant: number
}

/** Navigation and framing that changes no configuration. */
function isStructural(text: string): boolean {
  const t = text.trim()
  if (t === '') return true
  // `#` separates views; `# …` is a comment in saved scripts; `!…` is the VRP8 header comment.
  if (t.startsWith('#') || t.startsWith('!')) return true
  if (/^(return|quit|system-view|sys)$/i.test(t)) return true
  if (/^(display|dis)\s/i.test(t)) return true
  if (/^\^$/.test(t)) return true
  return isPromptLine(t)
}

/** A banner's text runs up to its closing delimiter, whatever the lines look like. */
function bannerDelimiter(text: string): string | undefined {
  const m = /^\s*header\s+(?:login|shell|motd|incoming|legal)\b.*?\binformation\s+(\S)/i.exec(text)
  if (!m?.[1]) return undefined
  const delim = m[1]
  const after = text.slice(text.indexOf(delim, m.index + m[0].length - 1) + 1)
  return after.includes(delim) ? undefined : delim
}

/**
 * Group lines into views. A `#` at the left margin closes the current view; a line no deeper
 * than the open view's header starts a new view.
 */
export function splitBlocks(lines: SourceLine[]): SplitResult {
  const blocks: Block[] = []
  let current: Block | undefined
  let significant = 0
  let banner: string | undefined
  for (const line of lines) {
    if (banner !== undefined && current) {
      current.body.push(line)
      if (line.text.trim() !== '') significant++
      if (line.text.includes(banner)) banner = undefined
      continue
    }
    const t = line.text.trim()
    if (isStructural(t)) {
      if ((t.startsWith('#') && line.indent === 0) || (/^quit$/i.test(t) && line.indent <= 1)) current = undefined
      continue
    }
    significant++
    // A view's commands sit deeper than its header; old AR exports indent global commands too.
    if (current === undefined || line.indent <= current.header.indent) {
      current = {header: line, body: []}
      blocks.push(current)
      banner = bannerDelimiter(line.text)
      continue
    }
    current.body.push(line)
  }
  return {blocks, significant}
}

/** Whitespace-split words of a line. */
export function words(line: SourceLine): string[] {
  return line.text.trim().split(/\s+/)
}
