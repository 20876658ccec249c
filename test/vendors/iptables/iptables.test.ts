import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {evaluateFilter, shadowedRules} from '../../../src/analysis/filters/index.js'
import type {Packet} from '../../../src/analysis/packetset/index.js'
import {bindFilterInterfaces, type DeviceConfig, type Filter, type HopInterfaces} from '../../../src/model/index.js'
import {iptables} from '../../../src/vendors/iptables/index.js'

function parse(name: string): DeviceConfig {
  return iptables.parseConfig(readFileSync(fileURLToPath(new URL(`../../fixtures/iptables/${name}`, import.meta.url))), name)
}

function filter(cfg: DeviceConfig, name: string): Filter {
  const f = cfg.filters.find((x) => x.name === name)
  if (!f) throw new Error(`no filter ${name}`)
  return f
}

const tcp = (src: string, dst: string, dstPort: number, extra: Partial<Packet> = {}): Packet => ({
  family: 4,
  src,
  dst,
  protocol: 6,
  srcPort: 40000,
  dstPort,
  state: 'new',
  ...extra,
})

function verdict(f: Filter, p: Packet, hop: HopInterfaces = {}): string {
  return evaluateFilter(bindFilterInterfaces(f, hop), p).verdict
}

describe('iptables extraction', () => {
  it('binds FORWARD globally and INPUT as the management filter; the file has no interfaces', () => {
    const cfg = parse('chains.rules')
    expect(cfg.vendor).toBe('iptables')
    expect(cfg.interfaces).toEqual([])
    expect(cfg.filters.map((f) => f.name)).toEqual(['FORWARD', 'INPUT', 'OUTPUT'])
    expect(cfg.filterBindings.map((b) => [b.kind, b.filter])).toEqual([
      ['transit', 'FORWARD'],
      ['local', 'INPUT'],
    ])
    expect(filter(cfg, 'FORWARD')).toMatchObject({kind: 'chain', family: 4, defaultAction: 'deny', stateful: true})
    expect(filter(cfg, 'OUTPUT').defaultAction).toBe('permit')
  })

  it('keeps -i/-o as interface matches with + wildcards', () => {
    const fwd = filter(parse('chains.rules'), 'FORWARD')
    const web = fwd.rules.find((r) => r.id === 'FORWARD#3 > web#2')
    expect(web?.match).toMatchObject({inInterfaces: ['lan+'], outInterfaces: ['dmz0'], protocols: [6]})
    expect(web?.match.dstPorts).toEqual([
      {from: 80, to: 80},
      {from: 443, to: 443},
    ])
    expect(web?.refs?.map((r) => r.line)).toEqual([10])
  })
})

describe('iptables chain inlining', () => {
  const fwd = filter(parse('chains.rules'), 'FORWARD')
  const lanToDmz = {in: 'lan1', out: 'dmz0'}

  it('a jump returns to the rule after the caller; a chain that falls through continues there', () => {
    expect(verdict(fwd, tcp('10.99.7.1', '10.99.3.2', 443), lanToDmz)).toBe('permit')
    // Falls through web, then FORWARD#4 (not from 10.99.1.0/24), then FORWARD#5 (icmp only): policy.
    expect(verdict(fwd, tcp('10.99.7.1', '10.99.3.2', 8080), lanToDmz)).toBe('deny')
  })

  it('RETURN skips the rest of the chain and resumes the caller', () => {
    // 10.99.1.66 returns from web, then FORWARD#4 sends it (goto) to mgmt: port 22 towards 10.99.2.0/24 passes.
    expect(verdict(fwd, tcp('10.99.1.66', '10.99.2.9', 22), lanToDmz)).toBe('permit')
    expect(verdict(fwd, tcp('10.99.1.66', '10.99.3.2', 443), lanToDmz)).toBe('deny')
  })

  it('goto does not come back: mgmt falling through ends at the policy, not at FORWARD#5', () => {
    const ping: Packet = {family: 4, src: '10.99.1.5', dst: '10.99.2.9', protocol: 1, icmpType: 8, icmpCode: 0, state: 'new'}
    expect(verdict(fwd, ping, {in: 'eth9', out: 'eth8'})).toBe('deny')
    expect(verdict(fwd, {...ping, src: '10.99.5.5'}, {in: 'eth9', out: 'eth8'})).toBe('permit')
  })

  it('REJECT and DROP are both deny; a negated port list complements it', () => {
    const udp = (dstPort: number): Packet => ({family: 4, src: '10.99.7.1', dst: '10.99.3.2', protocol: 17, srcPort: 5000, dstPort, state: 'new'})
    expect(verdict(fwd, udp(123), lanToDmz)).toBe('deny')
    const reject = fwd.rules.find((r) => r.id === 'FORWARD#3 > web#3')
    expect(reject?.match.dstPorts).toEqual([
      {from: 0, to: 52},
      {from: 54, to: 65535},
    ])
  })

  it('an interface the hop does not know makes interface-bound rules unknown, never deny', () => {
    const bound = bindFilterInterfaces(fwd, {})
    expect(bound.rules.filter((r) => r.match.inInterfaces !== undefined)).toEqual([])
    expect(evaluateFilter(bound, tcp('10.99.7.1', '10.99.3.2', 443)).verdict).toBe('unknown')
  })

  it('established traffic passes on the session when the chain accepts it first', () => {
    expect(verdict(fwd, tcp('10.99.3.2', '10.99.7.1', 40000, {state: 'established'}), {in: 'dmz0', out: 'lan1'})).toBe('permit')
  })
})

