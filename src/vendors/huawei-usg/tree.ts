import type {CoverageRecorder} from '../common/coverage.js'
import {isPromptLine, type SourceLine} from '../common/text.js'

/** One command and the commands of its view (deeper indent), as USG prints them. */
export interface ConfigNode {
  line: SourceLine
  /** Tokens; a double-quoted string is one token without its quotes. */
  words: string[]
  children: ConfigNode[]
}

export interface ConfigTree {
  /** The root system: everything up to the first `return`. */
  root: ConfigNode[]
  /** Lines after the first `return` (`switch vsys` sections), each with its vsys header. */
  trailing: {line: SourceLine; vsys?: string}[]
}

export function tokenize(text: string): string[] {
  const out: string[] = []
  const re = /"([^"]*)"|(\S+)/g
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m[1] ?? m[2] ?? '')
  return out
}

// `2018-09-19 19:50:59.320` heads `display current-configuration` captured with a timestamp.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?( [+-]\d{2}:\d{2})?$/

/** Comments, separators and prompts: not configuration, not counted. */
function isFraming(text: string): boolean {
  const t = text.trim()
  return t === '' || t.startsWith('#') || t.startsWith('!') || isPromptLine(t) || /^(display|dis)\s/i.test(t)
}

/**
 * Build the view tree. A `#` closes every open view, so an indented line after it is a
 * top-level command (USG indents some global commands). Counts every significant line.
 */
export function buildTree(lines: SourceLine[], rec: CoverageRecorder): ConfigTree {
  const root: ConfigNode[] = []
  const trailing: ConfigTree['trailing'] = []
  let stack: ConfigNode[] = []
  let ended = false
  let vsys: string | undefined
  for (const line of lines) {
    const t = line.text.trim()
    if (isFraming(line.text)) {
      if (t.startsWith('#')) stack = []
      continue
    }
    rec.count()
    if (ended) {
      const m = /^switch\s+vsys\s+(\S+)/i.exec(t)
      if (m) vsys = m[1]
      trailing.push(vsys === undefined ? {line} : {line, vsys})
      continue
    }
    if (TIMESTAMP.test(t)) continue
    if (/^return$/i.test(t) && line.indent === 0) {
      ended = true
      continue
    }
    const node: ConfigNode = {line, words: tokenize(t), children: []}
    while (stack.length > 0 && (stack[stack.length - 1]?.line.indent ?? 0) >= line.indent) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(node)
    else root.push(node)
    stack.push(node)
  }
  return {root, trailing}
}

/** Lower-cased words joined by one space, for phrase matching. */
export function phrase(node: ConfigNode, count?: number): string {
  return (count === undefined ? node.words : node.words.slice(0, count)).join(' ').toLowerCase()
}

export function startsWith(node: ConfigNode, p: string): boolean {
  const words = p.split(' ')
  return words.every((w, i) => node.words[i]?.toLowerCase() === w)
}

/** Every node below `node`, depth first. */
export function descendants(node: ConfigNode): ConfigNode[] {
  const out: ConfigNode[] = []
  for (const c of node.children) out.push(c, ...descendants(c))
  return out
}
