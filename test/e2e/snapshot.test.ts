import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {Report} from '../../src/report/types.js'
import {ROOT, segaudit} from './cli.js'

const INV = 'inventories/sample-city-violations/inventory.yaml'
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, {recursive: true, force: true})
})

/** A snapshot as `segaudit collect` writes it: DIR/<stamp>/ with the inventory's paths + manifest, DIR/latest. */
function makeSnapshot(): {out: string; snap: string} {
  const out = mkdtempSync(path.join(os.tmpdir(), 'segaudit-snap-'))
  dirs.push(out)
  const snap = path.join(out, '2026-11-21T010000Z')
  mkdirSync(snap)
  cpSync(path.join(ROOT, 'inventories/sample-city-violations/configs'), path.join(snap, 'configs'), {recursive: true})
  const ids = ['nw-core-1', 'nw-acc-1', 'nw-acc-2', 'ww-core-1', 'ww-acc-1', 'ww-acc-2', 'ww-edge-1', 'portal-sw-1']
  const manifest = {
    schema: 'segaudit/snapshot@1',
    tool: {name: 'segaudit', version: '0.1.0'},
    inventory: INV,
    startedAt: '2026-11-21T01:00:00Z',
    finishedAt: '2026-11-21T01:00:09Z',
    complete: true,
    summary: {devices: ids.length, ok: ids.length, failed: 0},
    devices: ids.map((id) => ({id, vendor: 'huawei-vrp', address: '127.0.0.1', port: 22, status: 'ok', startedAt: '2026-11-21T01:00:00Z', finishedAt: '2026-11-21T01:00:05Z', attempts: 1, commands: []})),
  }
  writeFileSync(path.join(snap, 'manifest.json'), JSON.stringify(manifest))
  symlinkSync(path.basename(snap), path.join(out, 'latest'))
  return {out, snap}
}

function audit(extra: string[]): Report {
  const r = segaudit(['audit', INV, '--now', '2026-11-21', '--format', 'json', ...extra])
  expect(r.stderr).toBe('')
  return JSON.parse(r.stdout) as Report
}

describe('audit --snapshot', () => {
  it('audits the snapshot files: same findings as the inventory files when they are equal', () => {
    const {out} = makeSnapshot()
    const plain = audit([])
    const snap = audit(['--snapshot', out])
    expect(snap.findings.map((f) => f.fingerprint).sort()).toEqual(plain.findings.map((f) => f.fingerprint).sort())
    expect(snap.coverage[0]?.file).toContain('2026-11-21T010000Z')
  })

  it('reads the snapshot, not the inventory folder: a change in the snapshot changes the verdict', () => {
    const {snap} = makeSnapshot()
    const p = path.join(snap, 'configs/nw-acc-2.cfg')
    const before = readFileSync(p, 'utf8')
    const after = before.replace(' ip address 172.20.99.2 255.255.255.0\n', '')
    expect(after).not.toBe(before)
    writeFileSync(p, after)
    const report = audit(['--snapshot', snap])
    expect(report.findings.some((f) => f.rule === 'PI-SHARED-DEVICE' && f.device === 'nw-acc-2')).toBe(false)
    // VLAN 99 no longer holds an extranet address: the trunk and core findings that followed from it go too,
    // while unrelated plants stay.
    expect(report.findings.some((f) => f.rule === 'PI-TRUNK-MIXED')).toBe(false)
    expect(report.findings.some((f) => f.rule === 'PI-SHARED-DEVICE' && f.device === 'nw-core-1')).toBe(false)
    expect(report.findings.some((f) => f.rule === 'PI-ROUTE-LEAK' && f.device === 'nw-core-1')).toBe(true)
  })

  it('a folder that is not a complete snapshot is an input error', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'segaudit-nosnap-'))
    dirs.push(empty)
    const r = segaudit(['audit', INV, '--snapshot', empty])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/manifest\.json:1:1: error: .*not a complete snapshot/)
  })
})
