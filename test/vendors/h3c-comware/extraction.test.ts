import {describe, expect, it} from 'vitest'
import {iface, lineOf, parseFixture} from './helpers.js'

describe('H3C Comware switch extraction', () => {
  const c = parseFixture('switch-l2.cfg')

  it('reads the sysname with its line, skipping the prompt', () => {
    expect(c.vendor).toBe('h3c-comware')
    expect(c.hostname).toBe('SW-CORE-1')
    expect(c.hostnameRef?.line).toBe(lineOf('switch-l2.cfg', 'sysname'))
  })

  it('classifies interface kinds', () => {
    const kinds = Object.fromEntries(c.interfaces.map((i) => [i.name, i.kind]))
    expect(kinds).toMatchObject({
      NULL0: 'null',
      LoopBack0: 'loopback',
      'Vlan-interface10': 'svi',
      'Bridge-Aggregation1': 'aggregate',
      'GigabitEthernet1/0/1': 'ethernet',
      'Ten-GigabitEthernet1/0/49': 'ethernet',
      'M-GigabitEthernet0/0/0': 'management',
    })
  })

  it('reads addresses, secondary addresses, IPv6 and VRF binding', () => {
    const svi = iface(c, 'Vlan-interface10')
    expect(svi.vlan).toBe(10)
    expect(svi.description).toBe('office gateway')
    expect(svi.addresses.map((a) => [a.address, a.length, a.family, a.secondary])).toEqual([
      ['10.10.10.1', 24, 4, false],
      ['10.10.11.1', 24, 4, true],
      ['2001:db8:10::1', 64, 6, false],
    ])
    expect(svi.addresses[1]?.ref.line).toBe(lineOf('switch-l2.cfg', '10.10.11.1 24 sub'))
    const servers = iface(c, 'Vlan-interface30')
    expect(servers.vrf).toBe('servers')
    expect(servers.shutdown).toBe(true)
    expect(iface(c, 'M-GigabitEthernet0/0/0').vrf).toBe('mgmt')
  })

  it('access port: VLAN from port access vlan, with its line', () => {
    const sp = iface(c, 'GigabitEthernet1/0/1').switchport
    expect(sp).toMatchObject({mode: 'access', untaggedVlan: 10, vlans: [10]})
    expect(sp?.vlanRefs[0]?.line).toBe(lineOf('switch-l2.cfg', 'port access vlan 10'))
  })

  it('trunk: permit lines accumulate, undo removes, default VLAN 1 removable', () => {
    const sp = iface(c, 'GigabitEthernet1/0/2').switchport
    expect(sp).toMatchObject({mode: 'trunk', untaggedVlan: 10, vlans: [10, 30]})
    expect(sp?.ref.line).toBe(lineOf('switch-l2.cfg', 'interface GigabitEthernet1/0/2') + 2)
    expect(sp?.vlanRefs).toHaveLength(5)
  })

  it('trunk permit vlan all carries 1-4094 with PVID 1 untagged', () => {
    const sp = iface(c, 'GigabitEthernet1/0/3').switchport
    expect(sp?.vlans).toHaveLength(4094)
    expect(sp?.untaggedVlan).toBe(1)
  })

  it('trunk without permit lines still carries VLAN 1 (Comware default)', () => {
    const sp = iface(c, 'Ten-GigabitEthernet1/0/49').switchport
    expect(sp).toMatchObject({mode: 'trunk', vlans: [1, 30], untaggedVlan: 1})
  })

  it('hybrid: tagged/untagged lists over the default VLAN 1 untagged, pvid', () => {
    const sp = iface(c, 'GigabitEthernet1/0/4').switchport
    expect(sp).toMatchObject({mode: 'hybrid', untaggedVlan: 30, vlans: [1, 10, 20, 30]})
  })

  it('unconfigured bridge port on a switch is access VLAN 1', () => {
    const p = iface(c, 'GigabitEthernet1/0/5')
    expect(p.switchport).toMatchObject({mode: 'access', untaggedVlan: 1, vlans: [1]})
    expect(p.switchport?.ref.line).toBe(lineOf('switch-l2.cfg', 'interface GigabitEthernet1/0/5'))
  })

  it('route-mode port is layer 3 without a switchport', () => {
    const p = iface(c, 'GigabitEthernet1/0/6')
    expect(p.switchport).toBeUndefined()
    expect(p.layer).toBe('l3')
    expect(p.addresses[0]).toMatchObject({address: '192.0.2.1', length: 30})
  })

  it('aggregation members and the aggregate trunk', () => {
    expect(iface(c, 'GigabitEthernet1/0/7').aggregate).toBe('Bridge-Aggregation1')
    expect(iface(c, 'Bridge-Aggregation1').switchport).toMatchObject({mode: 'trunk', vlans: [1, 10, 20, 21, 22]})
  })

  it('shutdown then undo shutdown leaves the port up; irrelevant lines are recognized', () => {
    expect(iface(c, 'GigabitEthernet1/0/8').shutdown).toBe(false)
    expect(c.coverage.unrecognized).toEqual([])
  })

  it('VLANs: single, ranges, names', () => {
    expect(c.vlans.map((v) => v.id)).toEqual([1, 10, 20, 21, 22, 30])
    expect(c.vlans.find((v) => v.id === 10)?.name).toBe('OFFICE')
    expect(c.vlans.find((v) => v.id === 30)?.name).toBe('SERVERS')
    expect(c.vlans.find((v) => v.id === 21)?.ref.line).toBe(lineOf('switch-l2.cfg', 'vlan 20 to 22'))
  })
})

