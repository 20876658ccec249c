import type {CoverageRecorder} from '../common/coverage.js'
import {isPromptLine, type SourceLine} from '../common/text.js'

/** One command and its sub-commands (deeper indent), as `show running-config` prints them. */
export interface ConfigNode {
  line: SourceLine
  words: string[]
  children: ConfigNode[]
}

/** `!` comments, `:` markers (`: Saved`, `: end`), prompts and command echoes: not configuration. */
function isFraming(text: string): boolean {
  const t = text.trim()
  if (t === '' || t.startsWith('!') || t.startsWith(':') || /^Cryptochecksum:/i.test(t)) return true
  if (/^(show|sh|more|terminal|copy|write|wr)\b/i.test(t)) return true
  return isPromptLine(t)
}

export function buildTree(lines: SourceLine[], rec: CoverageRecorder): ConfigNode[] {
  const root: ConfigNode[] = []
  const stack: ConfigNode[] = []
  for (const line of lines) {
    if (isFraming(line.text)) continue
    rec.count()
    const t = line.text.trim()
    const node: ConfigNode = {line, words: t.split(/\s+/), children: []}
    while (stack.length > 0 && (stack[stack.length - 1]?.line.indent ?? 0) >= line.indent) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(node)
    else root.push(node)
    stack.push(node)
  }
  return root
}

export function startsWith(node: ConfigNode, p: string): boolean {
  return p.split(' ').every((w, i) => node.words[i]?.toLowerCase() === w)
}

export function descendants(node: ConfigNode): ConfigNode[] {
  const out: ConfigNode[] = []
  for (const c of node.children) out.push(c, ...descendants(c))
  return out
}
