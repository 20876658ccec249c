import type {SourceLine} from '../common/text.js'

/** One configuration statement as `display set` would print it: the full path of words. */
export interface Statement {
  words: string[]
  line: SourceLine
  /** Under `inactive:` or `deactivate`d: present in the text, not in effect. */
  inactive: boolean
  /** A block header (`interfaces {`): its meaning is in its children, reported one by one. */
  container?: boolean
}

export interface StatementParse {
  statements: Statement[]
  /** Lines that carry configuration (not blank, comment or closing brace). */
  significant: SourceLine[]
}

interface Token {
  text: string
  line: SourceLine
  quoted: boolean
}

/** Words, quoted strings, braces, brackets and `;`; comments (`/* *\/`, `#`) dropped. */
function tokenize(lines: SourceLine[]): Token[] {
  const out: Token[] = []
  let inComment = false
  for (const line of lines) {
    const t = line.text
    let i = 0
    while (i < t.length) {
      if (inComment) {
        const end = t.indexOf('*/', i)
        if (end < 0) break
        inComment = false
        i = end + 2
        continue
      }
      const ch = t[i] as string
      if (/\s/.test(ch)) i++
      else if (ch === '#') break
      else if (t.startsWith('/*', i)) {
        inComment = true
        i += 2
      } else if ('{};[]'.includes(ch)) {
        out.push({text: ch, line, quoted: false})
        i++
      } else if (ch === '"') {
        let j = i + 1
        let s = ''
        while (j < t.length && t[j] !== '"') s += t[j] === '\\' ? (t[++j] ?? '') : t[j++]
        if (t[j] === '"') j++
        out.push({text: s, line, quoted: true})
        i = j
      } else {
        const m = /^[^\s{};[\]"]+/.exec(t.slice(i))
        const word = m ? m[0] : ch
        out.push({text: word, line, quoted: false})
        i += word.length
      }
    }
  }
  return out
}

const PREFIXES = new Set(['inactive:', 'protect:', 'replace:', 'active:', 'unprotect:'])

/** Hierarchical (`{ }`) configuration → statements. */
function fromHierarchy(tokens: Token[]): Statement[] {
  const out: Statement[] = []
  const stack: {words: string[]; inactive: boolean}[] = [{words: [], inactive: false}]
  let words: string[] = []
  let first: SourceLine | undefined
  let inactive = false
  let list: string[] | undefined
  // Set once a `[ … ]` list has emitted the statement, so its `;` does not emit it again.
  let emitted = false
  const emit = (line: SourceLine, values: string[], container = false): void => {
    const top = stack[stack.length - 1] as {words: string[]; inactive: boolean}
    const base = [...top.words, ...words]
    const off = top.inactive || inactive
    if (values.length === 0) out.push(container ? {words: base, line, inactive: off, container} : {words: base, line, inactive: off})
    for (const v of values) out.push({words: [...base, v], line, inactive: off})
  }
  for (const tok of tokens) {
    if (list) {
      if (tok.text === ']' && !tok.quoted) {
        emit(first ?? tok.line, list)
        list = undefined
        emitted = true
      } else list.push(tok.text)
      continue
    }
    if (!tok.quoted && tok.text === '[') {
      list = []
      continue
    }
    if (!tok.quoted && tok.text === ';') {
      if (!emitted && words.length > 0) emit(first ?? tok.line, [])
      emitted = false
      words = []
      first = undefined
      inactive = false
      continue
    }
    if (!tok.quoted && tok.text === '{') {
      const top = stack[stack.length - 1] as {words: string[]; inactive: boolean}
      emit(first ?? tok.line, [], true)
      stack.push({words: [...top.words, ...words], inactive: top.inactive || inactive})
      emitted = false
      words = []
      first = undefined
      inactive = false
      continue
    }
    if (!tok.quoted && tok.text === '}') {
      if (stack.length > 1) stack.pop()
      emitted = false
      words = []
      first = undefined
      inactive = false
      continue
    }
    if (words.length === 0 && !tok.quoted && PREFIXES.has(tok.text)) {
      if (tok.text === 'inactive:') inactive = true
      first ??= tok.line
      continue
    }
    first ??= tok.line
    words.push(tok.text)
  }
  // A statement cut off at the end of the file still counts.
  if (words.length > 0 && !emitted && first) emit(first, [])
  return out
}

/** `display set` lines → statements; `deactivate` marks whole subtrees inactive. */
function fromSetLines(lines: SourceLine[]): {statements: Statement[]; other: SourceLine[]} {
  const statements: Statement[] = []
  const other: SourceLine[] = []
  const deactivated: string[][] = []
  for (const line of lines) {
    const toks = tokenize([line])
    const verb = toks[0]?.text
    if (verb === 'set' || verb === 'deactivate') {
      const words: string[] = []
      let list: string[] | undefined
      for (const t of toks.slice(1)) {
        if (!t.quoted && t.text === '[') list = []
        else if (!t.quoted && t.text === ']') continue
        else if (list) list.push(t.text)
        else words.push(t.text)
      }
      if (verb === 'deactivate') deactivated.push(words)
      else if (list && list.length > 0) for (const v of list) statements.push({words: [...words, v], line, inactive: false})
      else statements.push({words, line, inactive: false})
    } else if (toks.length > 0) other.push(line)
  }
  for (const s of statements) if (deactivated.some((d) => d.every((w, i) => s.words[i] === w))) s.inactive = true
  return {statements, other}
}

/** Either form (or a mix: a `display set` file with a hierarchical preamble is not expected). */
export function parseStatements(lines: SourceLine[]): StatementParse & {stray: SourceLine[]} {
  const setLines = lines.filter((l) => /^\s*(set|deactivate)\s/.test(l.text))
  const tokens = tokenize(lines)
  const significantSet = new Set(tokens.filter((t) => t.quoted || !'{}'.includes(t.text)).map((t) => t.line))
  const significant = lines.filter((l) => significantSet.has(l))
  if (setLines.length > 0 && setLines.length * 2 >= significant.length) {
    const {statements, other} = fromSetLines(lines)
    return {statements, significant, stray: other.filter((l) => significantSet.has(l))}
  }
  return {statements: fromHierarchy(tokens), significant, stray: []}
}
