/** Where a fact came from: a config line or an inventory node. Lines and columns are 1-based. */
export interface SourceRef {
  file: string
  line: number
  col?: number
  /** The source line, already redacted of secrets (see vendors/common/redact). */
  text?: string
}

/** A line a parser could not (or chose not to) turn into model facts. Basis of `input-coverage`. */
export interface UnrecognizedLine {
  file: string
  line: number
  text: string
  /** Enclosing block header, e.g. `interface GigabitEthernet0/0/1`. */
  context?: string
  /** Why it is reported: unknown command, unsupported option, bad value… */
  reason?: string
}

export interface Coverage {
  file: string
  /** Significant lines: not blank, not a comment, not prompt or pager residue. */
  lines: number
  /** Lines turned into model facts or known to be irrelevant to every control. */
  recognized: number
  unrecognized: UnrecognizedLine[]
}
