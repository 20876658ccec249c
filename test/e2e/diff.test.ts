import {appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {DiffReport} from '../../src/diff/types.js'
import type {Report} from '../../src/report/types.js'
import {ROOT, segaudit} from './cli.js'

const NOW = '2026-11-21'
const GOOD = 'inventories/sample-city'
const BAD = 'inventories/sample-city-violations'

function diffJson(before: string, after: string, extra: string[] = []): {status: number | null; report: DiffReport} {
  const r = segaudit(['diff', before, after, '--now', NOW, '--format', 'json', ...extra])
  expect(r.stderr).toBe('')
  return {status: r.status, report: JSON.parse(r.stdout) as DiffReport}
}

function fingerprints(inventory: string): Set<string> {
  const r = segaudit(['audit', inventory, '--now', NOW, '--format', 'json', '--allow-incomplete'])
  return new Set((JSON.parse(r.stdout) as Report).findings.map((f) => f.fingerprint))
}

const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort()
const prints = (fs: {fingerprint: string}[]) => fs.map((f) => f.fingerprint).sort()

const tmp: string[] = []
afterAll(() => {
  for (const d of tmp) rmSync(d, {recursive: true, force: true})
})

/** A temp copy of a sample, changed by `edit`. */
function copyOf(sample: string, edit: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'segaudit-diff-'))
  tmp.push(dir)
  cpSync(path.join(ROOT, sample), dir, {recursive: true})
  edit(dir)
  return dir
}

function replaceLine(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8')
  expect(text, `${file} holds '${from}'`).toContain(from)
  writeFileSync(file, text.replace(from, to))
}

