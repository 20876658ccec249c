import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {expect} from 'vitest'
import {type Diagnostic, InputError} from '../../src/errors/input-error.js'

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/inventory')

/** The diagnostics of a load that must fail with an InputError. */
export async function diagnosticsOf(load: Promise<unknown>): Promise<Diagnostic[]> {
  const error = await load.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InputError)
  return (error as InputError).diagnostics
}

/** `[line, col, message]` triples, for asserting positions compactly. */
export function positions(diagnostics: Diagnostic[]): [number, number, string][] {
  return diagnostics.map((d) => [d.line, d.col, d.message])
}

/** A YAML file in a fresh temp folder (with optional sibling files). */
export async function tempFile(name: string, text: string, siblings: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'segaudit-inv-'))
  for (const [file, content] of Object.entries(siblings)) await writeFile(path.join(dir, file), content)
  const file = path.join(dir, name)
  await writeFile(file, text)
  return file
}
