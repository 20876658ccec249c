import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {snapshotInventory} from '../../src/diff/snapshot.js'
import {InputError} from '../../src/errors/input-error.js'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, {recursive: true, force: true})
})

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'segaudit-snap-'))
  dirs.push(d)
  return d
}

describe('snapshotInventory', () => {
  it('a file is the inventory; a folder means its inventory.yaml', async () => {
    const d = await tempDir()
    const inv = path.join(d, 'inventory.yaml')
    await writeFile(inv, 'version: 1\n')
    expect(await snapshotInventory(inv)).toBe(inv)
    expect(await snapshotInventory(d)).toBe(inv)
  })

  it('a missing path or a folder without inventory.yaml is an input error with a hint', async () => {
    const d = await tempDir()
    for (const [arg, message] of [
      [path.join(d, 'nope'), 'no such file or folder'],
      [d, 'folder holds no inventory.yaml'],
    ] as const) {
      const err = await snapshotInventory(arg).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(InputError)
      const diag = (err as InputError).diagnostics[0]
      expect(diag?.message).toBe(message)
      expect(diag?.hint).toContain('inventory file or a folder holding inventory.yaml')
    }
  })
})
