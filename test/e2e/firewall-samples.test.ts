import {describe, expect, it} from 'vitest'
import type {Report} from '../../src/report/types.js'
import {segaudit} from './cli.js'

/**
 * The single-firewall samples: one Cisco ASA (inventories/sample-asa*) and one Linux netfilter
 * firewall (inventories/sample-iptables*) between an extranet, a portal DMZ, the Internet and a
 * management zone. Each compliant sample passes every control and its zone matrix shows exactly
 * the approved flows; each violations sample reports exactly its planted rules at their lines.
 */
const NOW = '2026-11-21'

function auditJson(inventory: string): {status: number | null; report: Report} {
  const r = segaudit(['audit', inventory, '--now', NOW, '--format', 'json'])
  expect(r.stderr).toBe('')
  return {status: r.status, report: JSON.parse(r.stdout) as Report}
}

function findings(report: Report, base: string): string[] {
  return report.findings.map((f) => `${f.rule} ${f.device ?? '-'} ${f.location?.file.replace(base, '')}:${f.location?.line}`)
}

interface Cell {
  from: string
  to: string
  status: string
  services: string[]
  undecided: string[]
}

/** The approved flows of every sample (inventory `flows:`), as the matrix prints their services. */
const APPROVED: Record<string, string[]> = {
  'extranet -> portal': ['tcp/443'], // publish: 172.20.10.0/28 -> CMS
  'extranet -> internet': ['tcp/80,443'], // browse
  'portal -> extranet': ['tcp/8443'], // push: CMS -> exchange server
  'internet -> portal': ['tcp/80,443'], // web
  'portal -> internet': [],
  'internet -> extranet': [],
}

const SAMPLES = [
  {
    name: 'sample-asa',
    device: 'asa-fw-1',
    vendor: 'cisco-asa',
    violations: ['LI-SHADOWED asa-fw-1 configs/asa-fw-1.cfg:79', 'LI-EXCESS-FLOW asa-fw-1 configs/asa-fw-1.cfg:83'],
  },
  {
    name: 'sample-iptables',
    device: 'fw-linux-1',
    vendor: 'iptables',
    violations: ['LI-EXCESS-FLOW fw-linux-1 configs/fw-linux-1.rules:17', 'LI-ANY-PERMIT fw-linux-1 configs/fw-linux-1.rules:18'],
  },
]

for (const s of SAMPLES) {
  const good = `inventories/${s.name}/inventory.yaml`
  const bad = `inventories/${s.name}-violations/inventory.yaml`

  describe(`${s.name} (compliant)`, () => {
    it('passes with no findings and exit 0, every config line recognized', () => {
      const {status, report} = auditJson(good)
      expect(findings(report, `inventories/${s.name}/`)).toEqual([])
      expect(report.status).toBe('pass')
      expect(status).toBe(0)
      expect(report.coverage.map((c) => [c.device, c.vendor])).toEqual([[s.device, s.vendor]])
      for (const c of report.coverage) {
        expect(c.lines, c.file).toBeGreaterThan(0)
        expect(c.unrecognized, c.file).toBe(0)
        expect(c.recognized, c.file).toBe(c.lines)
      }
    })

    it('opens exactly the approved services between extranet, portal and Internet', () => {
      const r = segaudit(['matrix', good, '--format', 'json'])
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      const cells = (JSON.parse(r.stdout) as {cells: Cell[]}).cells
      const between = Object.fromEntries(cells.filter((c) => `${c.from} -> ${c.to}` in APPROVED).map((c) => [`${c.from} -> ${c.to}`, c.services]))
      expect(between).toEqual(APPROVED)
      for (const c of cells) {
        expect(c.undecided, `${c.from} -> ${c.to}`).toEqual([])
        expect(c.status, `${c.from} -> ${c.to}`).toBe(c.services.length ? 'partial' : 'blocked')
      }
      // The management zone reaches no other zone through the firewall, nor any zone it.
      expect(cells.filter((c) => c.from === 'mgmt' || c.to === 'mgmt').every((c) => c.status === 'blocked')).toBe(true)
    })
  })

  describe(`${s.name}-violations`, () => {
    it('reports exactly the planted rules, each at its line, and exits 1', () => {
      const {status, report} = auditJson(bad)
      expect([...findings(report, `inventories/${s.name}-violations/`)].sort()).toEqual([...s.violations].sort())
      expect(status).toBe(1)
      expect(report.status).toBe('fail')
      for (const c of report.coverage) expect(c.unrecognized, c.file).toBe(0)
    })
  })
}
