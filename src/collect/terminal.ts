/**
 * Replays a CLI's output the way a terminal shows it, so the lines we keep are the lines a person
 * would read: CR LF becomes LF, cursor-left (`ESC[nD`, backspace, bare CR) and erase-line
 * (`ESC[K`) are applied, colour and other escape sequences vanish.
 *
 * Text is handled as latin1 (one char per byte) so GBK or UTF-8 bytes pass through unchanged.
 * Pagers erase their prompt by moving left, printing blanks and moving left again; blanks that the
 * cursor then moves back over are marked, and dropped when they end a line, so no residue remains.
 */
// Bytes that are not printed as they are; everything else is written in runs.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g

export class TerminalScreen {
  private committed: string[] = []
  private text = ''
  /** Columns of the current line holding a blank the cursor moved back over (pager erase residue). */
  private eraseBlanks = new Set<number>()
  /** Columns written since the cursor last moved left: blanks there are erase candidates. */
  private freshFrom = 0
  private freshEnd = 0
  private movedSinceWrite = false
  private cursor = 0
  private pendingCR = false
  private escape = ''

  write(chunk: string): void {
    let i = 0
    while (i < chunk.length) {
      if (this.escape) {
        this.feedEscape(chunk.charAt(i++))
        continue
      }
      CONTROL.lastIndex = i
      const end = CONTROL.exec(chunk)?.index ?? chunk.length
      if (end > i) {
        this.settleCR(false)
        this.writeRun(chunk.slice(i, end))
        i = end
        continue
      }
      this.feedControl(chunk.charAt(i++))
    }
  }

  /** Lines completed since the last call. */
  takeLines(): string[] {
    const lines = this.committed
    this.committed = []
    return lines
  }

  /** The line being written, not yet ended by LF (where prompts and pagers appear). */
  currentLine(): string {
    let end = this.text.length
    while (end > 0 && this.eraseBlanks.has(end - 1)) end--
    return this.text.slice(0, end)
  }

  /** Removes `from..end` of the current line (a pager prompt we answered) and puts the cursor there. */
  cutCurrentLine(from: number): void {
    this.text = this.text.slice(0, Math.max(0, from))
    for (const col of this.eraseBlanks) if (col >= this.text.length) this.eraseBlanks.delete(col)
    this.cursor = this.text.length
    this.freshFrom = this.cursor
    this.freshEnd = this.cursor
  }

  private settleCR(lineFeed: boolean): void {
    if (!this.pendingCR) return
    this.pendingCR = false
    if (!lineFeed) this.moveTo(0)
  }

  private feedControl(ch: string): void {
    if (ch === '\r') {
      this.pendingCR = true
      return
    }
    this.settleCR(ch === '\n')
    if (ch === '\n') this.commit()
    else if (ch === '\b') this.moveTo(this.cursor - 1)
    else if (ch === '\x1b') this.escape = ch
  }

  private feedEscape(ch: string): void {
    this.escape += ch
    const seq = this.escape
    if (seq.length === 2) {
      if (ch !== '[' && ch !== ']') this.escape = ''
      return
    }
    if (seq[1] === ']') {
      // Operating-system command (window title): ends with BEL or ESC \.
      if (ch === '\x07' || seq.endsWith('\x1b\\')) this.escape = ''
      return
    }
    const code = ch.charCodeAt(0)
    if (code < 0x40 || code > 0x7e) {
      if (seq.length > 32) this.escape = ''
      return
    }
    this.escape = ''
    this.settleCR(false)
    const n = Number.parseInt(seq.slice(2, -1), 10)
    const count = Number.isNaN(n) ? 1 : n
    if (ch === 'D') this.moveTo(this.cursor - count)
    else if (ch === 'C') this.cursor += count
    else if (ch === 'G') this.moveTo(count - 1)
    else if (ch === 'K' && (Number.isNaN(n) || n === 0)) this.cutCurrentLine(this.cursor)
    else if (ch === 'K' && n === 2) this.cutCurrentLine(0)
  }

  private writeRun(run: string): void {
    if (this.movedSinceWrite) {
      this.freshFrom = this.cursor
      this.freshEnd = this.cursor
      this.movedSinceWrite = false
    }
    if (this.cursor === this.text.length) {
      this.text += run
    } else {
      for (let col = this.text.length; col < this.cursor; col++) this.eraseBlanks.add(col)
      const head = this.text.slice(0, this.cursor).padEnd(this.cursor, ' ')
      this.text = head + run + this.text.slice(this.cursor + run.length)
      for (let col = this.cursor; col < this.cursor + run.length; col++) this.eraseBlanks.delete(col)
    }
    this.cursor += run.length
    this.freshEnd = Math.max(this.freshEnd, this.cursor)
  }

  private moveTo(column: number): void {
    const target = Math.max(0, column)
    const end = Math.min(this.cursor, this.freshEnd, this.text.length)
    for (let col = Math.max(target, this.freshFrom); col < end; col++) {
      if (this.text[col] === ' ') this.eraseBlanks.add(col)
    }
    this.cursor = target
    this.movedSinceWrite = true
  }

  private commit(): void {
    this.committed.push(this.currentLine())
    this.text = ''
    this.eraseBlanks.clear()
    this.cursor = 0
    this.freshFrom = 0
    this.freshEnd = 0
    this.movedSinceWrite = false
  }
}
