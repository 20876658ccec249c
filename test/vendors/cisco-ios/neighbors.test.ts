import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {ciscoIos} from '../../../src/vendors/cisco-ios/index.js'
import {corpusPresent, corpusRoot, neighborsOf} from './helpers.js'

describe('cisco-ios neighbors: own fixtures', () => {
  it('CDP detail: canonical local port, remote port, entry address, platform', () => {
    const t = neighborsOf('cdp-detail.txt')
    expect(t.protocol).toBe('cdp')
    expect(t.neighbors).toEqual([
      {
        localInterface: 'GigabitEthernet1/0/24',
        remoteName: 'dist-sw2.example.gov',
        remoteInterface: 'GigabitEthernet1/0/1',
        remoteMgmtAddress: '10.10.0.2',
        remotePlatform: 'cisco WS-C3850-24T',
        ref: expect.objectContaining({line: 3}),
      },
      {
        localInterface: 'GigabitEthernet1/0/7',
        remoteName: 'ap-lobby',
        remoteInterface: 'GigabitEthernet0',
        remoteMgmtAddress: '10.99.0.77',
        remotePlatform: 'cisco AIR-AP2802I-H-K9',
        ref: expect.objectContaining({line: 20}),
      },
    ])
    expect(t.coverage.unrecognized).toEqual([])
  })

  it('LLDP detail: chassis id, name, port id or description when the id is an index', () => {
    const t = neighborsOf('lldp-detail.txt')
    expect(t.protocol).toBe('lldp')
    expect(t.neighbors.map((n) => [n.localInterface, n.remoteName, n.remoteInterface, n.remoteChassisId, n.remoteMgmtAddress])).toEqual([
      ['GigabitEthernet1/0/48', 'border-r1', 'Gi0/0/1', '00a1.b2c3.d4e5', '10.10.0.1'],
      ['TenGigabitEthernet1/1/1', undefined, 'xe-0/0/1', '7c25.86c9.0001', undefined],
    ])
    expect(t.coverage.unrecognized).toEqual([])
  })

  it('brief CDP table, including a wrapped Device ID', () => {
    const t = neighborsOf('cdp-brief.txt')
    expect(t.protocol).toBe('cdp')
    expect(t.neighbors.map((n) => [n.localInterface, n.remoteName, n.remoteInterface, n.remotePlatform])).toEqual([
      ['GigabitEthernet1/0/24', 'dist-sw2', 'Gig 1/0/1', 'WS-C3850-'],
      ['TenGigabitEthernet1/1/1', 'a-very-long-neighbor-name.example.gov', 'Ten 0/0/0', 'ASR1001-X'],
      ['GigabitEthernet1/0/5', 'phone-101', 'Port 1', 'IP Phone'],
    ])
    expect(t.coverage.unrecognized).toEqual([])
  })

  it('brief LLDP table, including a Device ID that runs into the next column', () => {
    const t = neighborsOf('lldp-brief.txt')
    expect(t.neighbors.map((n) => [n.localInterface, n.remoteName, n.remoteInterface])).toEqual([
      ['GigabitEthernet1/0/48', 'border-r1', 'Gi0/0/1'],
      ['TenGigabitEthernet1/1/1', 'juniper switch 1', '517'],
      ['GigabitEthernet1/0/3', 'an-exactly-20-chars-', 'Gi0/2'],
    ])
    expect(t.coverage.unrecognized).toEqual([])
  })

  it('reports lines that belong to no neighbor listing', () => {
    const t = ciscoIos.parseNeighbors?.('hello world\n', 'x.txt')
    expect(t?.coverage.unrecognized).toMatchObject([{line: 1, text: 'hello world'}])
  })
})

type Expected = Record<string, string>

/** ntc-templates `.raw` + `.yml` pairs for one command folder. */
function oracle(folder: string): {raw: string; expected: Expected[]; name: string}[] {
  const dir = join(corpusRoot, 'cisco_ios/networktocode__ntc-templates', folder)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.raw'))
    .map((f) => {
      const yml = parseYaml(readFileSync(join(dir, f.replace(/\.raw$/, '.yml')), 'utf8')) as {parsed_sample: Expected[]}
      return {name: f, raw: readFileSync(join(dir, f), 'utf8'), expected: yml.parsed_sample}
    })
}

const orUndefined = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim())

describe.skipIf(!corpusPresent)('cisco-ios neighbors vs. ntc-templates expected parses', () => {
  if (!corpusPresent) console.log('corpus not found at ../shared/corpus: skipping oracle tests')
  const parse = ciscoIos.parseNeighbors
  if (!parse) throw new Error('no neighbor parser')

  for (const folder of ['show_cdp_neighbors_detail', 'show_lldp_neighbors_detail', 'show_cdp_neighbors', 'show_lldp_neighbors']) {
    const cdp = folder.includes('cdp')
    const detail = folder.endsWith('detail')
    for (const sample of corpusPresent ? oracle(folder) : []) {
      it(`${folder}/${sample.name}`, () => {
        const t = parse(sample.raw, sample.name)
        expect(t.protocol).toBe(cdp ? 'cdp' : 'lldp')
        // Entries without a local interface cannot place a link: they must be reported, not kept.
        const placeable = sample.expected.filter((e) => orUndefined(e.local_interface) !== undefined)
        const unplaceable = sample.expected.length - placeable.length
        expect(t.neighbors).toHaveLength(placeable.length)
        expect(t.coverage.unrecognized.filter((u) => /without a local interface/.test(u.reason ?? ''))).toHaveLength(unplaceable)
        placeable.forEach((e, k) => {
          const n = t.neighbors[k]
          expect(n?.localInterface).toBe(ciscoIos.canonicalInterfaceName(e.local_interface ?? ''))
          const name = orUndefined(e.neighbor_name)
          if (name !== undefined || detail) expect(n?.remoteName).toBe(name)
          if (detail) expect(n?.remoteMgmtAddress).toBe(orUndefined(e.mgmt_address))
          if (cdp && e.platform !== undefined) expect(n?.remotePlatform).toBe(orUndefined(e.platform))
          if (!cdp && detail) {
            expect(n?.remoteChassisId).toBe(orUndefined(e.chassis_id))
            expect([orUndefined(e.neighbor_port_id), orUndefined(e.neighbor_interface)]).toContain(n?.remoteInterface)
          } else expect(n?.remoteInterface).toBe(orUndefined(e.neighbor_interface))
        })
        expect(t.coverage.unrecognized).toHaveLength(unplaceable)
      })
    }
  }
})
