import {readFileSync, readdirSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {DeviceConfig, NeighborTable} from '../../../src/model/index.js'
import {h3cComware} from '../../../src/vendors/h3c-comware/index.js'
import {fixturePath} from './helpers.js'

const fixtureLines = readdirSync(fixturePath(''))
  .flatMap((f) => readFileSync(fixturePath(f), 'latin1').split(/\r?\n/))
  .filter((l) => l.trim() !== '')

function wellFormedConfig(c: DeviceConfig, totalLines: number): void {
  expect(c.vendor).toBe('h3c-comware')
  expect(c.coverage.recognized).toBe(c.coverage.lines - c.coverage.unrecognized.length)
  expect(c.coverage.recognized).toBeGreaterThanOrEqual(0)
  expect(c.coverage.lines).toBeLessThanOrEqual(totalLines)
  for (const i of c.interfaces) {
    expect(i.name.length).toBeGreaterThan(0)
    expect(i.ref.line).toBeGreaterThanOrEqual(1)
    for (const a of i.addresses) expect(a.length).toBeLessThanOrEqual(a.family === 4 ? 32 : 128)
    for (const v of i.switchport?.vlans ?? []) expect(v >= 1 && v <= 4094).toBe(true)
    const vlans = i.switchport?.vlans ?? []
    expect([...vlans].sort((x, y) => x - y)).toEqual(vlans)
  }
  for (const f of c.filters) for (const r of f.rules) expect(['permit', 'deny', 'unknown']).toContain(r.action)
  for (const u of c.coverage.unrecognized) expect(u.line >= 1 && u.line <= totalLines).toBe(true)
  expect(() => JSON.stringify(c)).not.toThrow()
}

function wellFormedNeighbors(t: NeighborTable, totalLines: number): void {
  expect(t.protocol).toBe('lldp')
  expect(t.coverage.recognized).toBe(t.coverage.lines - t.coverage.unrecognized.length)
  for (const n of t.neighbors) {
    expect(typeof n.localInterface).toBe('string')
    expect(n.ref.line >= 1 && n.ref.line <= totalLines).toBe(true)
  }
}

const countLines = (s: string): number => s.split(/\r\n|\n|\r/).length

/** Config-shaped text: real fixture lines, shuffled, cut, re-indented, with noise. */
const configText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...fixtureLines),
      fc.constantFrom(...fixtureLines).map((l) => ' '.repeat(16) + l.trim()),
      fc.constantFrom(...fixtureLines).chain((l) => fc.nat(l.length).map((n) => l.slice(0, n))),
      fc.constantFrom('#', 'return', '  ---- More ----\x1b[16D                \x1b[16D', '\0', 'header motd %', 'public-key-code begin'),
      fc.string({maxLength: 40}),
    ),
    {maxLength: 60},
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)))

describe('H3C Comware parsers never throw', () => {
  it('parseConfig on mutated configs', () => {
    fc.assert(
      fc.property(configText, (text) => {
        wellFormedConfig(h3cComware.parseConfig(text, 'p.cfg'), countLines(text))
      }),
      {numRuns: 300},
    )
  })

  it('parseConfig on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 400}), (bytes) => {
        const c = h3cComware.parseConfig(bytes, 'b.cfg')
        expect(c.coverage.recognized).toBe(c.coverage.lines - c.coverage.unrecognized.length)
      }),
      {numRuns: 200},
    )
  })

  it('parseNeighbors on mutated neighbor output and on config text', () => {
    fc.assert(
      fc.property(configText, (text) => {
        const parse = h3cComware.parseNeighbors
        if (!parse) throw new Error('no neighbor parser')
        wellFormedNeighbors(parse(text, 'n.txt'), countLines(text))
      }),
      {numRuns: 300},
    )
  })

  it('canonicalInterfaceName is total and idempotent', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 30}), (s) => {
        const once = h3cComware.canonicalInterfaceName(s)
        expect(h3cComware.canonicalInterfaceName(once)).toBe(once)
      }),
    )
  })
})
