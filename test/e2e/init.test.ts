import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {ROOT, segaudit} from './cli.js'

const tmp: string[] = []
afterAll(() => {
  for (const d of tmp) rmSync(d, {recursive: true, force: true})
})

function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'segaudit-init-e2e-'))
  tmp.push(d)
  return d
}

const FILES = ['inventory.yaml', 'configs/README.md', 'waivers.yaml']

describe('segaudit init', () => {
  it('scaffolds into DIR (created when missing) and the inventory validates at once', () => {
    const dir = path.join(tempDir(), 'city')
    const r = segaudit(['init', dir])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    for (const f of FILES) expect(existsSync(path.join(dir, f)), f).toBe(true)
    expect(existsSync(path.join(dir, 'policy.yaml'))).toBe(false)
    const inv = path.join(dir, 'inventory.yaml')
    const v = segaudit(['validate', inv])
    expect(v.stderr).toBe('')
    expect(v.status).toBe(0)
    expect(v.stdout).toMatch(/0 devices, 4 zones/)
  })

  it('points the editor at the installed package schema', () => {
    const dir = tempDir()
    segaudit(['init', dir])
    const first = readFileSync(path.join(dir, 'inventory.yaml'), 'utf8').split('\n')[0] ?? ''
    const ref = first.replace('# yaml-language-server: $schema=', '')
    expect(path.resolve(dir, ref)).toBe(path.join(ROOT, 'schemas/inventory.schema.json'))
  })

  it('defaults DIR to the current folder', () => {
    const dir = tempDir()
    const r = segaudit(['init'], {cwd: dir})
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('created inventory.yaml')
    expect(segaudit(['validate'], {cwd: dir}).status).toBe(0)
  })

  it('--with-policy writes the built-in pack, names it in the inventory, and still validates', () => {
    const dir = tempDir()
    expect(segaudit(['init', dir, '--with-policy']).status).toBe(0)
    const policy = readFileSync(path.join(dir, 'policy.yaml'), 'utf8')
    expect(policy).toContain('id: tianjin-egov')
    const schema = /\$schema=(\S+)/.exec(policy)?.[1] ?? ''
    expect(path.resolve(dir, schema)).toBe(path.join(ROOT, 'schemas/policy.schema.json'))
    expect(readFileSync(path.join(dir, 'inventory.yaml'), 'utf8')).toMatch(/^policy: policy\.yaml/m)
    const v = segaudit(['validate', path.join(dir, 'inventory.yaml')])
    expect(v.status).toBe(0)
    expect(v.stdout).toContain('policy tianjin-egov v1')
  })

  it('refuses to overwrite existing files (exit 2, nothing written) unless --force', () => {
    const dir = tempDir()
    const inv = path.join(dir, 'inventory.yaml')
    writeFileSync(inv, 'mine\n')
    const r = segaudit(['init', dir])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('inventory.yaml:1:1: error: already exists; not overwriting it')
    expect(r.stderr).toContain('hint: pass --force to overwrite')
    expect(readFileSync(inv, 'utf8')).toBe('mine\n')
    expect(existsSync(path.join(dir, 'waivers.yaml'))).toBe(false)

    const f = segaudit(['init', dir, '--force'])
    expect(f.status).toBe(0)
    expect(f.stdout).toContain('overwrote')
    expect(segaudit(['validate', inv]).status).toBe(0)
  })

  it('a DIR that is a file is an input error', () => {
    const file = path.join(tempDir(), 'plain')
    writeFileSync(file, '')
    const r = segaudit(['init', file])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('is a file, not a directory')
  })
})
