import {describe, expect, it} from 'vitest'
import {iface, parseFixture} from './helpers.js'

describe('Huawei VRP interface extraction', () => {
  const c = parseFixture('interfaces.cfg')

  it('reads the hostname with its line', () => {
    expect(c.hostname).toBe('AR-EDGE')
    expect(c.hostnameRef?.line).toBe(4)
  })

  it('classifies every interface kind', () => {
    const kinds = Object.fromEntries(c.interfaces.map((i) => [i.name, i.kind]))
    expect(kinds).toMatchObject({
      'GigabitEthernet0/0/0': 'ethernet',
      'GigabitEthernet0/0/2.100': 'subinterface',
      'Eth-Trunk1': 'aggregate',
      LoopBack0: 'loopback',
      'Tunnel0/0/1': 'tunnel',
      'MEth0/0/1': 'management',
      NULL0: 'null',
    })
  })

  it('reads description, primary and secondary addresses with their lines', () => {
    const g0 = iface(c, 'GigabitEthernet0/0/0')
    expect(g0.description).toBe('Uplink to ISP')
    expect(g0.addresses.map((a) => [a.address, a.length, a.secondary, a.ref.line])).toEqual([
      ['203.0.113.2', 30, false, 12],
      ['198.51.100.1', 24, true, 13],
    ])
    expect(g0.ref.line).toBe(10)
  })

  it('tracks shutdown and undo shutdown', () => {
    expect(iface(c, 'GigabitEthernet0/0/1').shutdown).toBe(true)
    expect(iface(c, 'GigabitEthernet0/0/2').shutdown).toBe(false)
  })

  it('keeps IPv6 global addresses and skips link-local ones', () => {
    const g2 = iface(c, 'GigabitEthernet0/0/2')
    expect(g2.addresses).toHaveLength(1)
    expect(g2.addresses[0]).toMatchObject({address: '2001:db8:0:1::1', length: 64, family: 6})
  })

  it('reads sub-interface VLAN, parent and VPN instance', () => {
    const sub = iface(c, 'GigabitEthernet0/0/2.100')
    expect(sub).toMatchObject({vlan: 100, parent: 'GigabitEthernet0/0/2', vrf: 'MGMT'})
    expect(iface(c, 'GigabitEthernet0/0/3.200')).toMatchObject({vlan: 200, parent: 'GigabitEthernet0/0/3'})
    expect(iface(c, 'GigabitEthernet0/0/3.200').addresses[0]).toMatchObject({address: '10.200.0.1', length: 24})
  })

  it('records Eth-Trunk membership and the routed trunk', () => {
    expect(iface(c, 'GigabitEthernet0/0/4').aggregate).toBe('Eth-Trunk1')
    expect(iface(c, 'GigabitEthernet0/0/5').aggregate).toBe('Eth-Trunk1')
    const trunk = iface(c, 'Eth-Trunk1')
    expect(trunk.layer).toBe('l3')
    expect(trunk.switchport).toBeUndefined()
  })

  it('leaves switchport undefined on a router-like file', () => {
    for (const i of c.interfaces) expect(i.switchport, i.name).toBeUndefined()
  })

  it('recognizes every line of the fixture', () => {
    expect(c.coverage.unrecognized).toEqual([])
    expect(c.coverage.recognized).toBe(c.coverage.lines)
  })
})
