import {describe, expect, it} from 'vitest'
import {compileFilter, evaluateFilter} from '../../../src/analysis/filters/index.js'
import type {Packet} from '../../../src/analysis/packetset/index.js'
import type {Filter} from '../../../src/model/index.js'
import {h3cComware} from '../../../src/vendors/h3c-comware/index.js'
import {lineOf, parseFixture} from './helpers.js'

const tcp = (src: string, dst: string, dstPort: number, state: Packet['state'] = 'new', srcPort = 40000): Packet => ({family: 4, src, dst, protocol: 6, srcPort, dstPort, state})

function filterOf(cfg: ReturnType<typeof parseFixture>, name: string): Filter {
  const f = cfg.filters.find((x) => x.name === name)
  if (!f) throw new Error(`no filter ${name} among ${cfg.filters.map((x) => x.name).join(', ')}`)
  return f
}

describe('h3c-comware object-policy extraction', () => {
  const cfg = parseFixture('object-policy.cfg')
  const pair = filterOf(cfg, 'zone-pair Trust->DMZ')

  it('only the host-name address object is reported', () => {
    expect(cfg.coverage.unrecognized.map((u) => u.line)).toEqual([lineOf('object-policy.cfg', 'network host name')])
  })

  it('the applied policy becomes the pair filter: configuration order, disabled rules left out, default drop, stateful', () => {
    expect(pair).toMatchObject({kind: 'zone-policy', defaultAction: 'deny', stateful: true})
    expect(pair.rules.map((r) => [r.id, r.action])).toEqual([
      ['Trust-DMZ:0/1', 'deny'],
      ['Trust-DMZ:0/2', 'deny'],
      ['Trust-DMZ:5/1', 'permit'],
      ['Trust-DMZ:5/2', 'permit'],
      ['Trust-DMZ:5/3', 'permit'],
      ['Trust-DMZ:5/4', 'permit'],
      ['Trust-DMZ:6', 'unknown'],
      ['Trust-DMZ:7', 'unknown'],
      ['Trust-DMZ:8', 'unknown'],
      ['Trust-DMZ:10', 'permit'],
    ])
    expect(cfg.filterBindings).toContainEqual(expect.objectContaining({kind: 'zone-pair', from: 'Trust', to: 'DMZ', filter: 'zone-pair Trust->DMZ'}))
  })

  it('address groups expand subnets (mask or length), hosts, ranges and nested groups', () => {
    expect(pair.rules[0]?.match.src).toEqual([
      {kind: 'prefix', family: 4, address: '10.10.0.0', length: 24},
      {kind: 'prefix', family: 4, address: '10.20.0.0', length: 16},
      {kind: 'prefix', family: 4, address: '10.30.0.5', length: 32},
      {kind: 'range', family: 4, first: '10.30.1.1', last: '10.30.1.20'},
    ])
    expect(pair.rules[0]?.match.dst).toEqual([{kind: 'prefix', family: 4, address: '192.0.2.10', length: 32}])
  })

  it('service groups expand into one rule per term, nested groups included', () => {
    expect(pair.rules.slice(2, 6).map((r) => [r.match.protocols, r.match.srcPorts, r.match.dstPorts, r.match.icmpTypes])).toEqual([
      [[6], undefined, [{from: 443, to: 443}], undefined],
      [[6], [{from: 1024, to: 65535}], [{from: 8443, to: 8443}], undefined],
      [[6], undefined, [{from: 22, to: 22}], undefined],
      [[1], undefined, undefined, [{type: 8, code: 0}]],
    ])
    // `inspect` passes the flow to DPI; predefined service `http` is tcp/80
    expect(pair.rules[9]?.match).toMatchObject({protocols: [6], dstPorts: [{from: 80, to: 80}], dst: [{kind: 'any'}]})
  })

  it('undefined objects, host names and run-time conditions are unknown with a reason', () => {
    expect(pair.rules.slice(6, 9).map((r) => r.reason)).toEqual([
      'undefined object address group GHOST',
      'unsupported address object "network host name intranet.example.gov"',
      'condition "time-range" depends on run-time state',
    ])
    expect(filterOf(cfg, 'zone-pair DMZ->Untrust').rules).toMatchObject([{action: 'unknown', reason: 'undefined object-policy NOWHERE'}])
  })
})

