import {describe, expect, it} from 'vitest'
import {ciscoIos} from '../../../src/vendors/cisco-ios/index.js'
import {parseFixture} from './helpers.js'

function parseFixtureText(text: string) {
  return ciscoIos.parseConfig(text, 'inline.cfg')
}

describe('cisco-ios warnings', () => {
  const cfg = parseFixture('unrecognized.cfg')
  const byLine = new Map(cfg.coverage.unrecognized.map((u) => [u.line, u]))

  it('reports each line it does not understand with line, text, reason and block context', () => {
    expect([...byLine.keys()]).toEqual([5, 6, 8, 9, 10, 11])
    expect(byLine.get(5)).toMatchObject({text: 'ip nat inside', reason: 'NAT is not modelled', context: 'interface GigabitEthernet0/0'})
    expect(byLine.get(6)).toMatchObject({text: 'frobnicate widgets', context: 'interface GigabitEthernet0/0'})
    expect(byLine.get(8)?.reason).toMatch(/zone-based firewall/)
    expect(byLine.get(9)).toMatchObject({text: 'frobnicate globally', file: 'unrecognized.cfg'})
    expect(byLine.get(9)?.context).toBeUndefined()
    expect(byLine.get(10)).toMatchObject({text: 'orphan child line', context: 'frobnicate globally'})
    expect(byLine.get(11)?.reason).toMatch(/without next hop/)
  })

  it('counts allowlisted commands as recognized, including whole routing blocks', () => {
    expect(cfg.coverage.lines).toBe(12)
    expect(cfg.coverage.recognized).toBe(6)
    // the interface address is still extracted next to the unsupported line
    expect(cfg.interfaces[0]?.addresses[0]?.address).toBe('10.0.0.1')
  })

  it('an unterminated banner is reported, not allowed to swallow the file', () => {
    const text = 'hostname b1\nbanner motd ^C\nhello\ninterface Loopback0\n ip address 10.0.0.1 255.255.255.255\n'
    const out = parseFixtureText(text)
    expect(out.coverage.unrecognized.map((u) => u.line)).toContain(2)
    expect(out.interfaces.map((i) => i.name)).toEqual(['Loopback0'])
  })

  it('a single-line banner with a custom delimiter is skipped', () => {
    const out = parseFixtureText('banner motd %keep out%\nhostname b2\n')
    expect(out.hostname).toBe('b2')
    expect(out.coverage.unrecognized).toEqual([])
  })

  it('lines of other show commands in a session transcript are not configuration', () => {
    const text = 'sw#show version\nCisco IOS Software, Version 15.2\nsw#show running-config\nhostname sw\nend\nsw#show clock\n*10:00:00 UTC\n'
    const out = parseFixtureText(text)
    expect(out.hostname).toBe('sw')
    expect(out.coverage).toMatchObject({lines: 1, recognized: 1, unrecognized: []})
  })
})
