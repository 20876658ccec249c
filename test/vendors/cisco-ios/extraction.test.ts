import {describe, expect, it} from 'vitest'
import {iface, parseFixture, range} from './helpers.js'

describe('cisco-ios extraction: file framing', () => {
  const cfg = parseFixture('basics.cfg')

  it('reads the hostname with its line', () => {
    expect(cfg.hostname).toBe('core-sw1')
    expect(cfg.hostnameRef).toMatchObject({file: 'basics.cfg', line: 11})
  })

  it('skips prompt, preamble, banners, pager residue, certificate hex and end', () => {
    expect(cfg.coverage.unrecognized).toEqual([])
    // version, service, hostname, banner motd, banner login, logging, crypto chain header, interface + 2
    expect(cfg.coverage.lines).toBe(10)
    expect(cfg.interfaces.map((i) => i.name)).toEqual(['GigabitEthernet0/1'])
  })

  it('numbers lines as in the CRLF file', () => {
    const gi = iface(cfg, 'GigabitEthernet0/1')
    expect(gi.ref.line).toBe(27)
    expect(gi.addresses[0]).toMatchObject({address: '10.0.0.1', length: 24, ref: {line: 29}})
    expect(gi.description).toBe('uplink')
  })
})

describe('cisco-ios extraction: switch ports', () => {
  const cfg = parseFixture('switch.cfg')

  it('collects VLAN definitions with names and ranges', () => {
    expect(cfg.vlans.map((v) => v.id)).toEqual([10, 20, 30, 31, 32, 99])
    expect(cfg.vlans.find((v) => v.id === 10)).toMatchObject({name: 'OFFICE', ref: {line: 3}})
    expect(cfg.vlans.find((v) => v.id === 31)?.name).toBeUndefined()
  })

  it('access port with a voice VLAN carries both', () => {
    const sp = iface(cfg, 'GigabitEthernet1/0/1').switchport
    expect(sp).toMatchObject({mode: 'access', untaggedVlan: 10, vlans: [10, 20], ref: {line: 18}})
    expect(sp?.vlanRefs.map((r) => r.line)).toEqual([17, 19])
  })

  it('an untouched port on a switch is DTP dynamic, access VLAN 1, and may trunk everything', () => {
    const gi = iface(cfg, 'GigabitEthernet1/0/2')
    expect(gi.layer).toBe('l2')
    expect(gi.switchport).toMatchObject({mode: 'dynamic', untaggedVlan: 1, ref: {line: 22}})
    expect(gi.switchport?.vlans).toEqual(range(1, 4094))
  })

  it('applies allowed-VLAN add/remove in order and the native VLAN', () => {
    expect(iface(cfg, 'GigabitEthernet1/0/3').switchport).toMatchObject({mode: 'trunk', untaggedVlan: 99, vlans: [10, 20, 22, 30]})
  })

  it('a trunk without a list allows 1-4094 with native VLAN 1', () => {
    const sp = iface(cfg, 'GigabitEthernet1/0/4').switchport
    expect(sp?.untaggedVlan).toBe(1)
    expect(sp?.vlans).toEqual(range(1, 4094))
  })

  it('understands except and none', () => {
    expect(iface(cfg, 'GigabitEthernet1/0/5').switchport?.vlans).toEqual(range(10, 4094))
    expect(iface(cfg, 'GigabitEthernet1/0/6').switchport?.vlans).toEqual([])
  })

  it('nonegotiate keeps a dynamic port on its access VLAN', () => {
    expect(iface(cfg, 'GigabitEthernet1/0/7').switchport).toMatchObject({mode: 'dynamic', untaggedVlan: 30, vlans: [30]})
  })

  it('no switchport makes a routed port', () => {
    const gi = iface(cfg, 'GigabitEthernet1/0/8')
    expect(gi.layer).toBe('l3')
    expect(gi.switchport).toBeUndefined()
    expect(gi.addresses[0]).toMatchObject({address: '192.0.2.1', length: 30})
  })

  it('dot1q-tunnel ports carry their access VLAN', () => {
    expect(iface(cfg, 'GigabitEthernet1/0/9').switchport).toMatchObject({mode: 'dot1q-tunnel', untaggedVlan: 31, vlans: [31]})
  })

  it('records channel-group membership and the aggregate trunk', () => {
    expect(iface(cfg, 'GigabitEthernet1/0/10').aggregate).toBe('Port-channel1')
    const po = iface(cfg, 'Port-channel1')
    expect(po.kind).toBe('aggregate')
    expect(po.switchport).toMatchObject({mode: 'trunk', vlans: [10, 20]})
  })

  it('access VLAN without a mode stays dynamic but keeps the access VLAN untagged', () => {
    const sp = iface(cfg, 'GigabitEthernet1/0/11').switchport
    expect(sp?.mode).toBe('dynamic')
    expect(sp?.untaggedVlan).toBe(32)
    expect(sp?.vlans).toContain(32)
  })

  it('SVIs carry their VLAN; the Mgmt-vrf port is management, not a switch port', () => {
    expect(iface(cfg, 'Vlan10')).toMatchObject({kind: 'svi', vlan: 10, addresses: [{address: '10.10.10.1', length: 24}]})
    const mgmt = iface(cfg, 'GigabitEthernet0/0')
    expect(mgmt).toMatchObject({kind: 'management', vrf: 'Mgmt-vrf'})
    expect(mgmt.switchport).toBeUndefined()
  })

  it('understands every line of the fixture', () => {
    expect(cfg.coverage.unrecognized).toEqual([])
  })
})

