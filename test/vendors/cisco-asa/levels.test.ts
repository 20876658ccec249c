import {describe, expect, it} from 'vitest'
import {ciscoAsa} from '../../../src/vendors/cisco-asa/index.js'
import {filterNamed, forwardedRules, parseFixture} from './fixture.js'

describe('cisco-asa extraction: interfaces, nameif zones, routes', () => {
  const cfg = parseFixture('levels.cfg')

  it('reads every line of the fixture', () => {
    expect(cfg.hostname).toBe('EDGE-ASA')
    expect(cfg.coverage.unrecognized).toEqual([])
  })

  it('reads addresses (standby ignored), sub-interface VLANs and shutdown', () => {
    const inside = cfg.interfaces.find((i) => i.name === 'GigabitEthernet0/1')
    expect(inside?.addresses.map((a) => `${a.address}/${a.length}`)).toEqual(['172.20.0.1/16', '2001:db8:20::1/64'])
    expect(cfg.interfaces.find((i) => i.name === 'GigabitEthernet0/2.30')).toMatchObject({kind: 'subinterface', vlan: 30, parent: 'GigabitEthernet0/2'})
    expect(cfg.interfaces.find((i) => i.name === 'GigabitEthernet0/3')?.shutdown).toBe(true)
  })

  it('makes each nameif a security zone with its level (inside defaults to 100, others to 0)', () => {
    expect(cfg.securityZones.map((z) => [z.name, z.level, z.interfaces])).toEqual([
      ['outside', 0, ['GigabitEthernet0/0']],
      ['inside', 100, ['GigabitEthernet0/1']],
      ['portal', 50, ['GigabitEthernet0/2.30']],
      ['portal2', 50, ['GigabitEthernet0/2.31']],
      ['spare', 10, ['GigabitEthernet0/3']],
      ['management', 100, ['Management0/0']],
    ])
  })

  it('maps route interfaces from nameif to interface names', () => {
    expect(cfg.staticRoutes.map((r) => [`${r.prefix}/${r.length}`, r.nextHop, r.outInterface])).toEqual([
      ['0.0.0.0/0', '198.51.100.1', 'GigabitEthernet0/0'],
      ['10.0.0.0/8', '172.20.0.254', 'GigabitEthernet0/1'],
      ['::/0', '2001:db8:ff::1', 'GigabitEthernet0/0'],
    ])
  })

  it('canonicalizes interface abbreviations', () => {
    expect(ciscoAsa.canonicalInterfaceName('Gi0/1')).toBe('GigabitEthernet0/1')
    expect(ciscoAsa.canonicalInterfaceName('te0/8.100')).toBe('TenGigabitEthernet0/8.100')
    expect(ciscoAsa.canonicalInterfaceName('Ma0/0')).toBe('Management0/0')
    expect(ciscoAsa.canonicalInterfaceName('po1')).toBe('Port-channel1')
  })
})

describe('cisco-asa conversion: security levels without ACLs', () => {
  const cfg = parseFixture('levels.cfg')

  it('binds one stateful ingress filter per nameif interface', () => {
    expect(cfg.filterBindings.map((b) => (b.kind === 'interface' ? [b.filter, b.interface, b.direction] : b.kind))).toEqual([
      ['ingress:outside', 'GigabitEthernet0/0', 'in'],
      ['ingress:inside', 'GigabitEthernet0/1', 'in'],
      ['ingress:portal', 'GigabitEthernet0/2.30', 'in'],
      ['ingress:portal2', 'GigabitEthernet0/2.31', 'in'],
      ['ingress:spare', 'GigabitEthernet0/3', 'in'],
      ['ingress:management', 'Management0/0', 'in'],
      'local',
    ])
    expect(cfg.filters.every((f) => f.stateful && f.defaultAction === 'deny')).toBe(true)
  })

  it('permits only toward lower levels; the lowest level reaches nothing', () => {
    const outside = filterNamed(cfg, 'ingress:outside')
    expect(forwardedRules(outside).map((r) => [r.id, r.action, r.toZones])).toEqual([
      ['management-only', 'deny', ['management']],
      ['same-security:intra-interface', 'deny', ['outside']],
    ])
    const inside = filterNamed(cfg, 'ingress:inside')
    expect(forwardedRules(inside).map((r) => [r.id, r.action, r.toZones])).toEqual([
      ['management-only', 'deny', ['management']],
      ['same-security:intra-interface', 'deny', ['inside']],
      ['security-level:lower', 'permit', ['outside', 'portal', 'portal2', 'spare']],
    ])
  })

  it('lets equal levels talk with same-security-traffic inter-interface, never hairpin without intra-interface', () => {
    const portal = filterNamed(cfg, 'ingress:portal')
    expect(forwardedRules(portal).map((r) => [r.id, r.action, r.toZones])).toEqual([
      ['management-only', 'deny', ['management']],
      ['same-security:intra-interface', 'deny', ['portal']],
      ['security-level:lower', 'permit', ['outside', 'spare']],
      ['security-level:same', 'permit', ['portal2']],
    ])
    expect(forwardedRules(portal)[3]?.ref.text).toBe('same-security-traffic permit inter-interface')
  })

  it('forwards nothing from a management-only interface', () => {
    const mgmt = filterNamed(cfg, 'ingress:management')
    expect(forwardedRules(mgmt)).toEqual([])
    expect(mgmt.defaultRef?.text).toBe('management-only')
  })
})
