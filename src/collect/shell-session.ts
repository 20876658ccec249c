import type {Duplex} from 'node:stream'
import {DeviceFailure} from './errors.js'
import {type LearnedPrompt, learnPrompt, pagerAt} from './prompt.js'
import {TerminalScreen} from './terminal.js'

interface Waiter {
  what: string
  /** The command whose echo starts the output; undefined when nothing was sent. */
  echo?: string
  echoSeen: boolean
  lines: string[]
  done(line: string): boolean
  resolve(lines: string[]): void
  reject(error: DeviceFailure): void
}

const ENTER = '\n'

/**
 * One interactive CLI session. Every wait ends on what the device prints — its prompt — never on
 * a fixed sleep; an idle timer (reset by each byte) catches a device that stops talking.
 */
export class ShellSession {
  private readonly screen = new TerminalScreen()
  private waiter: Waiter | undefined
  private idleTimer: NodeJS.Timeout | undefined
  private ended: DeviceFailure | undefined
  private prompt: LearnedPrompt | undefined
  /** Bytes received so far, for error messages and the manifest. */
  received = 0

  constructor(
    private readonly channel: Duplex,
    private readonly idleTimeoutMs: number,
  ) {
    channel.on('data', (data: Buffer) => this.onData(data))
    channel.on('close', () => this.onEnd())
    channel.on('error', () => this.onEnd())
  }

  get hostname(): string | undefined {
    return this.prompt?.hostname
  }

  /** Waits through the login banner for the first prompt and learns the hostname from it. */
  async start(): Promise<string> {
    await this.wait('the first prompt', undefined, (line) => learnPrompt(line) !== undefined)
    const prompt = learnPrompt(this.screen.currentLine())
    if (!prompt) throw new DeviceFailure('prompt', 'the device printed no recognizable prompt')
    this.prompt = prompt
    return prompt.hostname
  }

  /** The current prompt line, e.g. `R1>` (user mode) or `R1#`. */
  promptLine(): string {
    return this.screen.currentLine()
  }

  /** Sends one command and returns its output lines: no echo, no prompt, no pager residue. */
  run(command: string): Promise<string[]> {
    const prompt = this.requirePrompt()
    this.send(command)
    return this.wait(`the output of "${command}"`, command, (line) => prompt.matches(line))
  }

  /** Sends a command that may ask for a password (`enable`); answers it with `secret`. */
  async runWithPassword(command: string, secret: string): Promise<void> {
    const prompt = this.requirePrompt()
    this.send(command)
    const asksPassword = (line: string) => /assword: ?$/.test(line)
    await this.wait(`"${command}"`, command, (line) => asksPassword(line) || prompt.matches(line))
    if (!asksPassword(this.screen.currentLine())) return
    this.screen.takeLines()
    this.screen.cutCurrentLine(0)
    this.channel.write(secret + ENTER)
    await this.wait(`the prompt after "${command}"`, undefined, (line) => prompt.matches(line))
  }

  close(): void {
    this.clearIdle()
    this.channel.destroy()
  }

  private requirePrompt(): LearnedPrompt {
    if (!this.prompt) throw new DeviceFailure('prompt', 'no prompt learned yet')
    return this.prompt
  }

  private send(command: string): void {
    // What the device printed between prompts (a second prompt, a blank line) is not output.
    this.screen.takeLines()
    this.screen.cutCurrentLine(0)
    this.channel.write(command + ENTER)
  }

  private wait(what: string, echo: string | undefined, done: (line: string) => boolean): Promise<string[]> {
    if (this.ended) return Promise.reject(this.ended)
    return new Promise<string[]>((resolve, reject) => {
      this.waiter = {what, echo, echoSeen: echo === undefined, lines: [], done, resolve, reject}
      this.armIdle()
      this.check()
    })
  }

  private onData(data: Buffer): void {
    this.received += data.length
    this.screen.write(data.toString('latin1'))
    if (this.waiter) {
      this.armIdle()
      this.check()
    }
  }

  private check(): void {
    const waiter = this.waiter
    if (!waiter) return
    for (const line of this.screen.takeLines()) {
      if (waiter.echoSeen) waiter.lines.push(line)
      else if (waiter.echo !== undefined && line.trimEnd().endsWith(waiter.echo)) waiter.echoSeen = true
    }
    const current = this.screen.currentLine()
    const pager = pagerAt(current)
    if (pager >= 0) {
      // Paging could not be disabled: take the next page and drop the pager prompt.
      this.screen.cutCurrentLine(pager)
      this.channel.write(' ')
      return
    }
    if (waiter.echoSeen && waiter.done(current)) {
      this.settle()
      waiter.resolve(waiter.lines)
    }
  }

  private onEnd(): void {
    if (this.ended) return
    const waiting = this.waiter ? ` while waiting for ${this.waiter.what}` : ''
    this.ended = new DeviceFailure(
      'disconnected',
      `the device closed the session${waiting} (${this.received} bytes received)`,
    )
    const waiter = this.waiter
    this.settle()
    waiter?.reject(this.ended)
  }

  private settle(): void {
    this.waiter = undefined
    this.clearIdle()
  }

  private armIdle(): void {
    if (this.idleTimer) {
      this.idleTimer.refresh()
      return
    }
    this.idleTimer = setTimeout(() => {
      const waiter = this.waiter
      if (!waiter) return
      this.settle()
      const seconds = Math.round(this.idleTimeoutMs / 100) / 10
      waiter.reject(new DeviceFailure('timeout', `no output for ${seconds}s while waiting for ${waiter.what}`))
    }, this.idleTimeoutMs)
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = undefined
  }
}
