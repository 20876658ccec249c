import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {segaudit} from './cli.js'

const GOOD = 'inventories/sample-city/inventory.yaml'
const BAD = 'inventories/sample-city-violations/inventory.yaml'
const dir = mkdtempSync(path.join(os.tmpdir(), 'segaudit-reach-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

interface Cell {
  from: string
  to: string
  status: string
  services: string[]
}

describe('segaudit matrix', () => {
  it('compliant sample: the approved services between the logically isolated zones, the intranet blocked', () => {
    const r = segaudit(['matrix', GOOD, '--format', 'json'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const cells = (JSON.parse(r.stdout) as {cells: Cell[]}).cells
    const cell = (from: string, to: string) => cells.find((c) => c.from === from && c.to === to)
    expect(cell('extranet', 'portal')).toMatchObject({status: 'partial', services: ['tcp/443']})
    expect(cell('portal', 'extranet')).toMatchObject({status: 'partial', services: ['tcp/8443']})
    expect(cell('internet', 'portal')).toMatchObject({status: 'partial', services: ['tcp/80,443']})
    expect(cell('extranet', 'internet')).toMatchObject({status: 'partial', services: ['tcp/80,443']})
    expect(cell('internet', 'extranet')?.status).toBe('blocked')
    for (const c of cells.filter((x) => x.from === 'intranet' || x.to === 'intranet')) expect(c.status, `${c.from}>${c.to}`).toBe('blocked')
  })

  it('violations sample: the second Internet exit opens everything, the unparsed gateway leaves traffic undecided', () => {
    const r = segaudit(['matrix', BAD])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^extranet +-> internet +unknown/m)
    expect(r.stdout).toMatch(/^internet +-> portal +partial +tcp\/80,443 udp\/53/m)
  })
})

describe('segaudit reach', () => {
  it('--from/--to: verdict, witness and the deciding rule with file:line per hop', () => {
    const r = segaudit(['reach', GOOD, '--from', 'extranet', '--to', '203.0.113.20', '--proto', 'tcp', '--port', '443'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^OPEN/)
    expect(r.stdout).toContain('EXTRANET-IN in GigabitEthernet0/0/0 rule 70  inventories/sample-city/configs/ww-edge-1.cfg:79')
    expect(r.stdout).toContain('security-policy (global) rule publish  inventories/sample-city/configs/portal-fw-1.cfg:147')
    const blocked = segaudit(['reach', GOOD, '--from', 'portal', '--to', 'extranet', '--proto', 'tcp', '--port', '22'])
    expect(blocked.status).toBe(0)
    expect(blocked.stdout).toMatch(/^BLOCKED/)
    expect(blocked.stdout).toContain('security-policy (global) (default)  inventories/sample-city/configs/portal-fw-1.cfg:223')
  })

  it('--flows: 1,000 flows in input order, one verdict each, in one quick run', () => {
    const rows = ['src,dst,proto,dport']
    const expected: string[] = []
    const kinds: [(i: number) => string, string][] = [
      [(i) => `172.20.10.${2 + (i % 12)},203.0.113.20,tcp,443`, 'open'],
      [(i) => `172.20.10.${2 + (i % 200)},203.0.113.20,tcp,${1000 + i}`, 'blocked'],
      [(i) => `internet,203.0.113.${10 + (i % 2)},tcp,${i % 8 < 4 ? 80 : 443}`, 'open'],
      [(i) => `10.10.5.${i % 250},portal,udp,${i}`, 'blocked'],
    ]
    for (let i = 0; i < 1000; i++) {
      const [row, verdict] = kinds[i % 4] as [(i: number) => string, string]
      rows.push(row(i))
      expected.push(verdict)
    }
    const file = path.join(dir, 'flows.csv')
    writeFileSync(file, `${rows.join('\n')}\n`)
    const t = Date.now()
    const r = segaudit(['reach', GOOD, '--flows', file, '--format', 'json'])
    const ms = Date.now() - t
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const flows = (JSON.parse(r.stdout) as {flows: {src: string; dport: number; verdict: string; paths: unknown[]}[]}).flows
    expect(flows.map((f) => f.verdict)).toEqual(expected)
    expect(flows[1]?.dport).toBe(1001)
    expect(flows.filter((f) => f.verdict === 'open').every((f) => f.paths.length > 0)).toBe(true)
    expect(ms).toBeLessThan(30_000)
  })

  it('--flows as JSON lines', () => {
    const file = path.join(dir, 'flows.jsonl')
    writeFileSync(file, '{"src":"portal","dst":"172.20.5.5","proto":"tcp","dport":8443}\n{"src":"portal","dst":"172.20.5.5","proto":"tcp","dport":22}\n')
    const r = segaudit(['reach', GOOD, '--flows', file, '--format', 'json'])
    expect((JSON.parse(r.stdout) as {flows: {verdict: string}[]}).flows.map((f) => f.verdict)).toEqual(['open', 'blocked'])
  })

  it('a bad flow line is an input error with file:line:col, exit 2', () => {
    const file = path.join(dir, 'bad.csv')
    writeFileSync(file, 'src,dst,proto,dport\nextranet,portal,tcp,443\nextranet,portal,tcp,http\n')
    const r = segaudit(['reach', GOOD, '--flows', file])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`${file}:3:21: error: dport 'http' is not a port number`)
    const unknown = path.join(dir, 'unknown.csv')
    writeFileSync(unknown, 'src,dst,proto,dport\nnowhere,portal,tcp,443\n')
    const u = segaudit(['reach', GOOD, '--flows', unknown])
    expect(u.status).toBe(2)
    expect(u.stderr).toContain(`${unknown}:2:1: error: src 'nowhere' is not a zone, device, address or prefix`)
  })
})