describe('segaudit diff between the samples', () => {
  let good: Set<string>
  let bad: Set<string>
  beforeAll(() => {
    good = fingerprints(`${GOOD}/inventory.yaml`)
    bad = fingerprints(`${BAD}/inventory.yaml`)
  })

  it('compliant → violations adds exactly the violations sample\'s findings and exits 1', () => {
    const {status, report} = diffJson(GOOD, BAD)
    expect(prints(report.findings.added)).toEqual(minus(bad, good))
    expect(prints(report.findings.removed)).toEqual(minus(good, bad))
    expect(report.findings.added.map((f) => f.rule)).toEqual(expect.arrayContaining(['PI-TRUNK-MIXED', 'PI-ROUTE-LEAK', 'NA-UNKNOWN-NEIGHBOR', 'NA-UNAPPROVED-EXIT']))
    expect(report.status).toBe('fail')
    expect(status).toBe(1)
    expect(report.schema).toBe('segaudit/diff@1')
    expect(report.before.inventory).toBe('inventories/sample-city/inventory.yaml')
    expect(report.after.inventory).toBe('inventories/sample-city-violations/inventory.yaml')
    // Plant 3 cables the intranet to the extranet: flows the compliant network blocks now pass.
    expect(report.flows.opened.some((f) => f.from === 'extranet' && f.to === 'intranet')).toBe(true)
  })

  it('the reverse removes them and exits 0', () => {
    const {status, report} = diffJson(`${BAD}/inventory.yaml`, `${GOOD}/inventory.yaml`)
    expect(prints(report.findings.removed)).toEqual(minus(bad, good))
    expect(prints(report.findings.added)).toEqual(minus(good, bad))
    expect(report.status).toBe('pass')
    expect(status).toBe(0)
  })

  it('identical inputs: no changes, exit 0, one summary line', () => {
    const r = segaudit(['diff', GOOD, `${GOOD}/inventory.yaml`, '--now', NOW, '--lang', 'en'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^PASS {2}no changes {2}\(inventories\/sample-city\/inventory\.yaml → /)
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
  })
})

describe('segaudit diff of one planted change', () => {
  it('an extra VLAN on an intranet trunk shows exactly that finding, at its line', () => {
    const after = copyOf(BAD, (d) => replaceLine(path.join(d, 'configs/nw-core-1.cfg'), ' port trunk allow-pass vlan 10 255\n', ' port trunk allow-pass vlan 10 99 255\n'))
    const {status, report} = diffJson(BAD, after)
    expect(report.findings.removed).toEqual([])
    expect(report.findings.added.map((f) => `${f.rule} ${f.device} ${path.basename(f.location?.file ?? '')}:${f.location?.line}`)).toEqual(['PI-TRUNK-MIXED nw-core-1 nw-core-1.cfg:70'])
    expect(report.findings.added[0]?.message).toContain('GigabitEthernet0/0/1')
    expect(report.flows).toEqual({opened: [], closed: []})
    expect(status).toBe(1)
    expect(segaudit(['diff', BAD, after, '--now', NOW, '--fail-on', 'none']).status).toBe(0)
  })

  it('a permit added to the edge ACL and the portal firewall opens extranet → portal SSH, and markdown says so for the merge request', () => {
    const after = copyOf(GOOD, (d) => {
      const acl = ' permit tcp 172.20.10.0 0.0.0.15 host 203.0.113.20 eq 443\n'
      replaceLine(path.join(d, 'configs/ww-edge-1.cfg'), acl, ` permit tcp 172.20.0.0 0.0.255.255 host 203.0.113.20 eq 22\n${acl}`)
      // The portal firewall behind the edge must let it through too.
      replaceLine(path.join(d, 'configs/portal-fw-1.cfg'), '  service https\n', '  service https ssh\n')
    })
    const {report} = diffJson(GOOD, after)
    expect(report.flows.closed).toEqual([])
    expect(report.flows.opened.map((f) => `${f.from}→${f.to} ${f.services.join(',')} ${f.witness.dport}`)).toEqual(['extranet→portal tcp/22 22'])
    const md = segaudit(['diff', GOOD, after, '--now', NOW, '--format', 'markdown', '--lang', 'en'])
    expect(md.stdout).toContain('### Flows opened (1)')
    expect(md.stdout).toMatch(/^\| extranet \| portal \| tcp\/22 \| `src=172\.20\.\S+ dst=203\.0\.113\.20 proto=tcp sport=\d+ dport=22` \|$/m)
  })

  it('an incomplete AFTER exits 3 unless --allow-incomplete; an incomplete BEFORE does not', () => {
    const after = copyOf(GOOD, (d) => appendFileSync(path.join(d, 'configs/nw-acc-1.cfg'), 'frobnicate the widget 42\n'))
    const r = diffJson(GOOD, after)
    expect(r.report.status).toBe('incomplete')
    expect(r.report.after.status).toBe('incomplete')
    expect(r.report.findings.added.map((f) => f.control)).toContain('input-coverage')
    expect(r.status).toBe(3)
    const allowed = segaudit(['diff', GOOD, after, '--now', NOW, '--allow-incomplete', '--fail-on', 'none'])
    expect(allowed.status).toBe(0)
    const text = segaudit(['diff', GOOD, after, '--now', NOW, '--lang', 'en']).stdout
    expect(text).toContain('after: incomplete')
    expect(segaudit(['diff', after, GOOD, '--now', NOW]).status).toBe(0)
  })
})

describe('segaudit diff input errors', () => {
  it('a missing snapshot or a folder without inventory.yaml exits 2 with a hint', () => {
    const r = segaudit(['diff', 'inventories/nope', GOOD])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('inventories/nope:1:1: error: no such file or folder')
    expect(r.stderr).toContain('hint: BEFORE and AFTER are each an inventory file or a folder holding inventory.yaml')
    const empty = mkdtempSync(path.join(os.tmpdir(), 'segaudit-diff-empty-'))
    tmp.push(empty)
    expect(segaudit(['diff', GOOD, empty]).stderr).toContain('folder holds no inventory.yaml')
  })

  it('a missing argument or a bad flag value is a usage error (exit 2)', () => {
    expect(segaudit(['diff', GOOD]).status).toBe(2)
    expect(segaudit(['diff', GOOD, BAD, '--format', 'sarif']).status).toBe(2)
  })
})