describe('H3C Comware router extraction', () => {
  const c = parseFixture('router.cfg')

  it('unconfigured ethernet on a router has no switchport', () => {
    expect(iface(c, 'GigabitEthernet0/2').switchport).toBeUndefined()
    expect(iface(c, 'GigabitEthernet0/0').switchport).toBeUndefined()
  })

  it('IPv6 address written with a separate length', () => {
    expect(iface(c, 'GigabitEthernet0/1').addresses.find((a) => a.family === 6)).toMatchObject({address: '2001:db8:20::1', length: 64})
  })

  it('sub-interface: parent, dot1q VLAN, VRF', () => {
    const sub = iface(c, 'GigabitEthernet0/1.100')
    expect(sub).toMatchObject({kind: 'subinterface', parent: 'GigabitEthernet0/1', vlan: 100, vrf: 'extranet'})
  })

  it('routed aggregation member points at the Route-Aggregation', () => {
    expect(iface(c, 'GigabitEthernet0/3').aggregate).toBe('Route-Aggregation1')
  })

  it('static routes: next hop, NULL0 discard, interface + next hop, VRF, IPv6', () => {
    const r = c.staticRoutes
    expect(r).toHaveLength(5)
    expect(r[0]).toMatchObject({prefix: '0.0.0.0', length: 0, nextHop: '203.0.113.1', discard: false})
    expect(r[1]).toMatchObject({prefix: '10.0.0.0', length: 8, outInterface: 'NULL0', discard: true})
    expect(r[2]).toMatchObject({prefix: '172.22.0.0', length: 16, outInterface: 'GigabitEthernet0/1', nextHop: '172.20.0.254'})
    expect(r[3]).toMatchObject({prefix: '172.30.0.0', length: 16, vrf: 'extranet', nextHop: '172.21.100.254'})
    expect(r[4]).toMatchObject({prefix: '::', length: 0, family: 6, nextHop: '2001:db8:20::fe'})
    expect(r[1]?.ref.line).toBe(lineOf('router.cfg', 'NULL0') + 0)
  })

  it('a static route it cannot read is reported, not guessed', () => {
    const bad = c.coverage.unrecognized.find((u) => u.text.includes('bogus-hop'))
    expect(bad).toMatchObject({line: lineOf('router.cfg', 'bogus-hop'), reason: 'static route not understood'})
    expect(c.coverage.unrecognized).toHaveLength(1)
  })
})

describe('H3C Comware 5 export with CRLF, GBK, NUL and pager residue', () => {
  const c = parseFixture('comware5-pager.cfg')

  it('decodes GBK descriptions', () => {
    expect(iface(c, 'Ethernet1/0/1').description).toBe('财务室')
  })

  it('pager residue neither breaks views nor shifts line numbers', () => {
    expect(iface(c, 'Ethernet1/0/1').switchport).toMatchObject({mode: 'access', vlans: [100]})
    const trunk = iface(c, 'Ethernet1/0/2').switchport
    expect(trunk?.mode).toBe('trunk')
    expect(trunk?.ref.line).toBe(lineOf('comware5-pager.cfg', 'port link-type trunk'))
    expect(trunk?.vlans).toHaveLength(4094)
    expect(c.management.services.find((s) => s.name === 'http')).toMatchObject({enabled: false, ref: {line: lineOf('comware5-pager.cfg', 'undo ip http enable')}})
  })

  it('an unconfigured port of a switch defaults to access VLAN 1', () => {
    expect(iface(c, 'GigabitEthernet1/1/1').switchport).toMatchObject({mode: 'access', vlans: [1]})
  })

  it('recognizes every line and does not count prompts or separators', () => {
    expect(c.coverage.unrecognized).toEqual([])
    expect(c.coverage.lines).toBe(c.coverage.recognized)
    expect(c.coverage.lines).toBeGreaterThan(30)
    expect(c.coverage.lines).toBeLessThan(45)
  })
})
