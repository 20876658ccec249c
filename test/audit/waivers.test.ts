import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {loadBaseline, markBaseline} from '../../src/audit/baseline.js'
import {applyWaivers, isExpired, type LoadedWaivers, loadWaivers, type Waiver} from '../../src/audit/waivers.js'
import {overdue} from '../../src/controls/dates.js'
import {addDuration, durationMs, parseDuration} from '../../src/inventory/durations.js'
import type {Finding} from '../../src/model/index.js'
import {diagnosticsOf, tempFile} from '../inventory/helpers.js'

const finding = (fingerprint: string, rule = 'PI-GATEWAY'): Finding => ({fingerprint, control: 'physical-isolation', rule, severity: 'high', title: '', message: '', evidence: [], refs: [], remediation: ''})
const loaded = (waivers: Waiver[]): LoadedWaivers => ({file: 'w.yaml', waivers, at: (i) => ({file: 'w.yaml', line: 2 + i})})
const waiver = (fingerprint: string, expires: string, rule?: string): Waiver => ({fingerprint, owner: '王五', reason: 'r', expires, ...(rule ? {rule} : {})})

describe('waivers', () => {
  it('reports bad waivers at file:line:col', async () => {
    const diagnostics = await diagnosticsOf(loadWaivers(path.resolve(import.meta.dirname, '../fixtures/waivers/bad.yaml')))
    expect(diagnostics.map((d) => [d.line, d.col, d.message])).toEqual([
      [2, 18, 'waivers[0].fingerprint: a fingerprint is the 16 hex digits the report shows'],
      [5, 14, 'waivers[0].expires: expected a date YYYY-MM-DD'],
      [6, 82, 'unknown key "rul" in waivers[1]'],
    ])
    expect(diagnostics[2]?.hint).toBe('did you mean "rule"?')
  })

  it('rejects a fingerprint waived twice, pointing at the second', async () => {
    const file = await tempFile('w.yaml', 'waivers:\n  - {fingerprint: "0123456789abcdef", owner: a, reason: b, expires: 2026-12-31}\n  - {fingerprint: "0123456789abcdef", owner: a, reason: c, expires: 2026-12-31}\n')
    const [d] = await diagnosticsOf(loadWaivers(file))
    expect([d?.line, d?.message]).toEqual([3, 'fingerprint 0123456789abcdef is already waived at line 2'])
  })

  it('loads a good file', async () => {
    const file = await tempFile('w.yaml', 'waivers:\n  - fingerprint: "0123456789abcdef"\n    owner: 王五\n    reason: 割接窗口内整改\n    expires: 2026-12-31\n    rule: PI-GATEWAY\n')
    const w = await loadWaivers(file)
    expect(w.waivers).toEqual([{...waiver('0123456789abcdef', '2026-12-31', 'PI-GATEWAY'), reason: '割接窗口内整改'}])
    expect(w.at(0).line).toBe(2)
  })

  it('holds through its expiry day and expires the next day', () => {
    const w = waiver('0123456789abcdef', '2026-12-31')
    expect(isExpired(w, new Date('2026-12-31T23:59:59.999Z'))).toBe(false)
    expect(isExpired(w, new Date('2027-01-01T00:00:00Z'))).toBe(true)
  })

  it('silences a finding; an expired waiver is a finding and silences nothing; unmatched and wrong-rule waivers are findings', () => {
    const fs = [finding('aaaaaaaaaaaaaaaa'), finding('bbbbbbbbbbbbbbbb'), finding('cccccccccccccccc', 'TA-WEAK-SECRET')]
    const out = applyWaivers(
      fs,
      loaded([waiver('aaaaaaaaaaaaaaaa', '2026-12-31'), waiver('bbbbbbbbbbbbbbbb', '2026-11-20'), waiver('dddddddddddddddd', '2027-01-01'), waiver('cccccccccccccccc', '2027-01-01', 'PI-GATEWAY')]),
      new Date('2026-11-21'),
    )
    expect(out.waived).toBe(1)
    expect(out.findings.map((f) => f.fingerprint)).toEqual(['bbbbbbbbbbbbbbbb', 'cccccccccccccccc'])
    expect(out.drafts.map((d) => [d.rule, d.subject, d.location?.line])).toEqual([
      ['WV-EXPIRED', 'waiver:bbbbbbbbbbbbbbbb', 3],
      ['WV-UNMATCHED', 'waiver:dddddddddddddddd', 4],
      ['WV-UNMATCHED', 'waiver:cccccccccccccccc', 5],
    ])
    expect(out.drafts[2]?.message.en).toContain('a TA-WEAK-SECRET finding, not PI-GATEWAY')
  })
})

describe('baseline', () => {
  it('marks findings known to an earlier report', async () => {
    const file = await tempFile('r.json', JSON.stringify({schema: 'segaudit/report@1', findings: [finding('aaaaaaaaaaaaaaaa')]}))
    const fs = [finding('aaaaaaaaaaaaaaaa'), finding('bbbbbbbbbbbbbbbb')]
    markBaseline(fs, await loadBaseline(file))
    expect(fs.map((f) => f.baseline)).toEqual([true, undefined])
  })

  it('refuses what is not a JSON report', async () => {
    const file = await tempFile('r.json', '{"findings": []}')
    const [d] = await diagnosticsOf(loadBaseline(file))
    expect(d?.message).toMatch(/is not a segaudit JSON report/)
    await writeFile(file, 'nope')
    expect((await diagnosticsOf(loadBaseline(file)))[0]?.message).toMatch(/is not JSON/)
  })
})

describe('date rules (properties)', () => {
  const unit = fc.constantFrom('m', 'h', 'd', 'w', 'mo', 'y')
  const duration = fc.tuple(fc.integer({min: 1, max: 400}), unit).map(([v, u]) => parseDuration(`${v}${u}`) as NonNullable<ReturnType<typeof parseDuration>>)
  const instant = fc.date({min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true})

  it('exactly at the limit is within it; one millisecond later is overdue', () => {
    fc.assert(
      fc.property(instant, duration, (last, d) => {
        const limit = addDuration(last, d)
        expect(overdue(last, d, limit)).toBe(false)
        expect(overdue(last, d, new Date(limit.getTime() + 1))).toBe(true)
      }),
    )
  })

  it('a deadline is never before its start and grows with the duration', () => {
    fc.assert(
      fc.property(instant, duration, duration, (last, a, b) => {
        expect(addDuration(last, a).getTime()).toBeGreaterThan(last.getTime())
        if (a.unit === b.unit && a.value <= b.value) expect(addDuration(last, a).getTime()).toBeLessThanOrEqual(addDuration(last, b).getTime())
        if (durationMs(a) > 0) expect(durationMs(a)).toBeGreaterThan(0)
      }),
    )
  })
})
