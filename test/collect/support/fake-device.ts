import {timingSafeEqual} from 'node:crypto'
import {createServer, type Server as NetServer} from 'node:net'
import ssh2, {type Connection, type ParsedKey} from 'ssh2'
import {type CliProfile, FakeCli, type Pace} from './fake-cli.js'

const {Server, utils} = ssh2

export interface FakeUser {
  username: string
  password?: string
  /** OpenSSH public key text allowed for publickey auth. */
  publicKey?: string
}

export interface FakeDeviceOptions {
  profile: CliProfile
  pace?: Pace
  users: FakeUser[]
  /** Host key (private, OpenSSH/PEM); a new ed25519 key when absent. */
  hostKey?: string
  /** Offer keyboard-interactive instead of password (like many VRP AAA setups). */
  keyboardInteractiveOnly?: boolean
  /** Real VRP refuses exec requests. */
  refuseExec?: boolean
}

export interface FakeDevice {
  port: number
  /** `ssh-ed25519 AAAA…` of the host key. */
  publicHostKey: string
  /** The line known_hosts needs for this device on 127.0.0.1. */
  knownHostsLine(host?: string): string
  /** Commands received on shells and exec requests, in order. */
  log: string[]
  logins: number
  close(): Promise<void>
}

export function newHostKey(): {privateKey: string; publicKey: string} {
  // ssh2 now and then writes an ed25519 key its own parser rejects; draw again.
  for (;;) {
    const pair = utils.generateKeyPairSync('ed25519')
    if (!(utils.parseKey(pair.private) instanceof Error)) return {privateKey: pair.private, publicKey: pair.public}
  }
}

function publicOf(privateKey: string): string {
  const parsed = utils.parseKey(privateKey) as ParsedKey
  return `${parsed.type} ${parsed.getPublicSSH().toString('base64')}`
}

function checkPassword(expected: string | undefined, given: string): boolean {
  if (expected === undefined) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** An in-process SSH device on 127.0.0.1 (ephemeral port) speaking the profile's CLI. */
export async function startFakeDevice(options: FakeDeviceOptions): Promise<FakeDevice> {
  const hostKey = options.hostKey ?? newHostKey().privateKey
  const log: string[] = []
  const device = {logins: 0}
  const server = new Server({hostKeys: [hostKey]}, (client: Connection) => handleClient(client, options, log, device))
  const tcp: NetServer = createServer((socket) => {
    socket.setNoDelay(true)
    server.injectSocket(socket)
  })
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve))
  const address = tcp.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const publicHostKey = publicOf(hostKey)
  const sockets = new Set<import('node:net').Socket>()
  tcp.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return {
    port,
    publicHostKey,
    knownHostsLine: (host = '127.0.0.1') => `[${host}]:${port} ${publicHostKey}\n`,
    log,
    get logins() {
      return device.logins
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        tcp.close(() => resolve())
      }),
  }
}

function handleClient(client: Connection, options: FakeDeviceOptions, log: string[], device: {logins: number}): void {
  client.on('error', () => undefined)
  client.on('authentication', (ctx) => {
    const user = options.users.find((u) => u.username === ctx.username)
    const methods = options.keyboardInteractiveOnly ? ['keyboard-interactive', 'publickey'] : ['password', 'publickey']
    if (ctx.method === 'password' && !options.keyboardInteractiveOnly && user && checkPassword(user.password, ctx.password)) {
      return ctx.accept()
    }
    if (ctx.method === 'keyboard-interactive' && options.keyboardInteractiveOnly && user) {
      return ctx.prompt([{prompt: 'Password: ', echo: false}], (answers) => {
        if (checkPassword(user.password, answers[0] ?? '')) ctx.accept()
        else ctx.reject(methods as never)
      })
    }
    if (ctx.method === 'publickey' && user?.publicKey) {
      const allowed = utils.parseKey(user.publicKey) as ParsedKey
      if (allowed.getPublicSSH().equals(ctx.key.data)) {
        if (!ctx.signature || !ctx.blob) return ctx.accept()
        if (allowed.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true) return ctx.accept()
      }
    }
    ctx.reject(methods as never)
  })
  client.on('ready', () => {
    device.logins++
    client.on('session', (acceptSession) => {
      const session = acceptSession()
      session.on('pty', (accept) => accept?.())
      session.on('window-change', (accept) => accept?.())
      session.on('env', (accept) => accept?.())
      session.on('shell', (accept) => {
        const stream = accept()
        const cli = new FakeCli(options.profile, options.pace ?? {}, {
          write: (text) => {
            if (stream.writable) stream.write(Buffer.from(text, 'utf8'))
          },
          drop: () => client.end(),
        })
        let typed = ''
        stream.on('data', (data: Buffer) => {
          const text = data.toString('utf8')
          typed += text
          const lines = typed.split(/\r\n|\r|\n/)
          typed = lines.pop() ?? ''
          log.push(...lines)
          cli.input(text)
        })
        stream.on('error', () => undefined)
        cli.start()
      })
      session.on('exec', (accept, reject, info) => {
        if (options.refuseExec) return reject()
        const stream = accept()
        log.push(info.command)
        const output = options.profile.commands[info.command]
        if (output === undefined) {
          stream.stderr.write(options.profile.unknown(info.command))
          stream.exit(127)
        } else {
          stream.write(Buffer.from(output, 'utf8'))
          stream.exit(0)
        }
        stream.end()
      })
    })
  })
}
