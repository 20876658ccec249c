import {describe, expect, it} from 'vitest'
import {huaweiUsg} from '../../../src/vendors/huawei-usg/index.js'
import {parseFixture} from './fixture.js'

describe('huawei-usg extraction: interfaces, zones, routes', () => {
  const cfg = parseFixture('zones.cfg')

  it('reads the hostname and every line of the fixture', () => {
    expect(cfg.hostname).toBe('PORTAL-FW')
    expect(cfg.coverage.unrecognized).toEqual([])
    // prompt and `!` comment lines are not counted
    expect(cfg.coverage.lines).toBeGreaterThan(30)
  })

  it('reads v4/v6 addresses, secondary addresses, sub-interfaces and shutdown', () => {
    const ge1 = cfg.interfaces.find((i) => i.name === 'GigabitEthernet1/0/1')
    expect(ge1?.description).toBe('to-extranet')
    expect(ge1?.addresses.map((a) => `${a.address}/${a.length}`)).toEqual(['172.20.0.1/30', '2001:db8:20::1/64'])
    const ge2 = cfg.interfaces.find((i) => i.name === 'GigabitEthernet1/0/2')
    expect(ge2?.addresses.map((a) => [a.address, a.length, a.secondary])).toEqual([
      ['203.0.113.1', 24, false],
      ['203.0.113.129', 25, true],
    ])
    const sub = cfg.interfaces.find((i) => i.name === 'GigabitEthernet1/0/3.100')
    expect(sub).toMatchObject({kind: 'subinterface', vlan: 100, parent: 'GigabitEthernet1/0/3'})
    expect(cfg.interfaces.find((i) => i.name === 'GigabitEthernet1/0/4')?.shutdown).toBe(true)
    expect(ge1?.shutdown).toBe(false)
  })

  it('turns firewall zones into security zones with priorities and canonical interface names', () => {
    const byName = Object.fromEntries(cfg.securityZones.map((z) => [z.name, z]))
    expect(byName.local?.level).toBe(100)
    expect(byName.trust).toMatchObject({level: 85, interfaces: ['GigabitEthernet1/0/3.100']})
    // built-in zone without `set priority` keeps its default priority
    expect(byName.untrust).toMatchObject({level: 5, interfaces: ['GigabitEthernet1/0/1']})
    expect(byName.portal).toMatchObject({level: 60, interfaces: ['GigabitEthernet1/0/2']})
  })

  it('reads static routes with masks, lengths, VRFs, interfaces and NULL0', () => {
    const routes = cfg.staticRoutes.map((r) => ({
      p: `${r.prefix}/${r.length}`,
      nh: r.nextHop,
      out: r.outInterface,
      vrf: r.vrf,
      discard: r.discard,
    }))
    expect(routes).toEqual([
      {p: '0.0.0.0/0', nh: '172.20.0.2', out: undefined, vrf: undefined, discard: false},
      {p: '10.0.0.0/8', nh: undefined, out: 'NULL0', vrf: undefined, discard: true},
      {p: '192.168.0.0/16', nh: '10.99.0.254', out: 'GigabitEthernet1/0/3.100', vrf: 'mgmt', discard: false},
      {p: '::/0', nh: '2001:db8:20::2', out: undefined, vrf: undefined, discard: false},
    ])
  })

  it('keeps service-manage per interface but switches telnet off when the server is off', () => {
    const telnet = cfg.management.services.filter((s) => s.name === 'telnet')
    expect(telnet.map((s) => s.enabled)).toEqual([false, false])
    expect(cfg.management.services.find((s) => s.name === 'ssh')?.enabled).toBe(true)
  })

  it('canonicalizes abbreviated interface names', () => {
    expect(huaweiUsg.canonicalInterfaceName('GE1/0/1')).toBe('GigabitEthernet1/0/1')
    expect(huaweiUsg.canonicalInterfaceName('XGE0/0/1')).toBe('XGigabitEthernet0/0/1')
    expect(huaweiUsg.canonicalInterfaceName('eth-trunk 1.10')).toBe('Eth-Trunk1.10')
    expect(huaweiUsg.canonicalInterfaceName('Vlanif1500')).toBe('Vlanif1500')
    expect(huaweiUsg.canonicalInterfaceName('gigabitethernet0/0/0')).toBe('GigabitEthernet0/0/0')
    expect(huaweiUsg.canonicalInterfaceName('Virtual-if0')).toBe('Virtual-if0')
    expect(huaweiUsg.canonicalInterfaceName('Vlan10')).toBe('Vlanif10')
  })
})
