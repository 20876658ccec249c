import {createHash, createHmac, timingSafeEqual} from 'node:crypto'

/** One usable line of an OpenSSH known_hosts file. */
export interface KnownHostEntry {
  line: number
  revoked: boolean
  keyType: string
  key: Buffer
  matches(hostName: string): boolean
}

/** The name OpenSSH files a host under: `host` on port 22, `[host]:port` otherwise. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`
}

/** `ssh-ed25519` from a key in SSH wire format (string type, then the key material). */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return 'unknown'
  const length = key.readUInt32BE(0)
  return key.subarray(4, 4 + length).toString('latin1')
}

/** `SHA256:…` as `ssh-keygen -lf` prints it. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${body}$`, 'i')
}

/** `|1|salt|hash` (HashKnownHosts) or a comma list of patterns with `*`, `?` and `!negation`. */
function hostMatcher(field: string): ((hostName: string) => boolean) | undefined {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|')
    if (!salt || !hash) return undefined
    const saltBytes = Buffer.from(salt, 'base64')
    const hashBytes = Buffer.from(hash, 'base64')
    return (hostName) => {
      const computed = createHmac('sha1', saltBytes).update(hostName).digest()
      return computed.length === hashBytes.length && timingSafeEqual(computed, hashBytes)
    }
  }
  const patterns = field.split(',').map((pattern) => ({
    negated: pattern.startsWith('!'),
    re: globToRegExp(pattern.replace(/^!/, '')),
  }))
  return (hostName) => {
    let matched = false
    for (const {negated, re} of patterns) {
      if (!re.test(hostName)) continue
      if (negated) return false
      matched = true
    }
    return matched
  }
}

/** Parses known_hosts text; lines it cannot use (`@cert-authority`, comments, garbage) are skipped. */
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/)
    if (!fields[0] || fields[0].startsWith('#')) return
    const marker = fields[0].startsWith('@') ? fields.shift() : undefined
    if (marker && marker !== '@revoked') return
    const [hosts, keyType, keyText] = fields
    if (!hosts || !keyType || !keyText) return
    const matches = hostMatcher(hosts)
    if (!matches) return
    const key = Buffer.from(keyText, 'base64')
    if (keyTypeOf(key) !== keyType) return
    entries.push({line: index + 1, revoked: marker === '@revoked', keyType, key, matches})
  })
  return entries
}

/** The line `--accept-new` appends, in the format `ssh-keyscan` prints. */
export function knownHostsLine(host: string, port: number, key: Buffer): string {
  return `${knownHostName(host, port)} ${keyTypeOf(key)} ${key.toString('base64')}\n`
}
