import {describe, expect, it} from 'vitest'
import type {FilterRule} from '../../../src/model/index.js'
import {filterNamed, forwardedRules, parseFixture} from './fixture.js'

const host = (a: string) => ({kind: 'prefix', family: 4, address: a, length: 32})

describe('cisco-asa conversion: ACLs and object expansion', () => {
  const cfg = parseFixture('objects.cfg')
  const acl = filterNamed(cfg, 'EXTRANET_IN')
  const byLine = (n: number): FilterRule[] => acl.rules.filter((r) => r.id === `EXTRANET_IN line ${n}`)

  it('reports only the ethertype ACL as unrecognized', () => {
    expect(cfg.coverage.unrecognized.map((u) => [u.text, u.reason])).toEqual([['access-list ETH ethertype permit bpdu', 'ethertype access lists are not modelled']])
  })

  it('expands nested network object-groups and typed port groups', () => {
    const [r] = byLine(2)
    expect(r?.action).toBe('permit')
    expect(r?.match).toEqual({
      src: [{kind: 'prefix', family: 4, address: '172.20.10.0', length: 28}],
      dst: [
        host('203.0.113.10'),
        {kind: 'prefix', family: 4, address: '203.0.113.16', length: 28},
        host('203.0.113.12'),
        {kind: 'prefix', family: 4, address: '203.0.113.64', length: 26},
        {kind: 'range', family: 4, first: '203.0.113.100', last: '203.0.113.110'},
        {kind: 'prefix', family: 6, address: '2001:db8:5::', length: 64},
      ],
      protocols: [6],
      dstPorts: [{from: 80, to: 80}, {from: 8000, to: 8080}],
    })
    expect(r?.refs?.map((x) => x.text)).toContain('network-object object WEB1')
  })

  it('expands a service object-group in protocol position into one rule per service', () => {
    expect(byLine(3).map((r) => [r.match.protocols, r.match.dstPorts, r.match.icmpTypes])).toEqual([
      [[6], [{from: 443, to: 443}], undefined],
      [[17], [{from: 53, to: 53}], undefined],
      [[1], undefined, [{type: 8}]],
      [[6], [{from: 443, to: 443}], undefined],
    ])
    expect(byLine(3)[0]?.match.src).toEqual([{kind: 'prefix', family: 4, address: '0.0.0.0', length: 0}])
  })

  it('reads protocol groups with source and destination ports, and icmp-type groups', () => {
    expect(byLine(4)[0]?.match).toEqual({
      src: [host('172.20.10.5')],
      dst: [host('203.0.113.20')],
      protocols: [6, 17],
      srcPorts: [{from: 1024, to: 1024}],
      dstPorts: [{from: 5000, to: 5010}],
    })
    expect(byLine(5)[0]?.match.icmpTypes).toEqual([{type: 8}, {type: 0}])
  })

  it('skips inactive entries and reads neq with log options', () => {
    expect(byLine(6)).toEqual([])
    expect(byLine(7)[0]).toMatchObject({action: 'deny', match: {dstPorts: [{from: 0, to: 21}, {from: 23, to: 65535}]}})
  })

  it('fails closed on FQDN objects, time-ranges and undefined objects, keeping what was read', () => {
    expect(byLine(8)[0]).toMatchObject({action: 'unknown', match: {src: [{kind: 'any'}], dst: [{kind: 'any'}]}})
    expect(byLine(8)[0]?.reason).toMatch(/FQDN/)
    expect(byLine(9)[0]).toMatchObject({action: 'unknown', match: {dst: [host('203.0.113.30')]}})
    expect(byLine(9)[0]?.reason).toMatch(/time-range/)
    expect(byLine(10)[0]?.reason).toMatch(/MISSING/)
  })

  it('resolves `interface NAME` to the interface addresses and any6 to ::/0', () => {
    expect(byLine(11)[0]?.match.dst).toEqual([host('203.0.113.1')])
    expect(byLine(12)[0]?.match.src).toEqual([{kind: 'prefix', family: 6, address: '::', length: 0}])
  })

  it('reads standard ACL entries as destination matches', () => {
    expect(filterNamed(cfg, 'SPLIT').rules[0]?.match).toEqual({src: [{kind: 'any'}], dst: [{kind: 'prefix', family: 4, address: '10.0.0.0', length: 8}]})
  })
})

describe('cisco-asa conversion: access-group bindings', () => {
  const cfg = parseFixture('objects.cfg')

  it('binds outbound ACLs as themselves and folds inbound and global ACLs into ingress filters', () => {
    const bindings = cfg.filterBindings.map((b) => (b.kind === 'interface' ? `${b.filter}@${b.interface}/${b.direction}` : b.kind))
    expect(bindings).toEqual([
      'ingress:outside@GigabitEthernet0/0/in',
      'ingress:extranet@GigabitEthernet0/1/in',
      'ingress:portal@GigabitEthernet0/2/in',
      'PORTAL_OUT@GigabitEthernet0/2/out',
      'local',
    ])
  })

  it('orders interface ACL, then global ACL, then implicit deny; equal levels stay apart', () => {
    const extranet = filterNamed(cfg, 'ingress:extranet')
    const ids = forwardedRules(extranet).map((r) => r.id)
    expect(ids[0]).toBe('same-security:inter-interface')
    expect(forwardedRules(extranet)[0]?.toZones).toEqual(['portal'])
    expect(ids[1]).toBe('same-security:intra-interface')
    expect(ids[2]).toBe('EXTRANET_IN line 2')
    expect(ids[ids.length - 1]).toBe('GLOBAL_ACL line 1')
    expect(extranet.defaultAction).toBe('deny')
    expect(extranet.defaultRef?.text).toBe('access-group EXTRANET_IN in interface extranet')
  })

  it('with a global ACL, an interface without its own ACL loses the security-level permits', () => {
    const outside = filterNamed(cfg, 'ingress:outside')
    expect(forwardedRules(outside).map((r) => r.id)).toEqual(['same-security:intra-interface', 'GLOBAL_ACL line 1'])
    const portal = filterNamed(cfg, 'ingress:portal')
    expect(forwardedRules(portal).some((r) => r.id.startsWith('security-level:'))).toBe(false)
  })
})
