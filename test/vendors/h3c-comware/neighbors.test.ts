import {describe, expect, it} from 'vitest'
import {h3cComware} from '../../../src/vendors/h3c-comware/index.js'
import {lineOf, parseNeighborFixture} from './helpers.js'

describe('H3C Comware LLDP neighbor parser', () => {
  it('Comware 7 list: legend skipped, columns from the header, wrapped names joined, "-" is no name', () => {
    const t = parseNeighborFixture('lldp-list-cw7.txt')
    expect(t).toMatchObject({vendor: 'h3c-comware', protocol: 'lldp'})
    expect(t.neighbors.map((n) => [n.localInterface, n.remoteName, n.remoteChassisId, n.remoteInterface])).toEqual([
      ['GigabitEthernet1/0/1', 'SW-ACC-1', '3891-d5a0-0101', 'GigabitEthernet1/0/24'],
      ['Ten-GigabitEthernet1/0/49', 'SW-ACC-2-LONGNAME.example.org', '3891-d5a0-0202', 'Ten-GigabitEthernet1/0/50'],
      ['Bridge-Aggregation1', undefined, '3891-d5a0-0303', 'Port 7'],
    ])
    expect(t.neighbors[0]?.ref.line).toBe(lineOf('lldp-list-cw7.txt', 'SW-ACC-1'))
    expect(t.coverage.unrecognized).toEqual([])
  })

  it('Comware 5 list with the system name last', () => {
    const t = parseNeighborFixture('lldp-list-cw5.txt')
    expect(t.neighbors.map((n) => [n.localInterface, n.remoteName, n.remoteInterface])).toEqual([
      ['GigabitEthernet1/0/1', 'H3C-A', 'GigabitEthernet1/0/2'],
      ['Ethernet1/0/24', 'H3C-B', 'Ethernet1/0/1'],
    ])
  })

  it('Comware 5 detail output: chassis, port, name, management address, platform', () => {
    const t = parseNeighborFixture('lldp-verbose-cw5.txt')
    expect(t.neighbors).toHaveLength(2)
    expect(t.neighbors[0]).toMatchObject({
      localInterface: 'GigabitEthernet1/0/1',
      remoteChassisId: '000f-e200-00aa',
      remoteInterface: 'GigabitEthernet1/0/48',
      remoteName: 'CORE-SW',
      remoteMgmtAddress: '10.0.0.254',
      remotePlatform: 'H3C Comware Platform Software',
    })
    expect(t.neighbors[0]?.ref.line).toBe(lineOf('lldp-verbose-cw5.txt', 'port 1[GigabitEthernet1/0/1]'))
    expect(t.neighbors[1]).toMatchObject({localInterface: 'GigabitEthernet1/0/2', remoteName: 'printer-3f', remoteInterface: '000f-e200-00bc'})
    expect(t.neighbors[1]?.remoteMgmtAddress).toBeUndefined()
    expect(t.coverage.unrecognized).toEqual([])
  })

  it('reports lines it does not understand instead of dropping them silently', () => {
    const text = 'some random banner\nLLDP neighbor-information of port 1[GE1/0/1]:\n  Port ID : Gi0/1\n  this is odd\n'
    const r = h3cComware.parseNeighbors?.(text, 'x.txt')
    expect(r?.neighbors).toMatchObject([{localInterface: 'GigabitEthernet1/0/1', remoteInterface: 'Gi0/1'}])
    expect(r?.coverage.unrecognized.map((u) => [u.line, u.text])).toEqual([
      [1, 'some random banner'],
      [4, 'this is odd'],
    ])
    expect(r?.coverage.lines).toBe(4)
  })
})