describe('iptables matches', () => {
  const fwd = filter(parse('negation.rules'), 'FORWARD')

  it('negated source (both syntaxes), protocol and port', () => {
    expect(verdict(fwd, tcp('192.0.2.1', '10.2.0.1', 80))).toBe('deny')
    expect(verdict(fwd, tcp('10.9.0.1', '10.5.0.1', 22))).toBe('deny')
    expect(verdict(fwd, tcp('10.1.0.1', '10.5.0.1', 22))).toBe('deny')
    expect(verdict(fwd, {family: 4, src: '10.1.0.1', dst: '10.2.0.9', protocol: 17, srcPort: 1, dstPort: 1, state: 'new'})).toBe('permit')
    expect(verdict(fwd, tcp('10.1.0.1', '10.2.0.9', 8080))).toBe('permit')
  })

  it('multiport --ports matches either port', () => {
    expect(verdict(fwd, tcp('10.1.0.1', '10.5.0.1', 443))).toBe('permit')
    expect(verdict(fwd, tcp('10.1.0.1', '10.5.0.1', 25, {srcPort: 80}))).toBe('permit')
    expect(verdict(fwd, tcp('10.1.0.1', '10.5.0.1', 25))).toBe('deny')
  })

  it('iprange and an address list (one kernel rule per address)', () => {
    expect(verdict(fwd, tcp('10.1.0.1', '10.3.0.15', 25))).toBe('permit')
    expect(verdict(fwd, tcp('10.1.0.1', '10.3.0.21', 25))).toBe('deny')
    expect(verdict(fwd, tcp('10.4.0.2', '10.5.0.1', 25))).toBe('permit')
    expect(fwd.rules.filter((r) => r.id === 'FORWARD#7')).toHaveLength(2)
  })

  it('counters are read past; -I inserts before the appended rules', () => {
    const f = filter(parse('counters.rules'), 'FORWARD')
    expect(f.rules.map((r) => r.id)).toEqual(['FORWARD#1', 'FORWARD#2', 'FORWARD#3'])
    expect(f.rules[0]?.ref.line).toBe(8)
    expect(verdict(f, tcp('10.6.6.6', '10.0.0.1', 80))).toBe('deny')
    // INVALID is no state of the model's packets: the rule matches none of them.
    expect(f.rules).toHaveLength(3)
  })

  it('ip6tables-save: an IPv6 filter named ip6 <chain>', () => {
    const cfg = parse('ip6.rules')
    const f = filter(cfg, 'ip6 FORWARD')
    expect(f.family).toBe(6)
    const p: Packet = {family: 6, src: '2001:db8:1::5', dst: '2001:db8:2::10', protocol: 6, srcPort: 40000, dstPort: 443, state: 'new'}
    expect(evaluateFilter(f, p).verdict).toBe('permit')
    expect(evaluateFilter(f, {...p, dstPort: 80}).verdict).toBe('deny')
    expect(cfg.coverage.unrecognized).toEqual([])
  })
})

