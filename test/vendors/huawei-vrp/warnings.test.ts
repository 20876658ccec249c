import {describe, expect, it} from 'vitest'
import {iface, parseFixture} from './helpers.js'

describe('Huawei VRP warnings', () => {
  const c = parseFixture('unrecognized.cfg')

  it('reports each unknown line with its number, text and block context', () => {
    expect(c.coverage.unrecognized.map((u) => [u.line, u.text, u.context])).toEqual([
      [26, 'frobnicate the widgets', undefined],
      [32, 'mpls l2vc 10.0.0.1 100', 'interface GigabitEthernet0/0/1'],
      [33, 'warp-drive engage', 'interface GigabitEthernet0/0/1'],
      [35, 'traffic classifier c1', undefined],
      [36, 'if-match acl 3000', 'traffic classifier c1'],
    ])
    expect(c.coverage.unrecognized.every((u) => u.file === 'fixtures/unrecognized.cfg')).toBe(true)
  })

  it('counts allowlisted housekeeping, key blocks and banners as recognized', () => {
    // 36 lines minus 12 `#`/`return` lines, 4 key lines inside the rsa block and 3 banner lines still count.
    expect(c.coverage.lines).toBe(28)
    expect(c.coverage.recognized).toBe(c.coverage.lines - 5)
  })

  it('still extracts the facts around unknown lines', () => {
    expect(iface(c, 'GigabitEthernet0/0/1').switchport).toMatchObject({mode: 'access', vlans: [10]})
  })
})

describe('Huawei VRP file framing', () => {
  const c = parseFixture('framing.cfg')

  it('survives a prompt line, CRLF, GBK text, pager residue and a trailing NUL', () => {
    expect(c.hostname).toBe('NEI-1')
    const g1 = iface(c, 'GigabitEthernet0/0/1')
    expect(g1.description).toBe('政务内网上联')
    expect(g1.switchport).toMatchObject({mode: 'access', untaggedVlan: 10, vlans: [10]})
    expect(g1.switchport?.ref.line).toBe(9)
    expect(c.coverage.unrecognized).toEqual([])
  })
})
