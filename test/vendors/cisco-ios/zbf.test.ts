import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {evaluateFilter} from '../../../src/analysis/filters/index.js'
import type {Packet} from '../../../src/analysis/packetset/index.js'
import {type Filter, UNZONED} from '../../../src/model/index.js'
import {ciscoIos} from '../../../src/vendors/cisco-ios/index.js'
import {corpusPresent, corpusRoot, parseFixture} from './helpers.js'

const cfg = parseFixture('zbf.cfg')

function filter(name: string): Filter {
  const f = cfg.filters.find((x) => x.name === name)
  if (!f) throw new Error(`no filter ${name}`)
  return f
}

const tcp = (src: string, dst: string, dstPort: number, state: Packet['state'] = 'new', srcPort = 40000): Packet => ({family: 4, src, dst, protocol: 6, srcPort, dstPort, state})

describe('cisco-ios zone-based firewall extraction', () => {
  it('recognizes every ZBF line of the fixture', () => {
    expect(cfg.coverage.unrecognized).toEqual([])
  })

  it('security zones with their member interfaces, and the self zone', () => {
    expect(cfg.securityZones.map((z) => [z.name, z.interfaces])).toEqual([
      ['INSIDE', ['GigabitEthernet0/0', 'GigabitEthernet0/1']],
      ['DMZ', ['GigabitEthernet0/2']],
      ['OUTSIDE', ['GigabitEthernet0/3']],
      ['self', []],
    ])
  })

  it('one zone-policy filter per zone-pair with a policy, bound to the pair', () => {
    const pairs = cfg.filterBindings.filter((b) => b.kind === 'zone-pair')
    expect(pairs.map((b) => (b.kind === 'zone-pair' ? [b.filter, b.from, b.to] : []))).toEqual([
      ['zone-pair:IN-DMZ', 'INSIDE', 'DMZ'],
      ['zone-pair:DMZ-IN', 'DMZ', 'INSIDE'],
      ['zone-pair:DMZ-OUT', 'DMZ', 'OUTSIDE'],
      ['zone-pair:OUT-SELF', 'OUTSIDE', 'self'],
      ['zone-pair:UNDEF', 'INSIDE', 'OUTSIDE'],
    ])
    expect(cfg.filterBindings).toContainEqual(expect.objectContaining({kind: 'global', filter: 'zone-based-firewall'}))
  })

  it('rules in class order; match-all intersects the ACL with the protocol; nested class-maps expand', () => {
    const f = filter('zone-pair:IN-DMZ')
    expect(f).toMatchObject({kind: 'zone-policy', defaultAction: 'deny', stateful: true})
    expect(f.defaultRef?.line).toBe(33)
    expect(f.rules.map((r) => [r.id, r.action])).toEqual([
      ['WEB', 'permit'],
      ['NESTED/1', 'permit'],
      ['NESTED/2', 'permit'],
      ['NESTED/3', 'permit'],
    ])
    expect(f.rules[0]?.match).toEqual({
      src: [{kind: 'any'}],
      dst: [{kind: 'prefix', family: 4, address: '192.0.2.10', length: 32}],
      protocols: [6],
      dstPorts: [{from: 443, to: 443}],
    })
    expect(f.rules.slice(1).map((r) => r.match.dstPorts)).toEqual([[{from: 25, to: 25}], [{from: 993, to: 993}], [{from: 22, to: 22}]])
    expect(f.rules[0]?.refs?.map((r) => r.line)).toEqual(expect.arrayContaining([29, 9, 10, 11]))
  })

  it('class-default without an action drops; pass-only pairs keep no sessions', () => {
    expect(filter('zone-pair:DMZ-OUT')).toMatchObject({defaultAction: 'deny', stateful: false})
    expect(filter('zone-pair:OUT-SELF')).toMatchObject({defaultAction: 'permit', stateful: false})
  })

  it('undecided classes and policies are unknown with a reason, never dropped', () => {
    expect(filter('zone-pair:DMZ-IN').rules).toMatchObject([{id: 'ODD', action: 'unknown', reason: expect.stringMatching(/gopher-plus.*port-to-application/)}])
    expect(filter('zone-pair:OUT-SELF').rules[1]).toMatchObject({id: 'HOLEY', action: 'unknown', reason: expect.stringMatching(/HOLES has deny/)})
    expect(filter('zone-pair:UNDEF').rules).toMatchObject([{action: 'unknown', reason: 'undefined inspect policy-map MISSING'}])
  })
})

