import {describe, expect, it} from 'vitest'
import {parseFixture} from './helpers.js'

describe('Huawei VRP VLAN extraction', () => {
  const c = parseFixture('vlans.cfg')

  it('expands vlan batch ranges and adds vlan views', () => {
    expect(c.vlans.map((v) => v.id)).toEqual([10, 20, 21, 22, 4094, 30])
    expect(c.vlans.find((v) => v.id === 21)?.ref.line).toBe(4)
    expect(c.vlans.find((v) => v.id === 30)?.ref.line).toBe(10)
  })

  it('names come from name, else description', () => {
    const name = (id: number) => c.vlans.find((v) => v.id === id)?.name
    expect(name(10)).toBe('OA-Intranet')
    expect(name(20)).toBe('Portal servers')
    expect(name(30)).toBe('Extranet')
    expect(name(21)).toBeUndefined()
  })
})

describe('Huawei VRP static route extraction', () => {
  const c = parseFixture('routes.cfg')
  const routes = c.staticRoutes

  it('reads a default route', () => {
    expect(routes[0]).toMatchObject({prefix: '0.0.0.0', length: 0, family: 4, nextHop: '203.0.113.1', discard: false})
    expect(routes[0]?.ref.line).toBe(7)
  })

  it('NULL0 routes are discards', () => {
    expect(routes[1]).toMatchObject({prefix: '10.0.0.0', length: 8, outInterface: 'NULL0', discard: true})
  })

  it('reads interface, next hop, prefix length and skips preference/tag/description', () => {
    expect(routes[2]).toMatchObject({prefix: '10.20.0.0', length: 16, outInterface: 'GigabitEthernet0/0/0', nextHop: '203.0.113.1'})
  })

  it('normalizes the destination to its network', () => {
    expect(routes[3]).toMatchObject({prefix: '172.16.5.0', length: 24, nextHop: '10.1.1.2'})
  })

  it('keeps the VPN instance', () => {
    expect(routes[4]).toMatchObject({prefix: '192.168.0.0', length: 16, vrf: 'MGMT', nextHop: '10.100.0.254'})
  })

  it('reads IPv6 static routes', () => {
    expect(routes[5]).toMatchObject({prefix: '::', length: 0, family: 6, nextHop: '2001:db8::1'})
    expect(routes[6]).toMatchObject({prefix: '2001:db8:100::', length: 48, family: 6, discard: true})
  })

  it('records a route with an unknown option and reports the line', () => {
    expect(routes[7]).toMatchObject({prefix: '10.30.0.0', length: 16, nextHop: '10.1.1.3'})
    expect(routes).toHaveLength(8)
    expect(c.coverage.unrecognized).toEqual([
      expect.objectContaining({line: 15, reason: 'unsupported option frobnicate'}),
    ])
  })
})