describe('iptables stateful', () => {
  it('the leading established accept is the filter being stateful, not a rule that matches nothing', () => {
    const cfg = parse('session.rules')
    const f = filter(cfg, 'FORWARD')
    expect(f.stateful).toBe(true)
    expect(f.rules.map((r) => r.id)).toEqual(['FORWARD#2'])
    expect(verdict(f, tcp('192.0.2.1', '10.1.0.5', 40000, {state: 'established'}), {in: 'wan0', out: 'lan0'})).toBe('permit')
    expect(verdict(f, tcp('10.1.0.5', '192.0.2.1', 443), {in: 'lan0', out: 'wan0'})).toBe('permit')
    expect(verdict(f, tcp('192.0.2.1', '10.1.0.5', 443), {in: 'wan0', out: 'lan0'})).toBe('deny')
    expect(shadowedRules(bindFilterInterfaces(f, {in: 'lan0', out: 'wan0'}))).toEqual([])
    expect(cfg.coverage.unrecognized).toEqual([])
    // Also behind permits that see established packets too: no new session is decided differently.
    const input = filter(cfg, 'INPUT')
    expect(input.stateful).toBe(true)
    expect(input.rules.map((r) => r.id)).toEqual(['INPUT#1'])
  })

  it('is false when a rule can deny return traffic before the established accept', () => {
    const f = filter(parse('stateless.rules'), 'FORWARD')
    expect(f.stateful).toBe(false)
    const back = tcp('10.9.9.9', '10.1.1.1', 40000, {state: 'established'})
    expect(verdict(f, back, {in: 'eth1', out: 'eth0'})).toBe('deny')
    expect(verdict(f, {...back, src: '10.9.9.8'}, {in: 'eth1', out: 'eth0'})).toBe('permit')
  })
})

describe('iptables warnings', () => {
  const cfg = parse('unknown.rules')
  const fwd = filter(cfg, 'FORWARD')

  it('reports each unmodelled rule with its reason and keeps logging rules recognized', () => {
    const reasons = Object.fromEntries(cfg.coverage.unrecognized.map((u) => [u.line, u.reason]))
    expect(reasons).toEqual({
      6: 'match module limit is not modelled',
      7: 'match module mark is not modelled',
      8: expect.stringContaining('address intranet.example is not understood'),
      9: 'target NFQUEUE is not modelled',
      13: 'jump to an undeclared chain nowhere',
    })
    expect(cfg.coverage.lines).toBe(14)
  })

  it('a rule not understood decides unknown (fail closed), never deny', () => {
    expect(verdict(fwd, tcp('10.0.0.1', '10.0.0.2', 22))).toBe('unknown')
    expect(verdict(fwd, {family: 4, src: '10.0.0.1', dst: '10.0.0.2', protocol: 17, srcPort: 1, dstPort: 1, state: 'new'})).toBe('unknown')
    const limit = fwd.rules[0]
    expect(limit).toMatchObject({action: 'unknown', reason: 'match module limit is not modelled'})
  })

  it('other tables: address translation, drops and notrack are reported; marks and MSS clamping are not', () => {
    const t = parse('tables.rules')
    expect(t.coverage.unrecognized.map((u) => [u.line, u.reason])).toEqual([
      [5, 'NOTRACK in *raw is not modelled: it can drop packets or change their connection state'],
      [8, 'policy DROP in *mangle PREROUTING is not modelled'],
      [22, 'address translation (DNAT) is not modelled'],
      [23, 'address translation (MASQUERADE) is not modelled'],
    ])
    expect(t.filters.map((f) => [f.name, f.rules.length, f.defaultAction])).toEqual([
      ['FORWARD', 0, 'permit'],
      ['INPUT', 0, 'permit'],
      ['OUTPUT', 0, 'permit'],
    ])
  })
})
