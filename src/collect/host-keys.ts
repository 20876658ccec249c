import {appendFile, mkdir, readFile} from 'node:fs/promises'
import {dirname} from 'node:path'
import {CollectUsageError, DeviceFailure} from './errors.js'
import {
  fingerprint,
  type KnownHostEntry,
  keyTypeOf,
  knownHostName,
  knownHostsLine,
  parseKnownHosts,
} from './known-hosts.js'

// ssh2's default order; a host's known key types move to the front, as OpenSSH does, so a server
// with several host keys shows the one we can check.
const DEFAULT_HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
]
const ALGORITHMS_FOR_KEY_TYPE: Record<string, string[]> = {'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']}

/**
 * Strict host-key checking against an OpenSSH known_hosts file. Unknown keys are refused unless
 * `acceptNew` (then recorded); a changed or revoked key is always refused.
 */
export class HostKeyPolicy {
  private appending: Promise<void> = Promise.resolve()
  /** Entries per host name: hashed entries cost one HMAC each per lookup, so look up once. */
  private readonly byName = new Map<string, KnownHostEntry[]>()
  /** Entries per key: the usual case (key on file) then costs one HMAC, not one per line. */
  private readonly byKey = new Map<string, KnownHostEntry[]>()

  private constructor(
    readonly file: string,
    private readonly entries: KnownHostEntry[],
    private readonly acceptNew: boolean,
  ) {
    for (const entry of entries) this.indexKey(entry)
  }

  private indexKey(entry: KnownHostEntry): void {
    const id = entry.key.toString('base64')
    this.byKey.set(id, [...(this.byKey.get(id) ?? []), entry])
  }

  static async load(file: string, acceptNew: boolean): Promise<HostKeyPolicy> {
    let text = ''
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' || !acceptNew) {
        throw new CollectUsageError(
          code === 'ENOENT' ? `known_hosts file ${file} does not exist` : `cannot read known_hosts file ${file} (${code})`,
          'add the devices\' keys with ssh-keyscan, pass --known-hosts FILE, or use --accept-new on a trusted network',
        )
      }
    }
    return new HostKeyPolicy(file, parseKnownHosts(text), acceptNew)
  }

  /** Host-key algorithms to offer, known types first. */
  algorithmsFor(host: string, port: number): string[] {
    const fileTypes = new Set(this.entries.map((entry) => entry.keyType))
    // One key type in the whole file (the usual case): no need to look the host up.
    const known = (fileTypes.size <= 1 ? this.entries.slice(0, 1) : this.knownFor(knownHostName(host, port)))
      .flatMap((entry) => ALGORITHMS_FOR_KEY_TYPE[entry.keyType] ?? [entry.keyType])
    return [...new Set([...known.filter((a) => DEFAULT_HOST_KEY_ALGORITHMS.includes(a)), ...DEFAULT_HOST_KEY_ALGORITHMS])]
  }

  /** Resolves when the key may be trusted; throws a final DeviceFailure otherwise. */
  async verify(host: string, port: number, key: Buffer): Promise<void> {
    const name = knownHostName(host, port)
    const type = keyTypeOf(key)
    const print = `${type} ${fingerprint(key)}`
    if (this.entries.some((entry) => entry.revoked && entry.key.equals(key))) {
      throw new DeviceFailure('host-key-revoked', `host key of ${name} (${print}) is marked @revoked in ${this.file}`)
    }
    const sameKey = this.byKey.get(key.toString('base64')) ?? []
    if (sameKey.some((entry) => !entry.revoked && entry.matches(name))) return
    const known = this.knownFor(name)
    if (known.length > 0) {
      const lines = known.map((entry) => `${this.file}:${entry.line}`).join(', ')
      throw new DeviceFailure(
        'host-key-changed',
        `HOST KEY CHANGED for ${name}: it presented ${print}, which differs from ${lines} — possible interception`,
        `if the device was really re-keyed, check the new fingerprint out of band, then: ssh-keygen -R '${name}' -f ${this.file}`,
      )
    }
    if (!this.acceptNew) {
      const scan = port === 22 ? `ssh-keyscan -t ${type} ${host}` : `ssh-keyscan -p ${port} -t ${type} ${host}`
      throw new DeviceFailure(
        'host-key-unknown',
        `unknown host key for ${name}: ${print} is not in ${this.file}`,
        `verify the fingerprint on the device's console, then: ${scan} >> ${this.file} (or run once with --accept-new)`,
      )
    }
    await this.record(host, port, key)
  }

  private knownFor(name: string): KnownHostEntry[] {
    let known = this.byName.get(name)
    if (!known) {
      known = this.entries.filter((entry) => !entry.revoked && entry.matches(name))
      this.byName.set(name, known)
    }
    return known
  }

  private record(host: string, port: number, key: Buffer): Promise<void> {
    const entry = parseKnownHosts(knownHostsLine(host, port, key))[0]
    if (entry) {
      this.entries.push(entry)
      this.indexKey(entry)
      this.byName.delete(knownHostName(host, port))
    }
    // Appends are serialized so concurrent first contacts never interleave lines.
    this.appending = this.appending.catch(() => undefined).then(async () => {
      await mkdir(dirname(this.file), {recursive: true, mode: 0o700})
      await appendFile(this.file, knownHostsLine(host, port, key), {mode: 0o600})
    })
    return this.appending
  }
}