describe('cisco-ios extraction: routed interfaces', () => {
  const cfg = parseFixture('router.cfg')

  it('leaves switchport undefined on a router', () => {
    for (const i of cfg.interfaces) expect(i.switchport).toBeUndefined()
  })

  it('primary and secondary IPv4 plus global IPv6; link-local is not an address of the subnet', () => {
    const gi = iface(cfg, 'GigabitEthernet0/0')
    expect(gi.addresses.map((a) => [a.address, a.length, a.family, a.secondary])).toEqual([
      ['203.0.113.2', 30, 4, false],
      ['203.0.113.9', 29, 4, true],
      ['2001:db8:0:1::2', 64, 6, false],
    ])
    expect(gi.shutdown).toBe(false)
    expect(gi.description).toBe('WAN')
  })

  it('shutdown, kinds, sub-interfaces with dot1Q and VRF', () => {
    expect(iface(cfg, 'GigabitEthernet0/1').shutdown).toBe(true)
    expect(iface(cfg, 'GigabitEthernet0/1.100')).toMatchObject({kind: 'subinterface', parent: 'GigabitEthernet0/1', vlan: 100, vrf: 'OFFICE'})
    expect(iface(cfg, 'GigabitEthernet0/1.1')).toMatchObject({kind: 'subinterface', vlan: 1})
    expect(iface(cfg, 'Loopback0').kind).toBe('loopback')
    expect(iface(cfg, 'Tunnel0').kind).toBe('tunnel')
    expect(iface(cfg, 'Null0').kind).toBe('null')
    expect(iface(cfg, 'GigabitEthernet0/2').addresses).toEqual([])
    expect(cfg.coverage.unrecognized).toEqual([])
  })
})

describe('cisco-ios extraction: static routes', () => {
  const cfg = parseFixture('routes.cfg')
  const routes = cfg.staticRoutes

  it('parses next hops, interfaces, VRFs, discard routes and options', () => {
    expect(routes.map((r) => [r.prefix, r.length, r.nextHop, r.outInterface, r.vrf, r.discard])).toEqual([
      ['0.0.0.0', 0, '203.0.113.1', undefined, undefined, false],
      ['10.0.0.0', 8, undefined, undefined, undefined, true],
      ['10.20.0.0', 16, '10.1.1.2', 'GigabitEthernet0/1', undefined, false],
      ['172.16.0.0', 12, undefined, 'GigabitEthernet0/2', 'OFFICE', false],
      ['192.0.2.0', 24, '10.1.1.9', undefined, undefined, false],
      ['::', 0, '2001:db8:0:1::1', undefined, undefined, false],
      ['2001:db8:99::', 48, undefined, undefined, undefined, true],
    ])
    expect(routes[5]?.family).toBe(6)
    expect(routes[2]?.ref.line).toBe(5)
  })

  it('reports a route it cannot read instead of guessing', () => {
    expect(cfg.coverage.unrecognized).toMatchObject([{line: 10, text: 'ip route 10.30.0.0 255.255.0.0 bogus-hop'}])
  })
})
