import {describe, expect, it} from 'vitest'
import type {Filter} from '../../../src/model/index.js'
import {parseFixture} from './helpers.js'

const cfg = parseFixture('acl.cfg')
function filter(name: string): Filter {
  const f = cfg.filters.find((x) => x.name === name)
  if (!f) throw new Error(`no filter ${name}`)
  return f
}

describe('cisco-ios ACL extraction', () => {
  it('numbered standard ACL: wildcard → prefix, host, any, implicit deny', () => {
    const f = filter('10')
    expect(f).toMatchObject({kind: 'acl', family: 4, defaultAction: 'deny', stateful: false})
    expect(f.rules.map((r) => [r.id, r.action, r.match.src])).toEqual([
      ['10', 'permit', [{kind: 'prefix', family: 4, address: '10.9.9.0', length: 24}]],
      ['20', 'permit', [{kind: 'prefix', family: 4, address: '10.9.8.7', length: 32}]],
      ['30', 'deny', [{kind: 'any'}]],
    ])
    expect(f.rules[0]?.match.dst).toEqual([{kind: 'any'}])
    expect(f.rules[0]?.ref.line).toBe(19)
  })

  it('numbered extended ACL: protocols, ports by name and operator, established, ICMP type', () => {
    const rules = filter('110').rules
    expect(rules[0]?.match).toMatchObject({
      protocols: [6],
      src: [{kind: 'prefix', address: '172.20.0.0', length: 16}],
      dst: [{kind: 'prefix', address: '203.0.113.20', length: 32}],
      dstPorts: [{from: 443, to: 443}],
    })
    expect(rules[1]?.match).toMatchObject({protocols: [6], state: 'established'})
    expect(rules[2]).toMatchObject({action: 'deny', match: {src: [{kind: 'prefix', address: '10.0.0.0', length: 8}]}})
    expect(rules[2]?.match.protocols).toBeUndefined()
    expect(rules[3]?.match).toMatchObject({protocols: [17], srcPorts: [{from: 53, to: 53}], dstPorts: [{from: 1024, to: 65535}]})
    expect(rules[4]?.match).toMatchObject({protocols: [1], icmpTypes: [{type: 0}]})
    expect(rules[5]?.match.dstPorts).toEqual([{from: 20, to: 21}])
    expect(rules[6]?.match.dstPorts).toEqual([{from: 0, to: 79}, {from: 81, to: 65535}])
  })

  it('keeps a non-contiguous wildcard as a wildcard', () => {
    expect(filter('110').rules[7]?.match.src).toEqual([{kind: 'wildcard', address: '10.1.0.0', wildcard: '0.0.255.0'}])
  })

  it('named ACL: sequence order, object groups expanded, one rule per service alternative', () => {
    const rules = filter('PORTAL-IN').rules
    expect(rules.map((r) => [r.id, r.action])).toEqual([
      ['10', 'permit'],
      ['20/1', 'permit'],
      ['20/2', 'permit'],
      ['20/3', 'permit'],
      ['30', 'permit'],
      ['40', 'unknown'],
      ['50', 'permit'],
    ])
    expect(rules[1]?.match).toMatchObject({protocols: [6], dstPorts: [{from: 80, to: 80}]})
    expect(rules[3]?.match).toMatchObject({protocols: [17], dstPorts: [{from: 3478, to: 3479}]})
    expect(rules[1]?.match.dst).toEqual([
      {kind: 'prefix', family: 4, address: '203.0.113.10', length: 32},
      {kind: 'prefix', family: 4, address: '203.0.113.16', length: 28},
      {kind: 'range', family: 4, first: '203.0.113.40', last: '203.0.113.45'},
    ])
    expect(rules[4]?.match.dst).toHaveLength(4) // nested group-object + host
    expect(rules[6]?.match.protocols).toEqual([47])
  })

  it('fails closed on an option it cannot model and reports the line', () => {
    const unknown = filter('PORTAL-IN').rules[5]
    expect(unknown).toMatchObject({action: 'unknown', ref: {line: 36}})
    expect(cfg.coverage.unrecognized).toMatchObject([
      {line: 36, text: '40 deny ip any any fragments', context: 'ip access-list extended PORTAL-IN'},
    ])
  })

  it('IPv6 ACL: prefixes, implicit neighbor discovery permits before the implicit deny', () => {
    const f = filter('V6-IN')
    expect(f.family).toBe(6)
    expect(f.rules.map((r) => r.id)).toEqual(['10', '20', 'implicit-nd-na', 'implicit-nd-ns'])
    expect(f.rules[0]?.match).toMatchObject({
      family: 6,
      protocols: [6],
      src: [{kind: 'prefix', family: 6, address: '2001:db8::', length: 32}],
      dst: [{kind: 'prefix', family: 6, address: '2001:db8::10', length: 128}],
      dstPorts: [{from: 22, to: 22}],
    })
  })

  it('binds ACLs to interfaces and the vty', () => {
    expect(cfg.filterBindings).toMatchObject([
      {kind: 'interface', filter: 'PORTAL-IN', interface: 'GigabitEthernet0/0', direction: 'in', ref: {line: 48}},
      {kind: 'interface', filter: '110', interface: 'GigabitEthernet0/0', direction: 'out'},
      {kind: 'interface', filter: 'V6-IN', interface: 'GigabitEthernet0/0', direction: 'in'},
      {kind: 'management', filter: 'MGMT', line: 'line vty 0 4'},
    ])
  })
})

describe('cisco-ios ACL entries that cannot be expanded fail closed with a reason', () => {
  it('an undefined object-group makes the entry unknown and says it is not defined', async () => {
    const {ciscoIos} = await import('../../../src/vendors/cisco-ios/index.js')
    const text = [
      'hostname r1',
      'object-group network WEB',
      ' host 203.0.113.10',
      'ip access-list extended IN',
      ' permit tcp object-group CLIENTS object-group WEB eq 443',
      ' permit tcp any object-group WEB eq 80',
      'end',
    ].join('\n')
    const f = ciscoIos.parseConfig(text, 'r1.cfg').filters.find((x) => x.name === 'IN')
    expect(f?.rules[0]).toMatchObject({action: 'unknown', reason: 'object-group CLIENTS is not defined', ref: {line: 5}})
    expect(f?.rules[1]).toMatchObject({action: 'permit', match: {dst: [{kind: 'prefix', address: '203.0.113.10', length: 32}]}})
  })
})
