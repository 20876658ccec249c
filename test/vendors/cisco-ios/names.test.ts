import {describe, expect, it} from 'vitest'
import {ciscoIos} from '../../../src/vendors/cisco-ios/index.js'

const canon = ciscoIos.canonicalInterfaceName

describe('cisco-ios interface names', () => {
  it.each([
    ['Gi0/1', 'GigabitEthernet0/1'],
    ['gi1/0/1.100', 'GigabitEthernet1/0/1.100'],
    ['Gig 1/0/1', 'GigabitEthernet1/0/1'],
    ['Fa0/1', 'FastEthernet0/1'],
    ['Fas 0/0', 'FastEthernet0/0'],
    ['Te1/1/1', 'TenGigabitEthernet1/1/1'],
    ['Ten 1/1/3', 'TenGigabitEthernet1/1/3'],
    ['Eth1/1', 'Ethernet1/1'],
    ['E0/0', 'Ethernet0/0'],
    ['Po1', 'Port-channel1'],
    ['port-channel10', 'Port-channel10'],
    ['Vl10', 'Vlan10'],
    ['vlan99', 'Vlan99'],
    ['Lo0', 'Loopback0'],
    ['Tu0', 'Tunnel0'],
    ['Hu1/0/49', 'HundredGigE1/0/49'],
    ['Fo1/1/1', 'FortyGigabitEthernet1/1/1'],
    ['Twe1/0/1', 'TwentyFiveGigE1/0/1'],
    ['Tw2/0/33', 'TwoGigabitEthernet2/0/33'],
    ['Nu0', 'Null0'],
    ['GigabitEthernet0/0/0', 'GigabitEthernet0/0/0'],
  ])('%s → %s', (short, full) => {
    expect(canon(short)).toBe(full)
  })

  it('joins split names and leaves unknown ones alone', () => {
    expect(canon('eth0')).toBe('Ethernet0')
    expect(canon('Port-channel 5')).toBe('Port-channel5')
    expect(canon('xyzzy')).toBe('xyzzy')
  })
})
