import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {Report} from '../../src/report/types.js'
import {ROOT, segaudit} from './cli.js'

const NOW = '2026-11-21'
const GOOD = 'inventories/sample-city/inventory.yaml'
const BAD = 'inventories/sample-city-violations/inventory.yaml'

function auditJson(inventory: string, extra: string[] = [], cwd?: string): {status: number | null; report: Report} {
  const r = segaudit(['audit', inventory, '--now', NOW, '--format', 'json', ...extra], cwd ? {cwd} : {})
  expect(r.stderr).toBe('')
  return {status: r.status, report: JSON.parse(r.stdout) as Report}
}

const tmp: string[] = []
afterAll(() => {
  for (const d of tmp) rmSync(d, {recursive: true, force: true})
})

describe('sample-city (compliant)', () => {
  it('passes with no findings and exit 0, every config line recognized', () => {
    const {status, report} = auditJson(GOOD)
    const base = 'inventories/sample-city/'
    expect(report.findings.map((f) => `${f.rule} ${f.device} ${f.location?.file.replace(base, '')}:${f.location?.line}`)).toEqual([])
    expect(report.status).toBe('pass')
    expect(status).toBe(0)
    expect(report.schema).toBe('segaudit/report@1')
    expect(report.policy).toEqual({id: 'tianjin-egov', version: '1'})
    expect(report.now).toBe('2026-11-21T00:00:00.000Z')
    expect(report.coverage.length).toBeGreaterThanOrEqual(8)
    for (const c of report.coverage) expect(c.unrecognized, c.file).toBe(0)
  })

  it('text report is quiet when clean: one summary line', () => {
    const r = segaudit(['audit', GOOD, '--now', NOW, '--lang', 'en'])
    expect(r.status).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    expect(r.stdout).toMatch(/^PASS {2}no findings/)
  })
})

/** Every planted problem (inventories/sample-city-violations/README.md) and what follows from it. */
const EXPECTED = [
  'PI-SHARED-DEVICE nw-acc-2 configs/nw-acc-2.cfg:47',
  'PI-SHARED-DEVICE nw-core-1 configs/nw-core-1.cfg:76',
  'PI-TRUNK-MIXED nw-core-1 configs/nw-core-1.cfg:76',
  'PI-CROSS-ZONE-LINK nw-acc-1 inventory.yaml:151',
  'PI-SHARED-VLAN nw-pc-2 inventory.yaml:50',
  'PI-DUAL-HOMED oa-app-2 inventory.yaml:57',
  'PI-ROUTE-LEAK nw-core-1 configs/nw-core-1.cfg:94',
  'PI-GATEWAY gap-1 inventory.yaml:59',
  'PI-MIXED-COMPONENT nw-acc-1 inventory.yaml:151',
  'NA-UNKNOWN-NEIGHBOR nw-acc-2 configs/nw-acc-2.lldp.txt:7',
  'NA-UNDECLARED-SUBNET ww-core-1 configs/ww-core-1.cfg:44',
  'NA-UNAPPROVED-EXIT ww-acc-2 configs/ww-acc-2.cfg:48',
  'NA-UNKNOWN-DEVICE portal-sw-1 configs/portal-sw-1.cfg:4',
  // logical-isolation: plant 10's second exit is unfiltered both ways, plant 7's gateway has no config.
  'LI-NO-FILTER ww-core-1 configs/ww-core-1.cfg:35',
  'LI-NO-FILTER ww-acc-2 configs/ww-acc-2.cfg:123',
  'LI-UNDECIDED gap-1 inventory.yaml:62',
  'LI-UNDECIDED gap-1 inventory.yaml:62',
  'LI-EXCESS-FLOW ww-edge-1 configs/ww-edge-1.cfg:80',
  'LI-SHADOWED ww-edge-1 configs/ww-edge-1.cfg:83',
  'LI-REDUNDANT ww-edge-1 configs/ww-edge-1.cfg:92',
  'LI-ANY-PERMIT ww-edge-1 configs/ww-edge-1.cfg:93',
  // the portal firewall's troubleshooting rule (any source, any service) passes plants 12 and 15
  'LI-ANY-PERMIT portal-fw-1 configs/portal-fw-1.cfg:210',
  'LI-BROKEN-FLOW ww-edge-1 inventory.yaml:142',
  'LI-DEFAULT-PERMIT ww-core-1 configs/ww-core-1.cfg:109',
  'LI-UNDEFINED-OBJECT ww-core-1 configs/ww-core-1.cfg:59',
  // backup, emergency-plan, tiered-access: record plants ('-': no device); device plants in configs.
  'BK-NO-JOB - inventory.yaml:176',
  'BK-NO-OFFSITE - inventory.yaml:186',
  'BK-STALE - inventory.yaml:191',
  'BK-RESTORE-TEST - inventory.yaml:199',
  'BK-INTERVAL - inventory.yaml:203',
  'BK-NEEDS-REVIEW - inventory.yaml:206',
  'EP-NOT-COVERED - inventory.yaml:180',
  'EP-NEEDS-REVIEW - inventory.yaml:225',
  'EP-DOCUMENT-MISSING - inventory.yaml:231',
  'EP-REVIEW-OVERDUE - inventory.yaml:233',
  'EP-DRILL-OVERDUE - inventory.yaml:234',
  'EP-MISSING-FIELD - inventory.yaml:236',
  'EP-NOT-APPROVED - inventory.yaml:240',
  'EP-RPO-BACKUP - inventory.yaml:248',
  'TA-DUTY-VACANT - inventory.yaml:254',
  'TA-DUTY-CONFLICT - inventory.yaml:257',
  'TA-SHARED-ACCOUNT - inventory.yaml:293',
  'TA-CLEARANCE - inventory.yaml:310',
  'TA-NEEDS-REVIEW - inventory.yaml:311',
  'TA-PRIVILEGE nw-acc-1 configs/nw-acc-1.cfg:39',
  'TA-INSECURE-MGMT nw-acc-2 configs/nw-acc-2.cfg:99',
  'TA-MGMT-ACL portal-sw-1 configs/portal-sw-1.cfg:74',
  'TA-UNKNOWN-LOGIN ww-acc-1 configs/ww-acc-1.cfg:117',
  'TA-WEAK-SECRET ww-acc-2 configs/ww-acc-2.cfg:10',
  'TA-DEFAULT-ACCOUNT ww-edge-1 configs/ww-edge-1.cfg:22',
  'DH-SNMP-NO-ACL nw-core-1 configs/nw-core-1.cfg:126',
  'DH-SERVICE nw-core-1 configs/nw-core-1.cfg:127',
  'DH-IDLE-TIMEOUT ww-acc-1 configs/ww-acc-1.cfg:96',
  'DH-SNMP-DEFAULT-COMMUNITY ww-acc-1 configs/ww-acc-1.cfg:115',
  'DH-LOGIN-LIMIT ww-edge-1 configs/ww-edge-1.cfg:7',
]

