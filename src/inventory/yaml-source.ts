import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLError} from 'yaml'
import {type Diagnostic, InputError} from '../errors/input-error.js'
import type {SourceRef} from '../model/index.js'

export type NodePath = (string | number)[]

/** A parsed YAML file that can point any node back to file:line:col. */
export interface YamlSource {
  /** Path as shown in diagnostics. */
  file: string
  doc: Document.Parsed
  /** Syntax errors (the document is not trusted when there are any). */
  syntax: Diagnostic[]
  /** Position of the node at `path`, else of its nearest existing ancestor. */
  locate(path: NodePath): SourceRef & {col: number}
  /** Position of the key of the last path segment (for unknown or duplicate keys), else locate(path). */
  locateKey(path: NodePath): SourceRef & {col: number}
  diagnostic(at: SourceRef & {col: number}, message: string, hint?: string): Diagnostic
}

const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'a key may appear once per mapping: remove or merge the repeated one',
  BAD_INDENT: 'check the indentation of this line against its siblings',
  MISSING_CHAR: 'a bracket or quote is not closed',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; is a ":" or an indent missing above?',
  BLOCK_AS_IMPLICIT_KEY: 'quote values that contain ": "',
  UNEXPECTED_TOKEN: 'check for a stray character or a missing quote',
}

/** Display path: as given when relative, relative to cwd when the file lies below it. */
export function displayPath(given: string): string {
  if (!path.isAbsolute(given)) return path.normalize(given)
  const rel = path.relative(process.cwd(), given)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : given
}

function readError(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code
  const message =
    code === 'ENOENT' ? `file not found: ${file}` : code === 'EISDIR' ? `${file} is a directory, not a YAML file` : code === 'EACCES' ? `permission denied: ${file}` : `cannot read ${file} (${code ?? 'error'})`
  return new InputError([{file, line: 1, col: 1, message, hint: code === 'ENOENT' ? 'check the path; it is relative to the current folder' : undefined}])
}

function oneLine(text: string): string {
  const first = text.split('\n')[0] ?? ''
  return first.length > 160 ? `${first.slice(0, 157)}…` : first
}

export async function readYamlSource(absPath: string, file: string): Promise<YamlSource> {
  let text: string
  try {
    text = await readFile(absPath, 'utf8')
  } catch (error) {
    throw readError(file, error)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter, keepSourceTokens: true, prettyErrors: false, uniqueKeys: true})

  const position = (offset: number): SourceRef & {col: number} => {
    const {line, col} = lineCounter.linePos(Math.max(0, offset))
    return {file, line: Math.max(1, line), col: Math.max(1, col)}
  }
  const start = (node: unknown): number | undefined => {
    const range = (node as Node | null)?.range
    return range && range[1] > range[0] ? range[0] : undefined
  }

  /** Offsets of the value and of the key for each existing segment of `path`. */
  const walk = (nodePath: NodePath): {value?: number; key?: number} => {
    let node: unknown = doc.contents
    let value = start(node) ?? 0
    let key: number | undefined
    for (const segment of nodePath) {
      if (isAlias(node)) node = node.resolve(doc)
      key = undefined
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))
        if (!pair) break
        key = start(pair.key)
        node = pair.value
        value = start(pair.value) ?? key ?? value
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment]
        const at = start(node)
        if (at === undefined) break
        value = at
      } else break
    }
    return {value, key}
  }

  const source: YamlSource = {
    file,
    doc,
    syntax: [],
    locate: (nodePath) => position(walk(nodePath).value ?? 0),
    locateKey: (nodePath) => {
      const found = walk(nodePath)
      return position(found.key ?? found.value ?? 0)
    },
    diagnostic: (at, message, hint) => ({file, line: at.line, col: at.col ?? 1, message, ...(hint ? {hint} : {})}),
  }
  source.syntax = doc.errors.map((e: YAMLError) =>
    source.diagnostic(position(e.pos[0]), `YAML syntax: ${oneLine(e.message)}`, SYNTAX_HINTS[e.code]),
  )
  return source
}

/** The document as plain data, or a diagnostic when it cannot be built (alias bombs and the like). */
export function documentData(source: YamlSource): {data: unknown} | {error: Diagnostic} {
  try {
    return {data: source.doc.toJS({maxAliasCount: 100})}
  } catch (error) {
    const message = error instanceof Error ? oneLine(error.message) : 'unreadable document'
    return {error: source.diagnostic(source.locate([]), `YAML: ${message}`, 'avoid deeply nested aliases (*name)')}
  }
}
