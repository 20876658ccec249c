import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {DeviceConfig, NeighborTable} from '../../../src/model/index.js'
import {ciscoIos} from '../../../src/vendors/cisco-ios/index.js'
import {fixture} from './helpers.js'

const FIXTURES = ['basics.cfg', 'switch.cfg', 'router.cfg', 'routes.cfg', 'management.cfg', 'acl.cfg', 'unrecognized.cfg']
const NEIGHBOR_FIXTURES = ['cdp-detail.txt', 'lldp-detail.txt', 'cdp-brief.txt', 'lldp-brief.txt']

// IOS-looking vocabulary so random lines reach deep into the handlers, not just the fallback.
const TOKENS = [
  'interface', 'Gi0/1', 'Vlan10', 'switchport', 'mode', 'trunk', 'access', 'allowed', 'vlan', 'add', 'remove',
  'except', 'none', 'all', '10', '20-30', '4095', '0', 'ip', 'address', '10.0.0.1', '255.255.255.0',
  '0.0.0.255', 'route', 'Null0', 'access-list', '101', 'permit', 'deny', 'tcp', 'any', 'host', 'eq', 'range',
  'www', 'object-group', 'network', 'service', 'line', 'vty', 'transport', 'input', 'username', 'secret',
  '5', 'privilege', 'banner', 'motd', '^C', '#', '!', 'end', 'no', 'ipv6', '2001:db8::/32', 'Device', 'ID:',
  'Local', 'Intf:', 'Interface:', 'Port', 'ID', '(outgoing', 'port):', ',', '---------', 'snmp-server',
  'community', 'public', 'RO', 'encapsulation', 'dot1Q', 'channel-group', 'sequence', 'established',
]

const randomLine = fc
  .tuple(fc.integer({min: 0, max: 3}), fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({maxLength: 6})), {maxLength: 8}))
  .map(([indent, words]) => ' '.repeat(indent) + words.join(' '))

const mutatedFixture = fc
  .tuple(fc.constantFrom(...FIXTURES, ...NEIGHBOR_FIXTURES), fc.array(fc.tuple(fc.nat(), randomLine), {maxLength: 10}), fc.nat())
  .map(([name, inserts, cut]) => {
    const lines = fixture(name).toString('utf8').split('\n')
    for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line)
    return lines.slice(0, lines.length - (cut % 4)).join(cut % 2 ? '\r\n' : '\n')
  })

const anyInput = fc.oneof(
  mutatedFixture,
  fc.array(randomLine, {maxLength: 40}).map((l) => l.join('\n')),
  fc.uint8Array({maxLength: 400}),
  fc.string({maxLength: 400}),
)

function wellFormedConfig(cfg: DeviceConfig): void {
  expect(cfg.vendor).toBe('cisco-ios')
  expect(cfg.coverage.recognized + cfg.coverage.unrecognized.length).toBe(cfg.coverage.lines)
  expect(cfg.coverage.recognized).toBeGreaterThanOrEqual(0)
  // The safety net in the parser must never be what kept it from throwing.
  expect(cfg.coverage.unrecognized.filter((u) => /internal parser error/.test(u.reason ?? ''))).toEqual([])
  for (const i of cfg.interfaces) {
    expect(i.name.length).toBeGreaterThan(0)
    const vlans = i.switchport?.vlans ?? []
    for (let k = 1; k < vlans.length; k++) expect(vlans[k]).toBeGreaterThan(vlans[k - 1] ?? 0)
    for (const v of vlans) expect(v >= 1 && v <= 4094).toBe(true)
  }
  for (const f of cfg.filters) for (const r of f.rules) expect(['permit', 'deny', 'unknown']).toContain(r.action)
  expect(() => JSON.stringify(cfg)).not.toThrow()
}

function wellFormedNeighbors(t: NeighborTable): void {
  expect(['cdp', 'lldp']).toContain(t.protocol)
  expect(t.coverage.recognized + t.coverage.unrecognized.length).toBe(t.coverage.lines)
  expect(t.coverage.unrecognized.filter((u) => /internal parser error/.test(u.reason ?? ''))).toEqual([])
  for (const n of t.neighbors) expect(n.localInterface.length).toBeGreaterThan(0)
}

describe('cisco-ios parsers never throw', () => {
  it('parseConfig returns a well-formed result on mutated and random input', () => {
    fc.assert(
      fc.property(anyInput, (input) => wellFormedConfig(ciscoIos.parseConfig(input, 'fuzz.cfg'))),
      {numRuns: 300},
    )
  })

  it('parseNeighbors returns a well-formed result on mutated and random input', () => {
    const parse = ciscoIos.parseNeighbors
    if (!parse) throw new Error('no neighbor parser')
    fc.assert(
      fc.property(anyInput, (input) => wellFormedNeighbors(parse(input, 'fuzz.txt'))),
      {numRuns: 300},
    )
  })
})
