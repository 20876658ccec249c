import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {runAudit} from '../../src/audit/run.js'
import {isInputError} from '../../src/errors/input-error.js'
import {ROOT} from '../e2e/cli.js'

const SAMPLE = path.join(ROOT, 'inventories/sample-city-violations')
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, {recursive: true, force: true})
})

type Edit = {file: number; op: 'delete' | 'duplicate' | 'swap' | 'truncate' | 'garbage'; at: number; junk: string}

function mutate(lines: string[], e: Edit): string[] {
  const out = [...lines]
  const i = out.length ? e.at % out.length : 0
  switch (e.op) {
    case 'delete':
      out.splice(i, 1)
      break
    case 'duplicate':
      out.splice(i, 0, out[i] ?? '')
      break
    case 'swap':
      if (out.length > 1) [out[i], out[(i + 1) % out.length]] = [out[(i + 1) % out.length] ?? '', out[i] ?? '']
      break
    case 'truncate':
      out[i] = (out[i] ?? '').slice(0, Math.floor((out[i] ?? '').length / 2))
      break
    case 'garbage':
      out.splice(i, 0, e.junk)
      break
  }
  return out
}

describe('the whole audit on mutated input', () => {
  it('either reports or raises an InputError: no crash, no other exception', async () => {
    const files = readdirSync(path.join(SAMPLE, 'configs')).map((f) => `configs/${f}`)
    files.push('inventory.yaml')
    const edit = fc.record({
      file: fc.nat(files.length - 1),
      op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const, 'truncate' as const, 'garbage' as const),
      at: fc.nat(500),
      junk: fc.oneof(fc.string(), fc.constantFrom(' port trunk allow-pass vlan all', 'interface Vlanif4094', ' ip address 10.10.0.1 255.255.255.0', '  - [x:y, z:w]', 'vlan batch 1 to 4094', ' switchport mode trunk')),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(edit, {minLength: 1, maxLength: 6}), async (edits) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'segaudit-fuzz-'))
        dirs.push(dir)
        cpSync(SAMPLE, dir, {recursive: true})
        for (const e of edits) {
          const p = path.join(dir, files[e.file] as string)
          writeFileSync(p, mutate(readFileSync(p, 'utf8').split('\n'), e).join('\n'))
        }
        try {
          const run = await runAudit({inventory: path.join(dir, 'inventory.yaml'), now: new Date('2026-11-21T00:00:00Z'), lang: 'en', failOn: 'high'})
          expect(['pass', 'fail', 'incomplete']).toContain(run.report.status)
          for (const f of run.report.findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/)
        } catch (err) {
          if (!isInputError(err)) throw err
          for (const d of err.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1)
            expect(d.col).toBeGreaterThanOrEqual(1)
          }
        } finally {
          rmSync(dir, {recursive: true, force: true})
        }
      }),
      {numRuns: 60},
    )
  })
})