describe('h3c-comware object-policy semantics', () => {
  const cfg = parseFixture('object-policy.cfg')
  const pair = filterOf(cfg, 'zone-pair Trust->DMZ')
  const back = filterOf(cfg, 'zone-pair DMZ->Trust')

  it('first match: the drop for SSH wins over the later pass, HTTPS passes, other ports hit the undecided rules', () => {
    expect(evaluateFilter(pair, tcp('10.10.0.7', '192.0.2.10', 22))).toMatchObject({verdict: 'deny', rule: {id: 'Trust-DMZ:0/1'}})
    expect(evaluateFilter(pair, tcp('10.20.3.4', '192.0.2.10', 443))).toMatchObject({verdict: 'permit', rule: {id: 'Trust-DMZ:5/1'}})
    expect(evaluateFilter(pair, tcp('10.10.0.7', '192.0.2.10', 8443, 'new', 999)).verdict).toBe('unknown')
  })

  it('return traffic of a permitted session passes the reverse pair; new flows that way are dropped', () => {
    expect(evaluateFilter(back, tcp('192.0.2.10', '10.10.0.7', 40000, 'established', 443))).toMatchObject({verdict: 'permit', by: 'session'})
    expect(evaluateFilter(back, tcp('192.0.2.10', '10.10.0.7', 443)).verdict).toBe('deny')
  })

  it('packet sets: the permitted set of the pair is exactly what the pass rules admit before the first undecided rule', () => {
    const c = compileFilter(pair)
    expect(c.permitted.contains(tcp('10.30.1.20', '192.0.2.10', 443))).toBe(true)
    expect(c.denied.contains(tcp('10.30.1.20', '192.0.2.10', 22))).toBe(true)
    expect(c.unknown.contains(tcp('10.30.1.21', '192.0.2.10', 443))).toBe(true)
  })
})

describe('h3c-comware security-policy', () => {
  const cfg = parseFixture('security-policy.cfg')
  const sp = filterOf(cfg, 'security-policy ip')
  const verdict = (p: Packet, from: string, to: string) => evaluateFilter(sp, p, {from, to}).verdict

  it('recognizes every line; one stateful global filter with default deny replaces the object policies', () => {
    expect(cfg.coverage.unrecognized).toEqual([])
    expect(sp).toMatchObject({kind: 'security-policy', family: 4, defaultAction: 'deny', stateful: true})
    expect(cfg.filterBindings).toEqual([expect.objectContaining({kind: 'global', filter: 'security-policy ip'})])
    expect(cfg.filters.map((f) => f.name)).not.toContain('zone-pair Trust->Untrust')
  })

  it('rules keep their order and names; zones take the spelling of their definition; a rule without action drops', () => {
    expect(sp.rules.map((r) => [r.id, r.action, r.fromZones, r.toZones])).toEqual([
      ['0:block-telnet', 'deny', ['Trust'], ['Untrust']],
      ['1:lan-dns/1', 'permit', ['Trust'], ['Untrust']],
      ['1:lan-dns/2', 'permit', ['Trust'], ['Untrust']],
      ['2:web-host', 'permit', ['Trust'], ['Untrust']],
      ['3:no-action', 'deny', ['Untrust'], ['Trust']],
      ['5:by-user', 'unknown', ['Untrust'], undefined],
      ['6:typo', 'unknown', undefined, undefined],
    ])
    expect(sp.rules[3]?.match).toMatchObject({
      src: [{kind: 'prefix', address: '10.10.0.0', length: 24}],
      dst: [{kind: 'prefix', address: '198.51.100.7', length: 32}],
      protocols: [6],
      dstPorts: [{from: 443, to: 443}],
    })
    expect(sp.rules[6]?.reason).toBe('undefined object address group MISSING')
  })

  it('verdicts between zones: telnet dropped, DNS and the web host pass, everything else undecided or denied', () => {
    const dns: Packet = {family: 4, src: '10.10.0.9', dst: '8.8.8.8', protocol: 17, srcPort: 5353, dstPort: 53, state: 'new'}
    expect(verdict(tcp('10.10.0.9', '198.51.100.7', 23), 'Trust', 'Untrust')).toBe('deny')
    expect(verdict(dns, 'Trust', 'Untrust')).toBe('permit')
    expect(verdict(tcp('10.10.0.9', '198.51.100.7', 443), 'Trust', 'Untrust')).toBe('permit')
    expect(verdict(tcp('10.10.0.9', '198.51.100.8', 443), 'Trust', 'Untrust')).toBe('unknown')
    expect(verdict(tcp('198.51.100.7', '10.10.0.9', 22), 'Untrust', 'Trust')).toBe('deny')
    expect(verdict(tcp('198.51.100.7', '10.10.0.9', 40000, 'established', 443), 'Untrust', 'Trust')).toBe('permit')
  })

  it('the ipv6 policy is its own filter and leaves IPv4 to the other', () => {
    const text = '#\nsecurity-policy ipv6\n rule 0 name v6\n  action pass\n  destination-ip-subnet 2001:db8:: 32\n#\nreturn\n'
    const out = h3cComware.parseConfig(text, 'inline.cfg')
    const f = filterOf(out, 'security-policy ipv6')
    expect(f.rules[0]?.match.dst).toEqual([{kind: 'prefix', family: 6, address: '2001:db8::', length: 32}])
    expect(evaluateFilter(f, tcp('10.0.0.1', '10.0.0.2', 80)).by).toBe('other-family')
  })
})
