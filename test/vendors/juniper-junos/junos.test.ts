import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {evaluateFilter} from '../../../src/analysis/filters/index.js'
import type {Packet} from '../../../src/analysis/packetset/index.js'
import type {DeviceConfig, Filter} from '../../../src/model/index.js'
import {juniperJunos} from '../../../src/vendors/juniper-junos/index.js'

const read = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../fixtures/juniper-junos/${name}`, import.meta.url)))
const parse = (name: string): DeviceConfig => juniperJunos.parseConfig(read(name), name)

function filter(cfg: DeviceConfig, name: string): Filter {
  const f = cfg.filters.find((x) => x.name === name)
  if (!f) throw new Error(`no filter ${name}`)
  return f
}

const tcp = (src: string, dst: string, dstPort: number, extra: Partial<Packet> = {}): Packet => ({family: 4, src, dst, protocol: 6, srcPort: 40000, dstPort, state: 'new', ...extra})

/** The model without source positions, which differ between the two forms by construction. */
function withoutRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRefs)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !['ref', 'refs', 'vlanRefs', 'defaultRef', 'hostnameRef', 'coverage', 'file'].includes(k)).map(([k, v]) => [k, withoutRefs(v)]))
  }
  return value
}

describe('junos extraction', () => {
  const cfg = parse('campus.conf')

  it('interfaces, units, addresses, VLANs and switch ports', () => {
    expect(cfg.hostname).toBe('ex-core-1')
    const byName = new Map(cfg.interfaces.map((i) => [i.name, i]))
    expect(byName.get('ge-0/0/3.100')).toMatchObject({kind: 'subinterface', parent: 'ge-0/0/3', vlan: 100, addresses: [{address: '192.0.2.9', length: 30, family: 4}]})
    expect(byName.get('irb.10')).toMatchObject({kind: 'svi', vlan: 10, addresses: [{address: '10.20.10.1', length: 24}]})
    expect(byName.get('lo0.0')?.kind).toBe('loopback')
    expect(byName.get('ge-0/0/1')?.switchport).toMatchObject({mode: 'access', untaggedVlan: 10, vlans: [10]})
    expect(byName.get('ge-0/0/2')?.switchport).toMatchObject({mode: 'trunk', untaggedVlan: 10, vlans: [10, 20, 30, 31]})
    expect(cfg.vlans.map((v) => [v.id, v.name])).toEqual([
      [10, 'office'],
      [20, 'servers'],
    ])
  })

  it('static routes with next hop and reject', () => {
    expect(cfg.staticRoutes.map((r) => [r.prefix, r.length, r.nextHop, r.discard])).toEqual([
      ['0.0.0.0', 0, '192.0.2.10', false],
      ['10.66.0.0', 16, undefined, true],
    ])
  })

  it('the hierarchical and the set form give the same model', () => {
    const set = parse('campus.set')
    expect(withoutRefs(set)).toEqual(withoutRefs(cfg))
    expect(set.coverage.unrecognized).toEqual([])
    expect(cfg.coverage.unrecognized).toEqual([])
  })

  it('inactive: and deactivate leave the statement out', () => {
    expect(filter(cfg, 'inet OFFICE-IN').rules.map((r) => r.id)).not.toContain('everything')
    expect(parse('srx.conf').interfaces.map((i) => i.name)).not.toContain('ge-0/0/2.0')
  })
})

describe('junos firewall filters', () => {
  const office = filter(parse('campus.conf'), 'inet OFFICE-IN')

  it('first match in term order, implicit discard at the end, bound to the interface', () => {
    expect(office).toMatchObject({kind: 'acl', family: 4, defaultAction: 'deny', stateful: false})
    expect(evaluateFilter(office, tcp('10.20.10.5', '10.20.20.9', 443)).verdict).toBe('permit')
    expect(evaluateFilter(office, tcp('10.20.10.5', '10.20.20.9', 22)).verdict).toBe('deny')
    expect(parse('campus.conf').filterBindings).toEqual([expect.objectContaining({kind: 'interface', filter: 'inet OFFICE-IN', interface: 'irb.10', direction: 'in'})])
  })

  it('port matches either side; tcp-established is return traffic', () => {
    expect(evaluateFilter(office, tcp('10.20.10.5', '10.20.20.9', 443, {srcPort: 23})).verdict).toBe('deny')
    expect(evaluateFilter(office, tcp('10.20.10.5', '10.1.1.1', 5555, {state: 'established'})).verdict).toBe('permit')
    expect(evaluateFilter(office, tcp('10.20.10.5', '10.1.1.1', 5555)).verdict).toBe('deny')
  })

  const protect = filter(parse('srx.conf'), 'inet PROTECT')

  it('except carves a prefix out; next term is skipped; a term without action accepts; prefix-lists expand', () => {
    expect(evaluateFilter(protect, tcp('172.20.1.1', '10.0.0.1', 22)).verdict).toBe('deny')
    expect(evaluateFilter(protect, tcp('172.20.9.1', '10.0.0.1', 22, {srcPort: 1})).verdict).toBe('unknown')
    expect(evaluateFilter(protect, tcp('10.10.5.7', '10.0.0.1', 22)).verdict).toBe('permit')
    expect(evaluateFilter(protect, tcp('192.0.2.1', '10.0.0.1', 80)).verdict).toBe('permit')
    expect(protect.rules.map((r) => r.id)).toEqual(['block-host', 'mgmt', 'web', 'odd'])
  })

  it('a condition not understood makes the term unknown and is reported', () => {
    const odd = protect.rules.find((r) => r.id === 'odd')
    expect(odd).toMatchObject({action: 'unknown', reason: 'match condition packet-length is not modelled'})
    expect(parse('srx.conf').coverage.unrecognized.map((u) => u.text)).toContain('packet-length 1500;')
  })
})

describe('junos security policies', () => {
  const cfg = parse('srx.conf')
  const policy = filter(cfg, 'security-policy')

  it('zones with their interfaces', () => {
    expect(cfg.securityZones.map((z) => [z.name, z.interfaces])).toEqual([
      ['intranet', ['ge-0/0/0.0']],
      ['extranet', ['ge-0/0/1.0']],
      ['portal', ['ge-0/0/3.0']],
    ])
  })

  it('address books (zone and global, address-set) and applications (custom and junos-*) expand', () => {
    const zones = {from: 'extranet', to: 'portal'}
    expect(policy).toMatchObject({stateful: true, defaultAction: 'deny'})
    expect(evaluateFilter(policy, tcp('172.20.10.3', '203.0.113.20', 8443), zones).verdict).toBe('permit')
    expect(evaluateFilter(policy, tcp('172.20.10.3', '203.0.113.10', 443), zones).verdict).toBe('permit')
    expect(evaluateFilter(policy, tcp('172.20.10.99', '203.0.113.10', 443), zones).verdict).toBe('deny')
    expect(evaluateFilter(policy, tcp('172.20.10.3', '203.0.113.30', 443), zones).verdict).toBe('deny')
  })

  it('global policies come after the zone pair; default-policy decides the rest', () => {
    const ping: Packet = {family: 4, src: '10.10.0.5', dst: '203.0.113.10', protocol: 1, icmpType: 8, icmpCode: 0, state: 'new'}
    expect(evaluateFilter(policy, ping, {from: 'intranet', to: 'portal'}).verdict).toBe('permit')
    expect(evaluateFilter(policy, ping, {from: 'extranet', to: 'portal'}).verdict).toBe('deny')
    expect(evaluateFilter(policy, tcp('10.10.0.5', '203.0.113.10', 443), {from: 'intranet', to: 'portal'}).verdict).toBe('unknown')
  })

  it('an address the parser cannot resolve (DNS name) makes the policy unknown, never deny', () => {
    const fqdn = policy.rules.find((r) => r.id === 'fqdn')
    expect(fqdn?.action).toBe('unknown')
    expect(fqdn?.reason).toContain('DNS names')
  })
})

describe('junos management and secrets', () => {
  const cfg = parse('srx.conf')

  it('login users with class and secret storage kind; services; SNMP communities as defaults only', () => {
    expect(cfg.accounts.users.map((u) => [u.username, u.roles, u.secret?.storage])).toEqual([
      ['root', ['super-user'], 'hash'],
      ['netadmin', ['super-user'], 'hash'],
      ['auditor', ['read-only'], 'hash'],
    ])
    expect(cfg.management.services.map((s) => s.name)).toEqual(['ssh', 'telnet', 'http', 'snmp'])
    expect(cfg.management.snmp.communities.map((c) => [c.isDefault, c.access])).toEqual([
      [true, 'ro'],
      [false, 'rw'],
    ])
  })

  it('no hash or community name appears anywhere in the result', () => {
    const json = JSON.stringify(cfg)
    for (const secret of ['abcdefghijklmnopqrstuvwxyz0123456789', 'ZYXWVUTSRQPONMLKJIHGFEDCBA', 'Audit0rHashValue', 'Xk9-secret-comm', '$6$']) expect(json).not.toContain(secret)
  })
})
