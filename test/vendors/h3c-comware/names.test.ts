import {describe, expect, it} from 'vitest'
import {h3cComware} from '../../../src/vendors/h3c-comware/index.js'

describe('H3C Comware canonical interface names', () => {
  it.each([
    ['GE1/0/1', 'GigabitEthernet1/0/1'],
    ['ge1/0/1', 'GigabitEthernet1/0/1'],
    ['XGE1/0/49', 'Ten-GigabitEthernet1/0/49'],
    ['FGE1/0/53', 'FortyGigE1/0/53'],
    ['HGE1/0/1', 'HundredGigE1/0/1'],
    ['BAGG1', 'Bridge-Aggregation1'],
    ['RAGG2', 'Route-Aggregation2'],
    ['Vlan-int10', 'Vlan-interface10'],
    ['vlan-interface10', 'Vlan-interface10'],
    ['MGE0/0/0', 'M-GigabitEthernet0/0/0'],
    ['Loop0', 'LoopBack0'],
    ['loopback0', 'LoopBack0'],
    ['null0', 'NULL0'],
    ['GigabitEthernet 1/0/1', 'GigabitEthernet1/0/1'],
    ['GE1/0/1.100', 'GigabitEthernet1/0/1.100'],
    ['Ten-GigabitEthernet1/0/0/1', 'Ten-GigabitEthernet1/0/0/1'],
  ])('%s → %s', (short, full) => {
    expect(h3cComware.canonicalInterfaceName(short)).toBe(full)
  })

  it('leaves unknown names alone', () => {
    expect(h3cComware.canonicalInterfaceName('Port 1')).toBe('Port 1')
    expect(h3cComware.canonicalInterfaceName('eth0')).toBe('Ethernet0')
    expect(h3cComware.canonicalInterfaceName('Wlan-Radio1/0/1')).toBe('Wlan-Radio1/0/1')
  })

  it('is idempotent', () => {
    for (const n of ['GE1/0/1', 'XGE1/0/2', 'BAGG3', 'Vlan-int4']) {
      const once = h3cComware.canonicalInterfaceName(n)
      expect(h3cComware.canonicalInterfaceName(once)).toBe(once)
    }
  })
})
