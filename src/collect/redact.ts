/** Scrubs every known secret value out of a message before it reaches a log, the manifest or JSON. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret) out = out.split(secret).join('***')
  }
  return out
}
