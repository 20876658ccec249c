/** One problem in a user's input file, pointing at the offending node. Lines and columns are 1-based. */
export interface Diagnostic {
  file: string
  line: number
  col: number
  message: string
  /** One line telling the user how to fix it. */
  hint?: string
}

/** `file:line:col: error: message` and, when there is one, `  hint: …` on the next line. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.col}: error: ${d.message}`
  return d.hint ? `${head}\n  hint: ${d.hint}` : head
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col
}

/**
 * Bad user input (YAML, schema, references, missing files): the CLI prints every diagnostic and
 * exits 2. Carries no stack-worthy information; messages never echo secret values.
 */
export class InputError extends Error {
  override readonly name = 'InputError'
  readonly diagnostics: Diagnostic[]

  constructor(diagnostics: Diagnostic[]) {
    const unique = [...new Map(diagnostics.map((d) => [formatDiagnostic(d), d])).values()].sort(byPosition)
    const first = unique[0]
    const more = unique.length > 1 ? ` (and ${unique.length - 1} more)` : ''
    super(first ? `${first.file}:${first.line}:${first.col}: ${first.message}${more}` : 'invalid input')
    this.diagnostics = unique
  }

  /** Every diagnostic, formatted, one after another. */
  format(): string {
    return this.diagnostics.map(formatDiagnostic).join('\n')
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError
}
