/**
 * Secret scrubbing for any config text that may reach a report, a log or an error message.
 * Over-redaction is acceptable; a leak is not.
 */
const SECRET_KEYWORDS = new Set([
  'password',
  'passwd',
  'secret',
  'cipher',
  'irreversible-cipher',
  'simple',
  'community',
  'key-string',
  'pre-shared-key',
  'authentication-key',
  'key',
  'passphrase',
  'hash',
  'md5',
  'sha',
  'sha256',
  'sha512',
  'auth-password',
  'priv-password',
  'encrypted-password',
  'authentication-password',
  'privacy-password',
  'shared-secret',
])
// Tokens after a secret keyword that describe the secret rather than being it.
const MODIFIERS = new Set([
  'cipher',
  'simple',
  'irreversible-cipher',
  'plain',
  'hidden',
  'encrypted',
  'read',
  'write',
  'ro',
  'rw',
  'level',
  'privilege',
  'mib-view',
  'acl',
  'alias',
  'view',
  '0',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
])

export const REDACTED = '<redacted>'

/** Replace every token that may be a secret with `<redacted>`. Keeps indentation and keywords. */
export function redactLine(line: string): string {
  if (/-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)/.test(line)) return line.replace(/\S.*$/, REDACTED)
  // Long hex/base64 runs are key material (rsa key blocks, certificates).
  if (/^\s*(?:[0-9A-Fa-f]{8}\s+){3,}[0-9A-Fa-f]{1,8}\s*$/.test(line)) return line.replace(/\S.*$/, REDACTED)
  if (/^\s*[A-Za-z0-9+/]{40,}={0,2}\s*$/.test(line)) return line.replace(/\S.*$/, REDACTED)
  const parts = line.split(/(\s+)/)
  let armed = false
  // Every keyword arms again: one line can carry several secrets (SNMPv3 auth + privacy keys).
  for (let i = 0; i < parts.length; i++) {
    const tok = parts[i]
    if (tok === undefined || tok === '' || /^\s+$/.test(tok)) continue
    const low = tok.toLowerCase().replace(/^"|"$/g, '')
    if (SECRET_KEYWORDS.has(low)) {
      armed = true
      continue
    }
    if (armed) {
      if (MODIFIERS.has(low)) continue
      parts[i] = REDACTED
      armed = false
    }
  }
  let out = parts.join('')
  // Cipher-text markers used by VRP/Comware even without a keyword in front.
  out = out.replace(/%\^%#\S*%\^%#|%\$%\$\S*%\$%\$|%@%@\S*%@%@|\$[0-9a-z]{1,2}\$\S+/gi, REDACTED)
  return out
}

/** Scrub a whole multi-line message. */
export function redactText(text: string): string {
  return text
    .split('\n')
    .map((l) => redactLine(l))
    .join('\n')
}
