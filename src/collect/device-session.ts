import type {Client as SshClient, ClientChannel} from 'ssh2'
import type {Dialect, DialectCommands} from './dialect.js'
import {DeviceFailure} from './errors.js'
import {ShellSession} from './shell-session.js'

export type FileRole = keyof DialectCommands

/** One stored command: its output bytes, or why the device would not give it. */
export interface CommandCapture {
  role: FileRole
  command: string
  output?: Buffer
  error?: string
}

export interface DeviceCapture {
  /** Learned from the prompt (shell dialects). */
  hostname?: string
  captures: CommandCapture[]
}

export interface SessionOptions {
  /** Longest silence while a command runs. */
  idleTimeoutMs: number
  username: string
  enableSecret?: string
}

const ROLES: FileRole[] = ['config', 'neighbors', 'version']

/** The device's output as stored: LF line ends, one LF after the last line, bytes as received. */
function fileBytes(lines: string[]): Buffer {
  return Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'latin1')
}

function rejection(dialect: Dialect, lines: string[]): string | undefined {
  const head = lines.filter((line) => line.trim() !== '').slice(0, 3)
  return head.some((line) => dialect.rejected.test(line)) ? head.map((l) => l.trim()).join(' ') : undefined
}

function withoutPromptPreamble(dialect: Dialect, lines: string[]): string[] {
  const preamble = dialect.promptPreamble
  if (!preamble) return lines
  let end = lines.length
  while (end > 0 && preamble.test(lines[end - 1] ?? '')) end--
  // The blank line the CLI prints before the preamble belongs to the prompt too.
  if (end < lines.length && end > 0 && lines[end - 1] === '') end--
  return lines.slice(0, end)
}

function commandFor(dialect: Dialect, role: FileRole, username: string): string | undefined {
  const unprivileged = username === 'root' ? undefined : dialect.unprivileged?.[role]
  return unprivileged ?? dialect.commands[role]
}

function openShell(client: SshClient): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    // A wide terminal so long configuration lines never wrap.
    client.shell({term: 'vt100', cols: 511, rows: 24, width: 0, height: 0}, (error, channel) => {
      if (error) reject(new DeviceFailure('protocol', `the device refused an interactive shell: ${error.message}`))
      else resolve(channel)
    })
  })
}

/** Paging off, then every command of the dialect, over one interactive shell. */
export async function captureOverShell(client: SshClient, dialect: Dialect, options: SessionOptions): Promise<DeviceCapture> {
  const session = new ShellSession(await openShell(client), options.idleTimeoutMs)
  try {
    const hostname = await session.start()
    if (dialect.enable?.userModePrompt.test(session.promptLine())) {
      if (!options.enableSecret) {
        throw new DeviceFailure('auth', 'the login lands in user mode', 'add an enable secret for this device to the credentials file')
      }
      await session.runWithPassword(dialect.enable.command, options.enableSecret)
      if (dialect.enable.userModePrompt.test(session.promptLine())) {
        throw new DeviceFailure('auth', `"${dialect.enable.command}" was refused`, 'check the enable secret for this device')
      }
    }
    for (const command of dialect.pagingOff) {
      if (!rejection(dialect, await session.run(command))) break
    }
    const captures: CommandCapture[] = []
    for (const role of ROLES) {
      const command = commandFor(dialect, role, options.username)
      if (!command) continue
      const lines = withoutPromptPreamble(dialect, await session.run(command))
      const refused = rejection(dialect, lines)
      if (refused && role === 'config') throw new DeviceFailure('command-rejected', `"${command}" was rejected: ${refused}`)
      captures.push(refused ? {role, command, error: refused} : {role, command, output: fileBytes(lines)})
    }
    return {hostname, captures}
  } finally {
    session.close()
  }
}

function execOnce(client: SshClient, command: string, idleTimeoutMs: number): Promise<{stdout: Buffer; stderr: string; code: number}> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) {
        reject(new DeviceFailure('exec-refused', `the device refused to run "${command}": ${error.message}`))
        return
      }
      const stdout: Buffer[] = []
      const stderr: Buffer[] = []
      let code = -1
      const timer = setTimeout(() => {
        channel.destroy()
        reject(new DeviceFailure('timeout', `no output for ${idleTimeoutMs / 1000}s from "${command}"`))
      }, idleTimeoutMs)
      channel.on('data', (data: Buffer) => {
        timer.refresh()
        stdout.push(data)
      })
      channel.stderr.on('data', (data: Buffer) => stderr.push(data))
      channel.on('exit', (exitCode: number | null) => {
        code = exitCode ?? -1
      })
      channel.on('close', () => {
        clearTimeout(timer)
        resolve({stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8'), code})
      })
    })
  })
}

/** One exec request per command (Linux): stdout is the output; a non-zero exit is a refusal. */
export async function captureOverExec(client: SshClient, dialect: Dialect, options: SessionOptions): Promise<DeviceCapture> {
  const captures: CommandCapture[] = []
  for (const role of ROLES) {
    const command = commandFor(dialect, role, options.username)
    if (!command) continue
    const {stdout, stderr, code} = await execOnce(client, command, options.idleTimeoutMs)
    if (code === 0) {
      captures.push({role, command, output: Buffer.from(stdout.toString('latin1').replace(/\r\n/g, '\n'), 'latin1')})
      continue
    }
    const why = `exit status ${code}${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''}`
    if (role === 'config') throw new DeviceFailure('command-rejected', `"${command}" failed with ${why}`)
    captures.push({role, command, error: why})
  }
  return {captures}
}

/** The benchmark floor: login, first prompt, one empty command. */
export async function probeOverShell(client: SshClient, idleTimeoutMs: number): Promise<void> {
  const session = new ShellSession(await openShell(client), idleTimeoutMs)
  try {
    await session.start()
    await session.run('')
  } finally {
    session.close()
  }
}