describe('cisco-ios zone-based firewall semantics', () => {
  const zbf = filter('zone-based-firewall')
  const verdict = (p: Packet, from: string, to: string) => evaluateFilter(zbf, p, {from, to}).verdict

  it('interfaces of the same zone pass freely', () => {
    expect(verdict(tcp('10.1.0.5', '10.1.1.5', 3389), 'INSIDE', 'INSIDE')).toBe('permit')
  })

  it('inspect admits the class and its return traffic; the class-default drops the rest', () => {
    expect(verdict(tcp('10.1.0.5', '192.0.2.10', 443), 'INSIDE', 'DMZ')).toBe('permit')
    expect(verdict(tcp('10.1.0.5', '192.0.2.11', 443), 'INSIDE', 'DMZ')).toBe('deny')
    expect(verdict(tcp('10.1.0.5', '192.0.2.10', 80), 'INSIDE', 'DMZ')).toBe('deny')
    const reply = tcp('192.0.2.10', '10.1.0.5', 40000, 'established', 443)
    expect(evaluateFilter(zbf, reply, {from: 'DMZ', to: 'INSIDE'})).toMatchObject({verdict: 'permit', rule: {id: 'IN-DMZ:WEB:return'}})
  })

  it('pass is one-way: no return traffic without a policy the other way', () => {
    const ping: Packet = {family: 4, src: '192.0.2.10', dst: '203.0.113.9', protocol: 1, icmpType: 8, state: 'new'}
    expect(verdict(ping, 'DMZ', 'OUTSIDE')).toBe('permit')
    const echoReply: Packet = {family: 4, src: '203.0.113.9', dst: '192.0.2.10', protocol: 1, icmpType: 0, state: 'established'}
    expect(verdict(echoReply, 'OUTSIDE', 'DMZ')).toBe('deny')
  })

  it('zones with no zone-pair, or a pair without a policy, drop', () => {
    expect(verdict(tcp('192.0.2.10', '203.0.113.9', 443), 'OUTSIDE', 'DMZ')).toBe('deny')
    expect(verdict(tcp('203.0.113.9', '10.1.0.5', 22), 'OUTSIDE', 'INSIDE')).toBe('deny')
  })

  it('an interface in no zone reaches other unzoned interfaces and the router, never a zone', () => {
    const p = tcp('172.16.4.9', '172.16.5.9', 80)
    expect(verdict(p, UNZONED, UNZONED)).toBe('permit')
    expect(verdict(p, UNZONED, 'INSIDE')).toBe('deny')
    expect(verdict(p, 'INSIDE', UNZONED)).toBe('deny')
    expect(verdict(p, UNZONED, 'self')).toBe('permit')
  })

  it('self traffic passes until a self zone-pair restricts that direction', () => {
    expect(verdict(tcp('10.1.0.5', '10.1.0.1', 22), 'INSIDE', 'self')).toBe('permit')
    expect(verdict(tcp('203.0.113.1', '203.0.113.9', 22), 'self', 'OUTSIDE')).toBe('permit')
    expect(verdict(tcp('203.0.113.9', '203.0.113.1', 22), 'OUTSIDE', 'self')).toBe('deny')
    expect(verdict(tcp('203.0.113.9', '203.0.113.1', 443), 'OUTSIDE', 'self')).toBe('unknown')
  })

  it('fails closed: an undecided class or policy makes its pair unknown, and so does a missing zone pair', () => {
    expect(verdict(tcp('192.0.2.10', '10.1.0.5', 22), 'DMZ', 'INSIDE')).toBe('unknown')
    expect(verdict(tcp('10.1.0.5', '203.0.113.9', 443), 'INSIDE', 'OUTSIDE')).toBe('unknown')
    // sessions DMZ→INSIDE may have been inspected: their return traffic is undecided too
    expect(verdict(tcp('10.1.0.5', '192.0.2.10', 40000, 'established', 22), 'INSIDE', 'DMZ')).toBe('unknown')
    expect(evaluateFilter(zbf, tcp('10.1.0.5', '10.1.1.5', 22)).verdict).toBe('unknown')
  })
})

