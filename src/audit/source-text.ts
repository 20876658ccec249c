import {readFileSync} from 'node:fs'
import path from 'node:path'

/** Source lines of inventory files, read once, so every evidence entry shows its text. */
export class SourceText {
  private readonly files = new Map<string, string[]>()

  line(file: string, line: number): string {
    let lines = this.files.get(file)
    if (!lines) {
      try {
        lines = readFileSync(path.resolve(file), 'utf8').split(/\r?\n/)
      } catch {
        lines = []
      }
      this.files.set(file, lines)
    }
    return (lines[line - 1] ?? '').trim()
  }
}
