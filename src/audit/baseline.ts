import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {InputError} from '../errors/input-error.js'
import {displayPath} from '../inventory/yaml-source.js'
import type {Finding} from '../model/index.js'

/** Fingerprints of an earlier JSON report (`--baseline REPORT.json`). */
export async function loadBaseline(file: string): Promise<Set<string>> {
  const shown = displayPath(file)
  const fail = (message: string, hint: string) => new InputError([{file: shown, line: 1, col: 1, message, hint}])
  let text: string
  try {
    text = await readFile(path.resolve(file), 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw fail(code === 'ENOENT' ? `file not found: ${shown}` : `cannot read ${shown} (${code ?? 'error'})`, 'pass a report written with --format json --output FILE')
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw fail(`${shown} is not JSON`, 'a baseline is a report written with --format json')
  }
  const report = data as {schema?: unknown; findings?: unknown}
  if (report?.schema !== 'segaudit/report@1' || !Array.isArray(report.findings)) {
    throw fail(`${shown} is not a segaudit JSON report (schema segaudit/report@1)`, 'a baseline is a report written with --format json')
  }
  return new Set(report.findings.flatMap((f) => (typeof (f as Finding)?.fingerprint === 'string' ? [(f as Finding).fingerprint] : [])))
}

/** Findings already known in the baseline are marked, and no longer decide the exit code. */
export function markBaseline(findings: Finding[], known: Set<string>): void {
  for (const f of findings) if (known.has(f.fingerprint)) f.baseline = true
}