describe('cisco-ios zone-based firewall edge cases', () => {
  const parse = (text: string) => ciscoIos.parseConfig(text, 'inline.cfg')
  const zonesOnly = 'zone security A\nzone security B\nzone-pair security AB source A destination B\n service-policy type inspect P\n'

  it('ip port-map makes classes naming the application undecided and is reported', () => {
    const out = parse(`ip port-map http port 8080\nclass-map type inspect match-any C\n match protocol http\npolicy-map type inspect P\n class type inspect C\n  inspect\n${zonesOnly}`)
    expect(out.coverage.unrecognized.map((u) => u.line)).toEqual([1])
    expect(out.filters.find((f) => f.name === 'zone-pair:AB')?.rules).toMatchObject([{action: 'unknown', reason: /re-mapped/}])
  })

  it('match-all of two address conditions, self-reference and undefined classes fail closed', () => {
    const text = [
      'ip access-list extended X',
      ' permit ip 10.0.0.0 0.0.0.255 any',
      'class-map type inspect match-all TWO',
      ' match access-group name X',
      ' match access-group name X',
      'class-map type inspect match-any LOOP',
      ' match class-map LOOP',
      'policy-map type inspect P',
      ' class type inspect TWO',
      '  pass',
      ' class type inspect LOOP',
      '  pass',
      ' class type inspect NOPE',
      '  pass',
      zonesOnly,
    ].join('\n')
    const rules = parse(text).filters.find((f) => f.name === 'zone-pair:AB')?.rules ?? []
    expect(rules.map((r) => [r.id, r.action, r.reason])).toEqual([
      ['TWO', 'unknown', expect.stringMatching(/match-all/)],
      ['LOOP', 'unknown', expect.stringMatching(/refers to itself/)],
      ['NOPE', 'unknown', 'undefined class-map NOPE'],
    ])
  })

  it('application-layer class and policy maps, unknown actions and match conditions are reported', () => {
    const text = [
      'class-map type inspect http match-any L7',
      ' match request uri regex BAD',
      'class-map type inspect match-any C',
      ' match user-group staff',
      'policy-map type inspect P',
      ' class type inspect C',
      '  reset',
      zonesOnly,
    ].join('\n')
    const out = parse(text)
    expect(out.coverage.unrecognized.map((u) => u.line)).toEqual([1, 2, 4, 7])
    expect(out.filters.find((f) => f.name === 'zone-pair:AB')?.rules).toMatchObject([{id: 'C', action: 'unknown'}])
  })

  it('a file without ZBF gets no zone filters', () => {
    const out = parse('hostname plain\ninterface Gi0/0\n ip address 10.0.0.1 255.255.255.0\n')
    expect(out.filters).toEqual([])
    expect(out.securityZones).toEqual([])
  })
})

describe.skipIf(!corpusPresent)('cisco-ios zone-based firewall on the GNS3 ZBF lab (FW1)', () => {
  const file = join(corpusRoot, 'cisco_ios/Chongzy5419__entrenet-export/gns3_zbf_FW1.cfg')
  const lab = ciscoIos.parseConfig(readFileSync(file), file)
  const zbf = lab.filters.find((f) => f.name === 'zone-based-firewall')
  const verdict = (p: Packet, from: string, to: string) => (zbf ? evaluateFilter(zbf, p, {from, to}).verdict : 'missing')

  it('recognizes every ZBF line (only an unrelated IPv6 IOAM line is left)', () => {
    expect(lab.coverage.unrecognized.map((u) => u.text)).toEqual(['ipv6 ioam timestamp'])
    expect(lab.securityZones.find((z) => z.name === 'Internal')?.interfaces).toEqual(['Loopback1', 'GigabitEthernet0/0.10', 'GigabitEthernet0/1.20'])
  })

  it('Internal reaches the DMZ for web, DNS and ICMP only, and the DMZ cannot open sessions back', () => {
    expect(verdict(tcp('148.54.1.1', '148.54.130.5', 443), 'Internal', 'DMZ')).toBe('permit')
    expect(verdict({family: 4, src: '148.54.1.1', dst: '148.54.130.5', protocol: 17, srcPort: 5353, dstPort: 53, state: 'new'}, 'Internal', 'DMZ')).toBe('permit')
    expect(verdict(tcp('148.54.1.1', '148.54.130.5', 22), 'Internal', 'DMZ')).toBe('deny')
    expect(verdict(tcp('148.54.130.5', '148.54.1.1', 443), 'DMZ', 'Internal')).toBe('deny')
    expect(verdict(tcp('148.54.130.5', '148.54.1.1', 40000, 'established', 443), 'DMZ', 'Internal')).toBe('permit')
  })

  it('Internal → External is `pass` (class-default): one way, replies are dropped', () => {
    expect(verdict(tcp('148.54.1.1', '8.8.8.8', 22), 'Internal', 'External')).toBe('permit')
    expect(verdict(tcp('8.8.8.8', '148.54.1.1', 40000, 'established', 22), 'External', 'Internal')).toBe('deny')
  })
})
