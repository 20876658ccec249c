import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {InputError} from '../../src/errors/input-error.js'
import {loadInventory} from '../../src/inventory/load.js'
import {loadPolicy} from '../../src/policy/load.js'
import {FIXTURES} from './helpers.js'

/** Edits that break YAML in the ways people do: cut, paste, stray characters, flipped bytes. */
type Mutation = {kind: 'delete' | 'insert' | 'flip'; at: number; length: number; text: string; bit: number}

const snippet = fc.oneof(
  fc.constantFrom(':', ': ', '- ', '[', ']', '{', '}', ',', '"', "'", '\t', '\n', '  ', '#', '&a ', '*a', '!!str ', '? ', '|', '>', '%', '@', '\u00a0', 'zonez: 1\n', 'version: 2\n', '10.1.2.77/24', '999', 'null', '~', '<<: *a\n'),
  fc.string({maxLength: 6}),
)
const mutation = fc.record({
  kind: fc.constantFrom('delete' as const, 'insert' as const, 'flip' as const),
  at: fc.nat(),
  length: fc.integer({min: 1, max: 40}),
  text: snippet,
  bit: fc.integer({min: 0, max: 7}),
})

function mutate(original: Buffer, mutations: Mutation[]): Buffer {
  let bytes = Buffer.from(original)
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length
    if (m.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)])
    else if (m.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)])
    else if (bytes.length > 0) bytes[at] = (bytes[at] ?? 0) ^ (1 << m.bit)
  }
  return bytes
}

/** Runs `load` on mutated copies; the only acceptable failure is an InputError with usable positions. */
async function fuzz(original: Buffer, dir: string, load: (file: string) => Promise<unknown>): Promise<void> {
  let n = 0
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, {minLength: 1, maxLength: 4}), async (mutations) => {
      const file = path.join(dir, `case-${n++}.yaml`)
      await writeFile(file, mutate(original, mutations))
      try {
        await load(file)
      } catch (error) {
        if (!(error instanceof InputError)) throw error
        expect(error.diagnostics.length).toBeGreaterThan(0)
        for (const d of error.diagnostics) {
          expect(d.file).toBeTruthy()
          expect(Number.isInteger(d.line) && d.line >= 1).toBe(true)
          expect(Number.isInteger(d.col) && d.col >= 1).toBe(true)
          expect(d.message.length).toBeGreaterThan(0)
          expect(d.message).not.toContain('\n')
        }
      }
    }),
    {numRuns: 250},
  )
}

describe('loaders on mutated YAML', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'segaudit-fuzz-'))
  })

  it('loadInventory throws nothing but InputError, with positions', async () => {
    await fuzz(await readFile(path.join(FIXTURES, 'full/inventory.yaml')), dir, (file) => loadInventory(file))
  })

  it('loadPolicy throws nothing but InputError, with positions', async () => {
    await fuzz(await readFile(path.join(FIXTURES, '../policy/valid.yaml')), dir, (file) => loadPolicy(file))
  })
})
