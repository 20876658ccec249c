import {describe, expect, it} from 'vitest'
import {iface, parseFixture} from './helpers.js'

describe('Huawei VRP effective switch ports', () => {
  const c = parseFixture('switchports.cfg')
  const sp = (name: string) => iface(c, name).switchport

  it('access port in its default VLAN', () => {
    expect(sp('GigabitEthernet0/0/1')).toMatchObject({mode: 'access', untaggedVlan: 10, vlans: [10]})
    expect(sp('GigabitEthernet0/0/1')?.ref.line).toBe(11)
    expect(sp('GigabitEthernet0/0/1')?.vlanRefs.map((r) => r.line)).toEqual([12])
    expect(iface(c, 'GigabitEthernet0/0/1').layer).toBe('l2')
  })

  it('trunk allow-pass lines accumulate and keep VLAN 1 by default', () => {
    expect(sp('GigabitEthernet0/0/2')).toMatchObject({mode: 'trunk', untaggedVlan: 1, vlans: [1, 10, 20, 30, 31, 32]})
    expect(sp('GigabitEthernet0/0/2')?.vlanRefs.map((r) => r.line)).toEqual([16, 17])
  })

  it('undo port trunk allow-pass vlan 1 removes the default VLAN; pvid sets the untagged VLAN', () => {
    expect(sp('GigabitEthernet0/0/3')).toMatchObject({mode: 'trunk', untaggedVlan: 100, vlans: [100]})
  })

  it('allow-pass vlan all carries every VLAN', () => {
    const all = sp('GigabitEthernet0/0/4')
    expect(all?.vlans).toHaveLength(4094)
    expect(all?.vlans[0]).toBe(1)
    expect(all?.vlans.at(-1)).toBe(4094)
  })

  it('hybrid port: pvid, untagged and tagged VLANs, default VLAN 1 untagged', () => {
    expect(sp('GigabitEthernet0/0/5')).toMatchObject({mode: 'hybrid', untaggedVlan: 20, vlans: [1, 10, 20, 30]})
  })

  it('undo port hybrid vlan 1 removes VLAN 1', () => {
    const p = sp('GigabitEthernet0/0/6')
    expect(p).toMatchObject({mode: 'hybrid', vlans: [10]})
    expect(p?.untaggedVlan).toBeUndefined()
  })

  it('a bare Ethernet port on a switch is hybrid, untagged VLAN 1, ref at the header', () => {
    expect(sp('GigabitEthernet0/0/7')).toMatchObject({mode: 'hybrid', untaggedVlan: 1, vlans: [1]})
    expect(sp('GigabitEthernet0/0/7')?.ref.line).toBe(iface(c, 'GigabitEthernet0/0/7').ref.line)
  })

  it('dot1q-tunnel port sits in its default VLAN', () => {
    expect(sp('GigabitEthernet0/0/8')).toMatchObject({mode: 'dot1q-tunnel', untaggedVlan: 31, vlans: [31]})
  })

  it('undo portswitch makes a routed port', () => {
    const g9 = iface(c, 'GigabitEthernet0/0/9')
    expect(g9.switchport).toBeUndefined()
    expect(g9.layer).toBe('l3')
    expect(g9.addresses[0]?.address).toBe('10.9.9.1')
  })

  it('undo port trunk allow-pass removes a VLAN added earlier', () => {
    expect(sp('GigabitEthernet0/0/10')?.vlans).toEqual([1, 10])
  })

  it('Eth-Trunk carries the VLANs; members point at it and have no own switch port', () => {
    expect(sp('Eth-Trunk2')).toMatchObject({mode: 'trunk', vlans: [1, 10]})
    expect(iface(c, 'GigabitEthernet0/0/11')).toMatchObject({aggregate: 'Eth-Trunk2'})
    expect(sp('GigabitEthernet0/0/11')).toBeUndefined()
  })

  it('SVIs carry their VLAN and no switch port', () => {
    expect(iface(c, 'Vlanif100')).toMatchObject({kind: 'svi', vlan: 100})
    expect(sp('Vlanif100')).toBeUndefined()
  })

  it('recognizes every line', () => {
    expect(c.coverage.unrecognized).toEqual([])
  })
})
