import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {Report} from '../../src/report/types.js'
import {segaudit} from './cli.js'

const BAD = 'inventories/sample-city-violations/inventory.yaml'
const dir = mkdtempSync(path.join(os.tmpdir(), 'segaudit-wv-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const audit = (extra: string[], lang = 'en') => segaudit(['audit', BAD, '--now', '2026-11-21', '--format', 'json', '--lang', lang, ...extra])

describe('--waivers and --baseline through the CLI', () => {
  it('a waiver silences its finding, an expired one is WV-EXPIRED at its line, in both languages', () => {
    const base = JSON.parse(audit([]).stdout) as Report
    const weak = base.findings.find((f) => f.rule === 'TA-WEAK-SECRET')
    const stale = base.findings.find((f) => f.rule === 'BK-STALE')
    const file = path.join(dir, 'waivers.yaml')
    writeFileSync(file, `waivers:\n  - {fingerprint: "${weak?.fingerprint}", owner: 王五, reason: 设备下月更换, expires: 2026-12-31, rule: TA-WEAK-SECRET}\n  - {fingerprint: "${stale?.fingerprint}", owner: 王五, reason: 已过期, expires: 2026-11-20}\n`)
    for (const lang of ['en', 'zh-CN']) {
      const r = audit(['--waivers', file], lang)
      const report = JSON.parse(r.stdout) as Report
      expect(report.waived).toBe(1)
      expect(report.findings.some((f) => f.rule === 'TA-WEAK-SECRET')).toBe(false)
      expect(report.findings.some((f) => f.rule === 'BK-STALE')).toBe(true)
      const expired = report.findings.find((f) => f.rule === 'WV-EXPIRED')
      expect(expired?.location).toEqual({file: path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file), line: 3})
      expect(expired?.title).toBe(lang === 'en' ? 'Waiver expired' : '豁免已过期')
      expect(report.findings.length).toBe(base.findings.length)
    }
  })

  it('a bad waivers file exits 2 with file:line:col', () => {
    const file = path.join(dir, 'bad.yaml')
    writeFileSync(file, 'waivers:\n  - {fingerprint: nope, owner: a, reason: b, expires: 2026-12-31}\n')
    const r = segaudit(['audit', BAD, '--now', '2026-11-21', '--waivers', file])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/bad\.yaml:2:19: error: waivers\[0\]\.fingerprint/)
  })

  it('findings of the baseline report are marked and no longer fail the audit', () => {
    const file = path.join(dir, 'base.json')
    writeFileSync(file, audit([]).stdout)
    const r = audit(['--baseline', file])
    const report = JSON.parse(r.stdout) as Report
    expect(report.findings.every((f) => f.baseline === true)).toBe(true)
    expect(report.status).toBe('pass')
    expect(r.status).toBe(0)
  })
})
