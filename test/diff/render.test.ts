import {describe, expect, it} from 'vitest'
import type {DiffReport} from '../../src/diff/types.js'
import {LANGS, type Finding} from '../../src/model/index.js'
import {renderDiff} from '../../src/report/diff/render.js'

const added: Finding = {
  fingerprint: '0123456789abcdef',
  control: 'physical-isolation',
  rule: 'PI-TRUNK-MIXED',
  severity: 'critical',
  title: 'Trunk carries intranet and other-zone VLANs',
  message: 'nw-core-1 GigabitEthernet0/0/1 carries intranet VLAN 10 and extranet VLAN 99.',
  device: 'nw-core-1',
  location: {file: 'configs/nw-core-1.cfg', line: 70},
  evidence: [{file: 'configs/nw-core-1.cfg', line: 70, text: 'port trunk allow-pass vlan 10 99 | 255'}],
  refs: ['Art. 19'],
  remediation: 'Remove VLAN 99.',
}

const side = {inventory: 'a/inventory.yaml', policy: {id: 'tianjin-egov', version: '1'}, status: 'pass', summary: {critical: 0, high: 0, medium: 0, low: 0, info: 0}} as const

function report(over: Partial<DiffReport> = {}): DiffReport {
  return {
    schema: 'segaudit/diff@1',
    tool: {name: 'segaudit', version: '0.1.0'},
    now: '2026-11-21T00:00:00.000Z',
    failOn: 'high',
    status: 'fail',
    before: side,
    after: {...side, inventory: 'b/inventory.yaml', status: 'fail'},
    findings: {added: [added], removed: [{...added, fingerprint: 'fedcba9876543210', rule: 'PI-ROUTE-LEAK', severity: 'high'}], unchanged: 3},
    flows: {
      opened: [{from: 'extranet', to: 'portal', services: ['tcp/22'], witness: {src: '172.20.0.1', dst: '203.0.113.20', proto: 'tcp', sport: 1024, dport: 22}, verdict: 'open'}],
      closed: [{from: 'internet', to: 'portal', services: ['tcp/80,443'], witness: {src: '198.51.100.1', dst: '203.0.113.10', proto: 'tcp', sport: 1024, dport: 80}, verdict: 'unknown'}],
    },
    ...over,
  }
}

describe('diff renderers', () => {
  it('text: added findings in full, removed ones in a line, flows with a witness, then the summary line', () => {
    const text = renderDiff(report(), 'text', 'en', false)
    expect(text).toContain('Findings added (1)\n  CRITICAL PI-TRUNK-MIXED  nw-core-1')
    expect(text).toContain('at configs/nw-core-1.cfg:70')
    expect(text).toContain('Findings removed (1)\n  HIGH     PI-ROUTE-LEAK')
    expect(text).toContain('Flows opened (1)\n  extranet → portal  tcp/22\n    witness: src=172.20.0.1 dst=203.0.113.20 proto=tcp sport=1024 dport=22\n')
    expect(text).toContain('Flows closed (1)\n  internet → portal  tcp/80,443\n    witness: src=198.51.100.1 dst=203.0.113.10 proto=tcp sport=1024 dport=80  (may pass')
    expect(text.trimEnd().split('\n').at(-1)).toBe('FAIL  findings +1 −1 (unchanged 3) · flows +1 −1  (a/inventory.yaml → b/inventory.yaml; tianjin-egov v1; 2026-11-21)')
  })

  it('text: one line when nothing changed; an incomplete side is said so', () => {
    const none = report({status: 'pass', findings: {added: [], removed: [], unchanged: 2}, flows: {opened: [], closed: []}})
    expect(renderDiff(none, 'text', 'en', false)).toBe('PASS  no changes  (a/inventory.yaml → b/inventory.yaml; tianjin-egov v1; 2026-11-21)\n')
    const inc = renderDiff({...none, status: 'incomplete', after: {...none.after, status: 'incomplete'}}, 'text', 'zh-CN', false)
    expect(inc).toContain('变更后: 不完整')
    expect(inc).toContain('不完整  无变化')
  })

  it('markdown: tables for merge-request comments, pipes escaped', () => {
    const md = renderDiff(report(), 'markdown', 'en', false)
    expect(md.startsWith('## segaudit diff — FAIL\n')).toBe(true)
    expect(md).toContain('findings: **+1** / −1 (unchanged 3) · flows: **+1** / −1')
    expect(md).toContain('| **CRITICAL** `PI-TRUNK-MIXED` | nw-core-1 | Trunk carries intranet and other-zone VLANs: nw-core-1')
    expect(md).toContain('| extranet | portal | tcp/22 | `src=172.20.0.1 dst=203.0.113.20 proto=tcp sport=1024 dport=22` |')
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) expect(line.split(/(?<!\\)\|/).length, line).toBe(6)
  })

  it('json is the report object itself', () => {
    const r = report()
    expect(JSON.parse(renderDiff(r, 'json', 'en', false))).toEqual(r)
  })

  it('every renderer word exists in both languages', () => {
    for (const lang of LANGS) {
      for (const format of ['text', 'markdown'] as const) expect(renderDiff(report(), format, lang, false)).not.toMatch(/undefined|\[object/)
    }
    expect(renderDiff(report(), 'text', 'zh-CN', false)).toContain('新增问题 (1)')
  })
})
