import type {Finding} from '../model/index.js'

/** Findings the change adds and removes, matched by fingerprint (stable under line moves). */
export function compareFindings(before: Finding[], after: Finding[]): {added: Finding[]; removed: Finding[]; unchanged: number} {
  const was = new Set(before.map((f) => f.fingerprint))
  const is = new Set(after.map((f) => f.fingerprint))
  return {
    added: after.filter((f) => !was.has(f.fingerprint)),
    removed: before.filter((f) => !is.has(f.fingerprint)),
    unchanged: after.filter((f) => was.has(f.fingerprint)).length,
  }
}
