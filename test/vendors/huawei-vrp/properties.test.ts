import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {DeviceConfig, NeighborTable} from '../../../src/model/index.js'
import {huaweiVrp} from '../../../src/vendors/huawei-vrp/index.js'

const SAMPLE_LINES = [
  '#', 'return', 'sysname SW1', 'vlan batch 10 20 to 30', 'vlan 10', ' name OA', 'interface GigabitEthernet0/0/1',
  ' port link-type trunk', ' port trunk allow-pass vlan 10 20', ' undo port trunk allow-pass vlan 1', ' port hybrid tagged vlan 5',
  ' port default vlan 4095', ' eth-trunk 1', ' ip address 10.0.0.1 255.255.255.0', ' ipv6 address 2001:db8::1/64',
  ' dot1q termination vid 100', ' traffic-filter inbound acl 3000', 'interface Vlanif10', 'interface Eth-Trunk1',
  ' trunkport GigabitEthernet 0/0/1 to 0/0/4', 'ip route-static 0.0.0.0 0.0.0.0 10.0.0.254', 'ipv6 route-static :: 0 NULL0',
  'aaa', ' local-user a password irreversible-cipher $1a$x$', ' local-user a privilege level 15', 'user-interface vty 0 4',
  ' acl 2000 inbound', ' idle-timeout 5 0', ' protocol inbound all', 'acl number 3000', ' rule 5 permit tcp destination-port eq www',
  ' rule deny ip source 10.0.0.0 0.255.255.255', 'acl name x', 'snmp-agent community read public', 'telnet server enable',
  'rsa peer-public-key k', ' public-key-code begin', 'header login information "', '<SW1>display lldp neighbor',
  'GigabitEthernet0/0/1 has 1 neighbor(s):', 'Neighbor index :1', 'System name :X', 'Port ID :GE0/0/2',
  'Local Intf       Neighbor Dev             Neighbor Intf             Exptime(s)', 'GE0/0/1 SW2 GE0/0/3 100',
  '  ---- More ----', '\x1b[42D',
]

/** A line from the sample set, possibly truncated or garbled. */
const line = fc.oneof(
  fc.constantFrom(...SAMPLE_LINES),
  fc.constantFrom(...SAMPLE_LINES).chain((l) => fc.nat({max: l.length}).map((n) => l.slice(0, n))),
  fc.string({maxLength: 40}),
  fc.tuple(fc.constantFrom(...SAMPLE_LINES), fc.string({maxLength: 8})).map(([l, s]) => `${l} ${s}`),
)
const text = fc.tuple(fc.array(line, {maxLength: 60}), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, end]) => ls.join(end))
const bytes = fc.uint8Array({maxLength: 400})

function wellFormedConfig(c: DeviceConfig): void {
  expect(c.vendor).toBe('huawei-vrp')
  expect(c.coverage.recognized).toBeGreaterThanOrEqual(0)
  expect(c.coverage.recognized).toBeLessThanOrEqual(c.coverage.lines)
  for (const i of c.interfaces) {
    expect(i.name.length).toBeGreaterThan(0)
    if (i.switchport) {
      expect(i.switchport.vlans).toEqual([...new Set(i.switchport.vlans)].sort((a, b) => a - b))
      for (const v of i.switchport.vlans) expect(v >= 1 && v <= 4094).toBe(true)
    }
  }
  for (const b of c.filterBindings) expect(c.filters.some((f) => f.name === b.filter)).toBe(true)
  expect(() => JSON.stringify(c)).not.toThrow()
}

function wellFormedTable(t: NeighborTable): void {
  expect(t.vendor).toBe('huawei-vrp')
  expect(t.coverage.recognized).toBeLessThanOrEqual(t.coverage.lines)
  for (const n of t.neighbors) expect(n.localInterface.length).toBeGreaterThan(0)
}

describe('Huawei VRP parsers never throw', () => {
  it('parseConfig on mutated config text', () => {
    fc.assert(fc.property(text, (t) => wellFormedConfig(huaweiVrp.parseConfig(t, 'fuzz.cfg'))), {numRuns: 300})
  })

  it('parseConfig on random bytes', () => {
    fc.assert(fc.property(bytes, (b) => wellFormedConfig(huaweiVrp.parseConfig(b, 'fuzz.bin'))), {numRuns: 200})
  })

  it('parseNeighbors on mutated text and random bytes', () => {
    const parse = huaweiVrp.parseNeighbors
    if (!parse) throw new Error('huawei-vrp has a neighbor parser')
    fc.assert(fc.property(fc.oneof(text, bytes), (input) => wellFormedTable(parse(input, 'fuzz.lldp'))), {numRuns: 300})
  })
})
