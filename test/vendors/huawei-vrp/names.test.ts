import {describe, expect, it} from 'vitest'
import {huaweiVrp} from '../../../src/vendors/huawei-vrp/index.js'

describe('Huawei VRP canonicalInterfaceName', () => {
  it.each([
    ['GE0/0/1', 'GigabitEthernet0/0/1'],
    ['ge0/0/1', 'GigabitEthernet0/0/1'],
    ['GigabitEthernet 0/0/1', 'GigabitEthernet0/0/1'],
    ['gigabitethernet0/0/1', 'GigabitEthernet0/0/1'],
    ['g0/0/1', 'GigabitEthernet0/0/1'],
    ['XGE0/0/2', 'XGigabitEthernet0/0/2'],
    ['Eth0/0/3', 'Ethernet0/0/3'],
    ['Eth-Trunk10', 'Eth-Trunk10'],
    ['eth-trunk 10', 'Eth-Trunk10'],
    ['Eth-Trunk30.100', 'Eth-Trunk30.100'],
    ['meth0/0/1', 'MEth0/0/1'],
    ['VLANIF100', 'Vlanif100'],
    ['vlanif 100', 'Vlanif100'],
    ['40ge1/0/1', '40GE1/0/1'],
    ['100GE1/0/2', '100GE1/0/2'],
    ['10GE1/0/3', '10GE1/0/3'],
    ['loopback0', 'LoopBack0'],
    ['null0', 'NULL0'],
    ['GE0/0/1.100', 'GigabitEthernet0/0/1.100'],
  ])('%s → %s', (abbrev, full) => {
    expect(huaweiVrp.canonicalInterfaceName(abbrev)).toBe(full)
  })

  it('leaves names it does not know alone', () => {
    expect(huaweiVrp.canonicalInterfaceName('eth0')).toBe('eth0')
    expect(huaweiVrp.canonicalInterfaceName('Frobnicator1')).toBe('Frobnicator1')
  })
})
