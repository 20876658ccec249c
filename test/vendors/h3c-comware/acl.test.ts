import {describe, expect, it} from 'vitest'
import type {Filter} from '../../../src/model/index.js'
import {lineOf, parseFixture} from './helpers.js'

describe('H3C Comware ACL extraction', () => {
  const c = parseFixture('acl.cfg')
  const filter = (name: string): Filter => {
    const f = c.filters.find((x) => x.name === name)
    if (!f) throw new Error(`no filter ${name}: ${c.filters.map((x) => x.name).join(', ')}`)
    return f
  }

  it('basic ACL: wildcard to prefix, host wildcard 0, bare deny matches any', () => {
    const f = filter('2000')
    expect(f).toMatchObject({kind: 'acl', family: 4, stateful: false})
    expect(f.rules.map((r) => [r.id, r.action])).toEqual([['0', 'permit'], ['5', 'deny'], ['10', 'deny']])
    expect(f.rules[0]?.match.src).toEqual([{kind: 'prefix', family: 4, address: '10.1.1.0', length: 24}])
    expect(f.rules[1]?.match.src).toEqual([{kind: 'prefix', family: 4, address: '10.1.2.3', length: 32}])
    expect(f.rules[2]?.match.src).toEqual([{kind: 'any'}])
    expect(f.rules[1]?.ref.line).toBe(lineOf('acl.cfg', 'rule 5 deny source 10.1.2.3 0'))
  })

  it('advanced ACL: protocols, addresses, port operators, named ports, ICMP type, established', () => {
    const r = filter('3000').rules
    expect(r[0]?.match).toMatchObject({
      protocols: [6],
      src: [{kind: 'prefix', address: '172.20.10.0', length: 28}],
      dst: [{kind: 'prefix', address: '203.0.113.20', length: 32}],
      dstPorts: [{from: 443, to: 443}],
    })
    expect(r[1]?.match).toMatchObject({src: [{kind: 'any'}], dstPorts: [{from: 8000, to: 8080}]})
    expect(r[2]?.match).toMatchObject({protocols: [17], srcPorts: [{from: 53, to: 53}]})
    expect(r[3]?.match).toMatchObject({protocols: [1], icmpTypes: [{type: 8, code: 0}]})
    expect(r[4]?.match).toMatchObject({protocols: [6], state: 'established'})
    expect(r[5]?.match.dstPorts).toEqual([{from: 0, to: 79}, {from: 81, to: 65535}])
    expect(r[6]?.match.dst).toEqual([{kind: 'wildcard', address: '10.0.0.0', wildcard: '0.255.0.255'}])
    expect(r[8]?.match).toMatchObject({protocols: [47]})
    expect(r[9]).toMatchObject({id: '45', action: 'deny'})
    expect(r[9]?.match.protocols).toBeUndefined()
  })

  it('a rule it cannot model (time-range) fails closed as unknown and is reported', () => {
    const r = filter('3000').rules.find((x) => x.id === '35')
    expect(r).toMatchObject({action: 'unknown', match: {src: [{kind: 'any'}], dst: [{kind: 'any'}]}})
    expect(r?.reason).toContain('time-range')
    const warn = c.coverage.unrecognized.find((u) => u.line === lineOf('acl.cfg', 'time-range worktime'))
    expect(warn?.context).toBe('acl advanced 3000')
    expect(warn?.reason).toContain('unknown')
  })

  it('named ACL: unnumbered rules get the next step', () => {
    expect(filter('WEB-IN').rules.map((x) => [x.id, x.match.dstPorts])).toEqual([
      ['0', [{from: 80, to: 80}]],
      ['5', [{from: 443, to: 443}]],
    ])
  })

  it('match-order auto with mixed actions: order unknown, rules fail closed', () => {
    expect(filter('3100').rules.every((x) => x.action === 'unknown')).toBe(true)
  })

  it('IPv6 advanced ACL with prefix and address+length forms', () => {
    const f = filter('3001')
    expect(f.family).toBe(6)
    expect(f.rules[0]?.match).toMatchObject({
      src: [{kind: 'prefix', family: 6, address: '2001:db8:1::', length: 64}],
      dst: [{kind: 'prefix', family: 6, address: '2001:db8:2::', length: 64}],
      dstPorts: [{from: 22, to: 22}],
    })
    expect(f.rules[1]).toMatchObject({action: 'deny', match: {family: 6}})
  })

  it('layer-2 ACL rules are unknown, never dropped', () => {
    expect(filter('4000').rules).toMatchObject([{id: '0', action: 'unknown'}])
  })

  it('interface packet-filter bindings by number, name (any case) and IPv6', () => {
    const b = c.filterBindings.filter((x) => x.kind === 'interface')
    expect(b).toEqual(
      expect.arrayContaining([
        expect.objectContaining({filter: '3000', interface: 'GigabitEthernet1/0/1', direction: 'in'}),
        expect.objectContaining({filter: 'WEB-IN', interface: 'GigabitEthernet1/0/1', direction: 'out'}),
        expect.objectContaining({filter: '3001', interface: 'GigabitEthernet1/0/1', direction: 'in'}),
        expect.objectContaining({filter: '3100', interface: 'GigabitEthernet1/0/2', direction: 'in'}),
      ]),
    )
  })

  it('packet filters permit what no rule matches (Comware default)', () => {
    expect(filter('3000').defaultAction).toBe('permit')
  })

  it('security zones with canonical member interfaces', () => {
    expect(c.securityZones.map((z) => [z.name, z.interfaces])).toEqual([
      ['Trust', ['GigabitEthernet1/0/2']],
      ['Untrust', ['GigabitEthernet1/0/1']],
    ])
  })

  it('zone pairs: stateful default-deny filter from the ACL; a missing ACL is unknown', () => {
    const pair = filter('zone-pair Untrust->Trust')
    expect(pair).toMatchObject({kind: 'zone-policy', defaultAction: 'deny', stateful: true})
    expect(pair.rules).toHaveLength(filter('3000').rules.length)
    expect(pair.rules[0]?.id).toBe('3000:0')
    expect(c.filterBindings).toContainEqual(expect.objectContaining({kind: 'zone-pair', from: 'Untrust', to: 'Trust', filter: 'zone-pair Untrust->Trust'}))
    expect(filter('zone-pair Trust->Untrust').rules).toMatchObject([{action: 'unknown'}])
  })
})

describe('packet-filter default deny', () => {
  const c = parseFixture('acl-default-deny.cfg')
  it('turns the default action of interface filters to deny, citing the line', () => {
    const f = c.filters.find((x) => x.name === '2000')
    expect(f?.defaultAction).toBe('deny')
    expect(f?.defaultRef?.line).toBe(lineOf('acl-default-deny.cfg', 'packet-filter default deny'))
  })
})
