import type {Coverage, SourceRef, UnrecognizedLine} from '../../model/index.js'
import {redactLine} from './redact.js'
import type {SourceLine} from './text.js'

/** Counts significant lines and records the ones not understood, redacted. */
export class CoverageRecorder {
  private significant = 0
  private readonly unknown: UnrecognizedLine[] = []

  constructor(readonly file: string) {}

  /** A line that counts (not blank, not a comment, not residue). */
  count(): void {
    this.significant++
  }

  unrecognized(line: SourceLine, reason = 'unrecognized command', context?: string): void {
    const entry: UnrecognizedLine = {file: this.file, line: line.no, text: redactLine(line.text.trim()), reason}
    if (context !== undefined) entry.context = redactLine(context.trim())
    this.unknown.push(entry)
  }

  ref(line: SourceLine): SourceRef {
    return {file: this.file, line: line.no, text: redactLine(line.text.trim())}
  }

  result(): Coverage {
    return {
      file: this.file,
      lines: this.significant,
      recognized: this.significant - this.unknown.length,
      unrecognized: this.unknown,
    }
  }
}