describe('sample-city-violations', () => {
  it('reports exactly the planted problems, each at its line, and exits 1', () => {
    const {status, report} = auditJson(BAD)
    const base = 'inventories/sample-city-violations/'
    const got = report.findings.map((f) => `${f.rule} ${f.device ?? '-'} ${f.location?.file.replace(base, '')}:${f.location?.line}`)
    expect([...got].sort()).toEqual([...EXPECTED].sort())
    expect(status).toBe(1)
    expect(report.status).toBe('fail')
    expect(report.summary.critical).toBe(report.findings.filter((f) => f.severity === 'critical').length)
    for (const f of report.findings) {
      expect(f.refs.length, f.rule).toBeGreaterThan(0)
      expect(f.remediation, f.rule).not.toBe('')
      expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    }
    expect(new Set(report.findings.map((f) => f.fingerprint)).size).toBe(report.findings.length)
  })

  it('--fail-on none exits 0 with the same findings; --fail-on critical still fails', () => {
    expect(segaudit(['audit', BAD, '--now', NOW, '--fail-on', 'none']).status).toBe(0)
    expect(segaudit(['audit', BAD, '--now', NOW, '--fail-on', 'critical']).status).toBe(1)
  })

  it('fingerprints survive unrelated lines moving', () => {
    const {report: before} = auditJson(BAD)
    const dir = mkdtempSync(path.join(os.tmpdir(), 'segaudit-fp-'))
    tmp.push(dir)
    cpSync(path.join(ROOT, 'inventories/sample-city-violations'), dir, {recursive: true})
    // Shift every config and the inventory by a few lines.
    for (const f of readdirSync(path.join(dir, 'configs'))) {
      if (!f.endsWith('.cfg')) continue
      const p = path.join(dir, 'configs', f)
      const text = readFileSync(p, 'utf8')
      // Each file gets its own dialect's comment line: `!` for IOS, `#` for VRP/Comware.
      writeFileSync(p, /^!/m.test(text) ? `!\n!\n${text}` : `#\n#\n${text}`)
    }
    const inv = path.join(dir, 'inventory.yaml')
    writeFileSync(inv, `# moved\n# down\n${readFileSync(inv, 'utf8')}`)
    const {report: after} = auditJson(inv)
    expect(after.findings.map((f) => f.fingerprint).sort()).toEqual(before.findings.map((f) => f.fingerprint).sort())
    expect(after.findings.find((f) => f.rule === 'PI-ROUTE-LEAK')?.location?.line).toBe(96)
  })

  it('writes the report to --output and speaks both languages', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'segaudit-out-'))
    tmp.push(dir)
    const out = path.join(dir, 'r.txt')
    const r = segaudit(['audit', BAD, '--now', NOW, '--lang', 'en', '--output', out])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    const en = readFileSync(out, 'utf8')
    expect(en).toContain('Trunk carries intranet and other-zone VLANs')
    expect(en).toMatch(/^FAIL {2}critical \d+/m)
    const zh = segaudit(['audit', BAD, '--now', NOW, '--lang', 'zh-CN']).stdout
    expect(zh).toContain('中继链路同时承载内网与其他网络的 VLAN')
    expect(zh).toContain('天津市电子政务管理办法 第十九条')
  })

  it('no secret from any config reaches the report', () => {
    const secrets: string[] = []
    const dir = path.join(ROOT, 'inventories/sample-city-violations/configs')
    for (const f of readdirSync(dir)) {
      for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
        const m = /(?:password|secret|cipher|community|key-string)\s+(?:\S+\s+)*?(\S{6,})\s*$/i.exec(line)
        if (m?.[1] && !/^(cipher|simple|irreversible-cipher|read|write)$/i.test(m[1])) secrets.push(m[1])
      }
    }
    expect(secrets.length).toBeGreaterThan(0)
    const all = [segaudit(['audit', BAD, '--now', NOW, '--format', 'json']).stdout, segaudit(['audit', BAD, '--now', NOW, '--lang', 'en']).stdout].join('\n')
    for (const s of secrets) expect(all, 'secret leaked').not.toContain(s)
  })
})
