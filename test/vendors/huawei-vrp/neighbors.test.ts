import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {huaweiVrp} from '../../../src/vendors/huawei-vrp/index.js'
import {corpusPresent, corpusRoot, fixturePath} from './helpers.js'

const parseNeighbors = (input: string | Uint8Array, file: string) => {
  if (!huaweiVrp.parseNeighbors) throw new Error('huawei-vrp has a neighbor parser')
  return huaweiVrp.parseNeighbors(input, file)
}

describe('Huawei VRP LLDP neighbor parsing (fixtures)', () => {
  it('display lldp neighbor brief (VRP5 layout): columns, spaces in names, bad rows reported', () => {
    const t = parseNeighbors(readFileSync(fixturePath('lldp-brief.txt')), 'brief.txt')
    expect(t).toMatchObject({vendor: 'huawei-vrp', protocol: 'lldp'})
    expect(t.neighbors.map((n) => [n.localInterface, n.remoteName, n.remoteInterface, n.ref.line])).toEqual([
      ['GigabitEthernet0/0/1', 'CORE-SW1', 'GE0/0/24', 2],
      ['XGigabitEthernet0/0/2', 'DIST SW 2', 'XGigabitEthernet0/0/1', 3],
    ])
    expect(t.coverage.unrecognized.map((u) => u.line)).toEqual([4])
  })

  it('display lldp neighbor (verbose, VRP5 and VRP8 keys)', () => {
    const t = parseNeighbors(readFileSync(fixturePath('lldp-verbose.txt')), 'verbose.txt')
    expect(t.neighbors).toEqual([
      expect.objectContaining({
        localInterface: 'GigabitEthernet0/0/1',
        remoteName: 'CORE-SW1',
        remoteInterface: 'GigabitEthernet0/0/24',
        remoteChassisId: '00e0-fc12-3456',
        remoteMgmtAddress: '10.0.100.1',
        remotePlatform: 'S5735-L48T4X-A',
      }),
      // An alias port ID ("0") says less than the port description.
      expect.objectContaining({localInterface: 'GigabitEthernet0/0/3', remoteName: 'AP-LOBBY', remoteInterface: 'eth0', remoteMgmtAddress: '10.0.200.5'}),
    ])
    expect(t.neighbors[0]?.ref.line).toBe(4)
    expect(t.coverage.unrecognized).toEqual([])
  })
})

interface NtcRow {
  local_interface: string
  neighbor_name: string
  neighbor_port_id: string
  neighbor_interface: string
  chassis_id: string
  mgmt_address: string
}

const ntcDir = join(corpusRoot, 'huawei_vrp/networktocode__ntc-templates/display_lldp_neighbor')
const napalmDir = join(corpusRoot, 'huawei_vrp/napalm-automation-community__napalm-ce')

describe.skipIf(!corpusPresent)('Huawei VRP LLDP neighbors vs. ntc-templates and napalm expected parses', () => {
  const raws = corpusPresent ? readdirSync(ntcDir).filter((f) => f.endsWith('.raw')) : []

  it('finds the oracle files', () => {
    expect(raws.length).toBeGreaterThan(0)
  })

  it.each(raws)('%s', (raw) => {
    const expected = (parseYaml(readFileSync(join(ntcDir, raw.replace(/\.raw$/, '.yml')), 'utf8')) as {parsed_sample: NtcRow[]}).parsed_sample
    const t = parseNeighbors(readFileSync(join(ntcDir, raw)), raw)
    expect(t.neighbors).toHaveLength(expected.length)
    expected.forEach((row, i) => {
      const n = t.neighbors[i]
      expect(n?.localInterface).toBe(huaweiVrp.canonicalInterfaceName(row.local_interface))
      expect(n?.remoteName).toBe(row.neighbor_name)
      expect(n?.remoteChassisId).toBe(row.chassis_id)
      if (row.mgmt_address !== '') expect(n?.remoteMgmtAddress).toBe(row.mgmt_address)
      expect([row.neighbor_port_id, row.neighbor_interface]).toContain(n?.remoteInterface)
    })
    expect(t.coverage.unrecognized).toEqual([])
  })

  it('napalm-ce display lldp neighbor brief (VRP8 layout)', () => {
    const expected = JSON.parse(readFileSync(join(napalmDir, 'ce_vrp8_lldp_neighbors__expected_result.json'), 'utf8')) as Record<string, {hostname: string; port: string}[]>
    const t = parseNeighbors(readFileSync(join(napalmDir, 'ce_vrp8_lldp_neighbors__display_lldp_neighbor_brief.txt')), 'brief')
    const got: Record<string, {hostname: string; port: string}[]> = {}
    for (const n of t.neighbors) (got[n.localInterface] ??= []).push({hostname: n.remoteName ?? '', port: n.remoteInterface ?? ''})
    const want = Object.fromEntries(Object.entries(expected).map(([k, v]) => [huaweiVrp.canonicalInterfaceName(k), v]))
    expect(got).toEqual(want)
  })
})
