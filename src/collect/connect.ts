import {connect as tcpConnect, type Socket} from 'node:net'
import ssh2, {type AnyAuthMethod, type AuthenticationType, type Client as SshClient, type ParsedKey} from 'ssh2'
import type {Credential} from './credentials.js'
import {DeviceFailure, isDeviceFailure} from './errors.js'
import type {HostKeyPolicy} from './host-keys.js'

const {Client, utils} = ssh2

export interface SshTarget {
  host: string
  port: number
}

export interface ConnectOptions {
  credential: Credential
  hostKeys: HostKeyPolicy
  /** TCP connect + key exchange + authentication. */
  timeoutMs: number
  /** Private keys parsed once per run (decrypting is slow and the passphrase must not travel). */
  loadKey(file: string, passphrase: string | undefined): ParsedKey
}

/** TCP with Nagle off (else every prompt round trip stalls ~40–200 ms), within the time limit. */
function openSocket(target: SshTarget, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({host: target.host, port: target.port})
    socket.setNoDelay(true)
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new DeviceFailure('connect', `TCP connect to ${target.host}:${target.port} timed out`))
    }, timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.removeAllListeners('error')
      resolve(socket)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(new DeviceFailure('connect', `cannot connect to ${target.host}:${target.port} (${error.code ?? error.message})`))
    })
  })
}

/** Methods in the order OpenSSH tries them: key file, agent, password, keyboard-interactive. */
function authMethods(credential: Credential, options: ConnectOptions): AnyAuthMethod[] {
  const {username} = credential
  const methods: AnyAuthMethod[] = []
  if (credential.keyFile) {
    methods.push({type: 'publickey', username, key: options.loadKey(credential.keyFile, credential.passphrase)})
  }
  if (credential.agent) methods.push({type: 'agent', username, agent: credential.agent})
  const password = credential.password
  if (password !== undefined) {
    methods.push({type: 'password', username, password})
    methods.push({
      type: 'keyboard-interactive',
      username,
      prompt: (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => password)),
    })
  }
  return methods
}

const WIRE_TYPE: Record<string, AuthenticationType> = {agent: 'publickey'}

/** An authenticated SSH connection whose host key passed the policy. */
export async function connectSsh(target: SshTarget, options: ConnectOptions): Promise<SshClient> {
  const started = Date.now()
  const methods = authMethods(options.credential, options)
  if (methods.length === 0) {
    throw new DeviceFailure(
      'credentials',
      `no credentials for user ${options.credential.username}`,
      'set SEGAUDIT_SSH_PASSWORD or SEGAUDIT_SSH_KEY, start ssh-agent, or pass --credentials FILE',
    )
  }
  const socket = await openSocket(target, options.timeoutMs)
  const client = new Client()
  let hostKeyVerdict: DeviceFailure | undefined
  let next = 0
  const tried: string[] = []
  return new Promise<SshClient>((resolve, reject) => {
    const fail = (failure: DeviceFailure) => {
      client.removeAllListeners('ready')
      client.end()
      socket.destroy()
      reject(failure)
    }
    client.once('ready', () => {
      client.removeAllListeners('error')
      client.removeAllListeners('close')
      client.on('error', () => undefined) // later errors surface through the channel's close
      resolve(client)
    })
    client.on('error', (error: Error & {level?: string}) => {
      if (hostKeyVerdict) return fail(hostKeyVerdict)
      if (error.level === 'client-authentication') {
        return fail(
          new DeviceFailure(
            'auth',
            `authentication failed for user ${options.credential.username} (tried ${tried.join(', ') || 'nothing the server accepts'})`,
            'check the credentials for this device (credentials file entry or SEGAUDIT_SSH_* variables)',
          ),
        )
      }
      if (/timed out/i.test(error.message)) {
        return fail(new DeviceFailure('timeout', `SSH handshake with ${target.host}:${target.port} timed out`))
      }
      fail(new DeviceFailure('protocol', `SSH error with ${target.host}:${target.port}: ${error.message}`))
    })
    client.once('close', () => fail(new DeviceFailure('disconnected', `${target.host}:${target.port} closed the connection during login`)))
    client.connect({
      sock: socket,
      username: options.credential.username,
      readyTimeout: Math.max(1000, options.timeoutMs - (Date.now() - started)),
      algorithms: {serverHostKey: options.hostKeys.algorithmsFor(target.host, target.port) as never},
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        options.hostKeys.verify(target.host, target.port, key).then(
          () => verify(true),
          (error: unknown) => {
            hostKeyVerdict = isDeviceFailure(error)
              ? error
              : new DeviceFailure('protocol', `cannot record the host key: ${(error as Error).message}`)
            verify(false)
          },
        )
      },
      authHandler: (methodsLeft, _partial, callback) => {
        while (next < methods.length) {
          const method = methods[next++] as AnyAuthMethod
          const wire = WIRE_TYPE[method.type] ?? method.type
          if (methodsLeft && !methodsLeft.includes(wire)) continue
          tried.push(method.type)
          return callback(method)
        }
        return (callback as unknown as (next: false) => void)(false)
      },
    })
  })
}

/** Parses a private key file; a wrong or missing passphrase is a credentials failure, not a crash. */
export function parsePrivateKey(file: string, text: Buffer, passphrase: string | undefined): ParsedKey {
  const parsed = utils.parseKey(text, passphrase)
  if (parsed instanceof Error) {
    throw new DeviceFailure('credentials', `cannot use key file ${file}: ${parsed.message}`, 'check SEGAUDIT_SSH_KEY_PASSPHRASE or the key file')
  }
  const key = Array.isArray(parsed) ? parsed[0] : parsed
  if (!key) throw new DeviceFailure('credentials', `key file ${file} holds no key`)
  return key
}
