import {describe, expect, it} from 'vitest'
import type {Filter} from '../../../src/model/index.js'
import {parseFixture} from './helpers.js'

describe('Huawei VRP ACL extraction', () => {
  const c = parseFixture('acl.cfg')
  const filter = (name: string): Filter => {
    const f = c.filters.find((x) => x.name === name)
    if (!f) throw new Error(`no filter ${name}`)
    return f
  }

  it('basic ACL: source matches, host wildcard 0, any', () => {
    const f = filter('2000')
    expect(f).toMatchObject({kind: 'acl', family: 4, defaultAction: 'permit', stateful: false})
    expect(f.rules.map((r) => [r.id, r.action, r.match.src])).toEqual([
      ['5', 'permit', [{kind: 'prefix', family: 4, address: '192.168.10.0', length: 24}]],
      ['10', 'deny', [{kind: 'prefix', family: 4, address: '192.168.20.7', length: 32}]],
      ['15', 'permit', [{kind: 'any'}]],
    ])
    expect(f.rules[0]?.ref.line).toBe(5)
  })

  it('advanced ACL: rules in number order, protocols, named and ranged ports', () => {
    const rules = filter('3000').rules
    expect(rules.map((r) => r.id)).toEqual(['5', '20', '30', '35', '40', '45', '50', '55', '60'])
    const byId = (id: string) => rules.find((r) => r.id === id)
    expect(byId('5')?.match).toMatchObject({src: [{kind: 'prefix', address: '192.168.50.0', length: 24}]})
    expect(byId('5')?.match.protocols).toBeUndefined()
    expect(byId('20')?.match).toMatchObject({
      protocols: [6],
      src: [{kind: 'prefix', address: '10.1.0.0', length: 16}],
      dst: [{kind: 'prefix', address: '203.0.113.10', length: 32}],
      dstPorts: [{from: 80, to: 80}],
    })
    expect(byId('30')?.match).toMatchObject({protocols: [17], dstPorts: [{from: 1024, to: 2048}]})
    expect(byId('35')?.match).toMatchObject({srcPorts: [{from: 1024, to: 65535}], dstPorts: [{from: 0, to: 1023}]})
    expect(byId('40')?.match).toMatchObject({protocols: [1], icmpTypes: [{type: 8}]})
    expect(byId('45')?.match.protocols).toEqual([47])
    expect(byId('60')).toMatchObject({action: 'deny', match: {src: [{kind: 'any'}], dst: [{kind: 'any'}]}})
  })

  it('keeps non-contiguous wildcards as wildcards', () => {
    const r = filter('3000').rules.find((x) => x.id === '50')
    expect(r?.match.src).toEqual([{kind: 'wildcard', address: '10.3.0.0', wildcard: '0.0.255.0'}])
  })

  it('a rule with an option the model cannot hold fails closed and is reported', () => {
    const r = filter('3000').rules.find((x) => x.id === '55')
    expect(r?.action).toBe('unknown')
    expect(r?.reason).toContain('time-range')
    expect(c.coverage.unrecognized).toEqual([expect.objectContaining({line: 17, context: 'acl number 3000'})])
  })

  it('named ACL with a number: step numbering, named ports, reachable by its number', () => {
    const f = filter('web-in')
    expect(f.rules.map((r) => [r.id, r.match.dstPorts])).toEqual([
      ['10', [{from: 443, to: 443}]],
      ['20', [{from: 21, to: 21}]],
    ])
    expect(c.filterBindings).toContainEqual(expect.objectContaining({kind: 'interface', filter: 'web-in', interface: 'GigabitEthernet0/0/1', direction: 'out'}))
  })

  it('match-order auto keeps the printed (matching) order', () => {
    expect(filter('3100').rules.map((r) => r.id)).toEqual(['10', '5'])
  })

  it('IPv6 ACL', () => {
    const f = filter('3500')
    expect(f.family).toBe(6)
    expect(f.rules[0]?.match).toMatchObject({family: 6, protocols: [6], src: [{kind: 'prefix', family: 6, address: '2001:db8::', length: 32}], dstPorts: [{from: 22, to: 22}]})
    expect(f.rules[1]).toMatchObject({action: 'deny'})
  })

  it('binds traffic-filters by number, by name, and IPv6', () => {
    const bindings = c.filterBindings.filter((b) => b.kind === 'interface')
    expect(bindings.map((b) => (b.kind === 'interface' ? [b.interface, b.direction, b.filter, b.ref.line] : []))).toEqual([
      ['GigabitEthernet0/0/1', 'in', '3000', 38],
      ['GigabitEthernet0/0/1', 'out', 'web-in', 39],
      ['GigabitEthernet0/0/2', 'in', 'mgmt-only', 43],
      ['GigabitEthernet0/0/2', 'out', '3500', 44],
      ['GigabitEthernet0/0/3', 'in', '3999', 48],
    ])
  })

  it('a bound but undefined ACL permits everything (VRP forwards unmatched packets)', () => {
    expect(filter('3999')).toMatchObject({rules: [], defaultAction: 'permit'})
  })

  it('vty ACL with rules refuses what matches none', () => {
    expect(filter('2000@user-interface')).toMatchObject({defaultAction: 'deny'})
    expect(filter('2000@user-interface').rules).toHaveLength(3)
  })
})
