import {describe, expect, it} from 'vitest'
import {lineOf, parseFixture} from './helpers.js'

describe('H3C Comware coverage warnings', () => {
  const c = parseFixture('warnings.cfg')
  const byLine = (needle: string) => c.coverage.unrecognized.find((u) => u.line === lineOf('warnings.cfg', needle))

  it('unknown system command: reported with its line and no context', () => {
    const w = byLine('frobnicate the widgets')
    expect(w).toMatchObject({file: 'fixtures/warnings.cfg', text: 'frobnicate the widgets', reason: 'unrecognized command'})
    expect(w?.context).toBeUndefined()
  })

  it('unknown interface command: reported with the interface as context', () => {
    expect(byLine('unknown-interface-knob')).toMatchObject({text: 'unknown-interface-knob on', context: 'interface GigabitEthernet1/0/1'})
  })

  it('unknown view: header and every line inside it are reported', () => {
    expect(byLine('mystery-view alpha')?.reason).toBe('unrecognized configuration view')
    expect(byLine('inner setting one')).toMatchObject({context: 'mystery-view alpha', reason: 'inside an unrecognized view'})
    expect(byLine('inner setting two')?.context).toBe('mystery-view alpha')
  })

  it('a bad static route is reported', () => {
    expect(byLine('nowhere-at-all')?.reason).toBe('static route not understood')
  })

  it('key blocks and banners are recognized and never reported', () => {
    const texts = c.coverage.unrecognized.map((u) => u.text).join('\n')
    expect(texts).not.toMatch(/30819F30|DEADBEEF|banner prose/)
    expect(c.coverage.unrecognized).toHaveLength(6)
  })

  it('counts: the known lines are still extracted', () => {
    expect(c.hostname).toBe('WARN-1')
    expect(c.interfaces[0]?.switchport?.vlans).toEqual([10])
    expect(c.coverage.recognized).toBe(c.coverage.lines - 6)
  })
})
