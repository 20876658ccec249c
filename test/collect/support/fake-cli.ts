import {setTimeout as sleep} from 'node:timers/promises'

/** How a fake device's CLI looks: prompts, pager, the text of each command. */
export interface CliProfile {
  hostname: string
  banner: string
  /** The prompt in user and privileged mode (`<HUAWEI>` for both on VRP, `R1>` / `R1#` on IOS). */
  prompt: {user: string; privileged: string}
  /** Commands that turn the pager off, with the device's acknowledgement. */
  pagingOff: Record<string, string>
  pager: {prompt: string; erase: string}
  /** Text the CLI prints before each prompt after a command (Junos `{master:0}`). */
  preamble?: string
  /** Command → output, LF line ends: exactly what the stored file must contain. */
  commands: Record<string, string>
  unknown(command: string): string
  /** When set, the login lands in user mode and `enable` asks for this secret. */
  enableSecret?: string
}

/** Timing of the fake: bursts of lines after a delay (device latency), each written in small chunks. */
export interface Pace {
  burstLines?: number
  burstDelayMs?: number
  chunkBytes?: number
  chunkDelayMs?: number
  pageLines?: number
  /** Drop the connection after this many bytes of command output, the first `dropTimes` sessions. */
  dropAfterBytes?: number
  dropTimes?: {left: number}
}

export interface CliOutput {
  write(text: string): void
  /** Cuts the connection (mid-output drop). */
  drop(): void
}

/** A device CLI over a byte stream: echo, prompts, paging with More prompts and erase sequences. */
export class FakeCli {
  private mode: 'user' | 'privileged'
  private paging = true
  private line = ''
  private busy = false
  private queued = ''
  private awaitingSecret = false
  private pageWaiter: (() => void) | undefined
  /** A key typed while the pager prompt was still being printed: a real tty buffers it for the pager. */
  private atPager = false
  private pagerKey = false
  private sent = 0
  private dropped = false
  private lastWasCR = false

  constructor(
    private readonly profile: CliProfile,
    private readonly pace: Pace,
    private readonly out: CliOutput,
  ) {
    this.mode = profile.enableSecret ? 'user' : 'privileged'
  }

  start(): void {
    void this.emit(`${this.profile.banner.replace(/\n/g, '\r\n')}\r\n`, false).then(() => this.writePrompt())
  }

  input(data: string): void {
    if (this.atPager) {
      const resume = this.pageWaiter
      this.pageWaiter = undefined
      if (resume) resume()
      else this.pagerKey = true
      return
    }
    if (this.busy) {
      this.queued += data
      return
    }
    for (let i = 0; i < data.length; i++) {
      const ch = data.charAt(i)
      if (ch === '\n' && this.lastWasCR) {
        this.lastWasCR = false
        continue
      }
      this.lastWasCR = ch === '\r'
      if (ch === '\r' || ch === '\n') {
        const line = this.line
        this.line = ''
        this.queued = data.slice(i + 1)
        void this.execute(line)
        return
      }
      this.line += ch
      if (!this.awaitingSecret) this.out.write(ch)
    }
  }

  private async execute(line: string): Promise<void> {
    this.busy = true
    this.out.write('\r\n')
    if (this.awaitingSecret) {
      this.awaitingSecret = false
      if (line === this.profile.enableSecret) this.mode = 'privileged'
      else await this.emit('% Access denied\r\n', false)
    } else if (line.trim() === 'enable' && this.profile.enableSecret && this.mode === 'user') {
      this.out.write('Password: ')
      this.awaitingSecret = true
      this.busy = false
      return this.drain()
    } else if (line.trim() !== '') {
      await this.emit(this.respond(line.trim()), true)
      if (this.dropped) return
      if (this.profile.preamble) this.out.write(`\r\n${this.profile.preamble}\r\n`)
    }
    this.writePrompt()
    this.busy = false
    this.drain()
  }

  private drain(): void {
    const rest = this.queued
    this.queued = ''
    if (rest) this.input(rest)
  }

  private respond(command: string): string {
    const ack = this.profile.pagingOff[command]
    if (ack !== undefined) {
      this.paging = false
      return ack
    }
    return this.profile.commands[command] ?? this.profile.unknown(command)
  }

  private writePrompt(): void {
    this.out.write(this.mode === 'user' ? this.profile.prompt.user : this.profile.prompt.privileged)
  }

  /** Writes `text` (LF line ends → CRLF) with device latency, chunking, paging and drops. */
  private async emit(text: string, command: boolean): Promise<void> {
    const lines = text.split('\n')
    if (lines.at(-1) === '') lines.pop()
    const burst = this.pace.burstLines ?? 1_000_000
    const pageLines = this.pace.pageLines ?? 24
    let sinceBreak = 0
    for (let start = 0; start < lines.length; start += burst) {
      if (this.pace.burstDelayMs) await sleep(this.pace.burstDelayMs)
      let chunk = ''
      for (const line of lines.slice(start, start + burst)) {
        chunk += `${line}\r\n`
        sinceBreak++
        if (command && this.paging && sinceBreak >= pageLines) {
          sinceBreak = 0
          await this.writeChunked(chunk, command)
          this.atPager = true
          await this.writeChunked(this.profile.pager.prompt, command)
          chunk = ''
          if (this.dropped) return
          if (!this.pagerKey) {
            await new Promise<void>((resolve) => {
              this.pageWaiter = resolve
            })
          }
          this.atPager = false
          this.pagerKey = false
          chunk = this.profile.pager.erase
        }
      }
      await this.writeChunked(chunk, command)
      if (this.dropped) return
    }
  }

  private async writeChunked(text: string, command: boolean): Promise<void> {
    const size = this.pace.chunkBytes ?? text.length
    for (let i = 0; i < text.length && !this.dropped; i += Math.max(1, size)) {
      const piece = text.slice(i, i + Math.max(1, size))
      this.sent += command ? piece.length : 0
      const drop = this.pace.dropAfterBytes
      if (command && drop !== undefined && this.sent > drop && (this.pace.dropTimes?.left ?? 1) > 0) {
        if (this.pace.dropTimes) this.pace.dropTimes.left--
        this.out.write(piece.slice(0, Math.max(0, piece.length - (this.sent - drop))))
        this.dropped = true
        this.out.drop()
        return
      }
      this.out.write(piece)
      if (this.pace.chunkDelayMs && i + size < text.length) await sleep(this.pace.chunkDelayMs)
    }
  }
}
