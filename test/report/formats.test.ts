import {describe, expect, it} from 'vitest'
import type {Finding} from '../../src/model/index.js'
import type {RenderContext} from '../../src/report/context.js'
import {renderReport} from '../../src/report/render.js'
import type {Report} from '../../src/report/types.js'

const nasty = '<script>alert("x")</script> & "quotes", commas\nnewline'
const finding: Finding = {
  fingerprint: '0123456789abcdef',
  control: 'physical-isolation',
  rule: 'PI-SHARED-DEVICE',
  severity: 'critical',
  title: 'Intranet device also carries another network',
  message: nasty,
  device: 'sw1',
  zones: ['intranet', 'extranet'],
  location: {file: 'configs/sw1.cfg', line: 12},
  evidence: [{file: 'configs/sw1.cfg', line: 12, text: '=cmd|calc ip address 172.20.1.1 255.255.255.0'}],
  refs: ['Tianjin Art. 19'],
  remediation: 'Remove it',
}
const report: Report = {
  schema: 'segaudit/report@1',
  tool: {name: 'segaudit', version: '0.1.0'},
  inventory: 'inv.yaml',
  policy: {id: 'tianjin-egov', version: '1'},
  now: '2026-11-21T00:00:00.000Z',
  status: 'fail',
  summary: {critical: 1, high: 0, medium: 0, low: 0, info: 0},
  findings: [finding],
  coverage: [],
}
const ctx: RenderContext = {
  lang: 'en',
  color: false,
  rules: [
    {id: 'PI-SHARED-DEVICE', control: 'physical-isolation', severity: 'critical', title: 'Shared', refs: ['Art. 19'], remediation: 'fix'},
    {id: 'NA-UNKNOWN-NEIGHBOR', control: 'network-approval', severity: 'high', title: 'Neighbor', refs: ['Art. 9'], remediation: 'fix'},
  ],
}

/** Minimal RFC 4180 reader, enough to check the writer. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') endCell()
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell()
      rows.push(row)
      row = []
      i++
    } else cell += c
  }
  return rows
}

describe('report formats', () => {
  it('SARIF 2.1.0: one result per finding with rule index, location, fingerprint, and every policy rule', () => {
    const log = JSON.parse(renderReport(report, 'sarif', ctx))
    expect(log.version).toBe('2.1.0')
    const run = log.runs[0]
    expect(run.tool.driver.rules.map((r: {id: string}) => r.id)).toEqual(['PI-SHARED-DEVICE', 'NA-UNKNOWN-NEIGHBOR'])
    expect(run.results).toHaveLength(1)
    expect(run.results[0]).toMatchObject({
      ruleId: 'PI-SHARED-DEVICE',
      ruleIndex: 0,
      level: 'error',
      partialFingerprints: {'segaudit/v1': '0123456789abcdef'},
      locations: [{physicalLocation: {artifactLocation: {uri: 'configs/sw1.cfg'}, region: {startLine: 12}}}],
    })
  })

  it('JUnit: a failing case per finding, a passing case per clean rule, XML-escaped', () => {
    const x = renderReport(report, 'junit', ctx)
    expect(x).toMatch(/<testsuite name="physical-isolation" tests="1" failures="1"/)
    expect(x).toMatch(/<testsuite name="network-approval" tests="1" failures="0"/)
    expect(x).toContain('<testcase classname="network-approval" name="NA-UNKNOWN-NEIGHBOR Neighbor"/>')
    expect(x).not.toContain('<script>')
    expect(x).toContain('&lt;script&gt;')
  })

  it('CSV: round-trips through an RFC 4180 reader and defuses formulas', () => {
    const rows = readCsv(renderReport(report, 'csv', ctx).replace(/^\ufeff/, ''))
    expect(rows[0]?.[0]).toBe('severity')
    expect(rows).toHaveLength(2)
    expect(rows[1]?.[8]).toBe(nasty)
    expect(rows[1]?.[10]).toBe('0123456789abcdef')
    const withFormula = renderReport({...report, findings: [{...finding, device: '=HYPERLINK("x")'}]}, 'csv', ctx)
    expect(readCsv(withFormula.replace(/^\ufeff/, ''))[1]?.[3]).toBe(`'=HYPERLINK("x")`)
  })

  it('HTML escapes everything and loads nothing external', () => {
    const page = renderReport(report, 'html', ctx)
    expect(page).not.toContain('<script>')
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(page).not.toMatch(/<(script|link|img)\b/)
  })

  it('Markdown keeps one finding per section and escapes table pipes', () => {
    const m = renderReport({...report, findings: [{...finding, device: 'a|b'}]}, 'markdown', ctx)
    expect(m).toContain('## Physical isolation (physical-isolation)')
    expect(m).toContain('a\\|b')
    expect(m).toContain('`configs/sw1.cfg:12`')
  })

  it('text: zh-CN labels and no colour codes when colour is off', () => {
    const t = renderReport(report, 'text', {...ctx, lang: 'zh-CN'})
    expect(t).toContain('不通过')
    expect(t).not.toMatch(/\x1b\[/)
    expect(renderReport(report, 'text', {...ctx, color: true})).toMatch(/\x1b\[/)
  })
})
