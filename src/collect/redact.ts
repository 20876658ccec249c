/**
 * Scrubs every known secret value out of a message before it reaches a log, the manifest or JSON.
 * Secrets of 4+ characters go wherever they appear; shorter ones only as whole tokens, so a
 * one-letter test password does not blank every `p` of a path.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...new Set(secrets)].sort((a, b) => b.length - a.length)) {
    if (!secret) continue
    if (secret.length >= 4) {
      out = out.split(secret).join('***')
      continue
    }
    const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'g'), '***')
  }
  return out
}
