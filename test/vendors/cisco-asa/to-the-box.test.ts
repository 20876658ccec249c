import {describe, expect, it} from 'vitest'
import {evaluateFilter} from '../../../src/analysis/filters/index.js'
import type {Packet} from '../../../src/analysis/packetset/index.js'
import {judgeAcl} from '../../../src/controls/mgmt-acl.js'
import {bindFilterInterfaces, type Filter, type HopInterfaces} from '../../../src/model/index.js'
import {parsePrefix} from '../../../src/net/address.js'
import {filterNamed, forwardedRules, parseFixture} from './fixture.js'

const OUTSIDE = 'GigabitEthernet0/0'
const INSIDE = 'GigabitEthernet0/1'
const MGMT = 'Management0/0'

function tcp(src: string, dst: string, dstPort: number): Packet {
  return {family: 4, src, dst, protocol: 6, srcPort: 40000, dstPort, state: 'new'}
}

function verdict(f: Filter, hop: HopInterfaces, p: Packet): string {
  return evaluateFilter(bindFilterInterfaces(f, hop), p).verdict
}

function prefix(text: string): NonNullable<ReturnType<typeof parsePrefix>> {
  const p = parsePrefix(text)
  if (!p) throw new Error(text)
  return p
}

describe('cisco-asa: management access lines and traffic to the box', () => {
  const cfg = parseFixture('to-the-box.cfg')

  it('reads every line but the access line naming no interface', () => {
    expect(cfg.coverage.unrecognized.map((u) => [u.line, u.reason])).toEqual([[32, 'no interface is named nosuchif']])
  })

  it('reads aaa local authentication attempts max-fail as the login-failure limit', () => {
    expect(cfg.management.loginFailureLimit?.attempts).toBe(3)
    expect(cfg.management.loginFailureLimit?.ref.text).toBe('aaa local authentication attempts max-fail 3')
  })

  it('binds ssh-sources, telnet-sources and http-sources as the management bindings of their lines', () => {
    const mgmt = cfg.filterBindings.flatMap((b) => (b.kind === 'management' ? [[b.filter, b.line, b.ref.line]] : []))
    expect(mgmt).toEqual([
      ['ssh-sources', 'ssh', 30],
      ['telnet-sources', 'telnet', 35],
      ['http-sources', 'http', 29],
    ])
    expect(cfg.filterBindings.filter((b) => b.kind === 'local').map((b) => b.filter)).toEqual(['to-the-box'])
    const ssh = filterNamed(cfg, 'ssh-sources')
    expect(ssh.defaultAction).toBe('deny')
    expect(ssh.rules.map((r) => [r.id, r.action, r.match.src, r.match.dstPorts, r.match.inInterfaces])).toEqual([
      ['ssh mgmt', 'permit', [{kind: 'prefix', family: 4, address: '172.21.255.0', length: 24}], [{from: 22, to: 22}], [MGMT]],
      ['ssh inside', 'permit', [{kind: 'prefix', family: 4, address: '172.20.9.0', length: 24}], [{from: 22, to: 22}], [INSIDE]],
      // The analysis applies every login filter to tcp 22-23: telnet's lines keep their own port.
      ['telnet inside', 'permit', [{kind: 'prefix', family: 4, address: '172.20.8.0', length: 24}], [{from: 23, to: 23}], [INSIDE]],
    ])
  })

  it('is what the management-ACL check judges: restricted inside the listed sources, too open outside them', () => {
    const ssh = filterNamed(cfg, 'ssh-sources')
    expect(judgeAcl(ssh, [prefix('172.21.255.0/24'), prefix('172.20.0.0/16')])).toEqual({kind: 'restricted'})
    const v = judgeAcl(ssh, [prefix('172.21.255.0/24')])
    expect(v.kind).toBe('too-open')
    expect(v.kind === 'too-open' ? v.ref?.text : undefined).toBe('ssh 172.20.9.0 255.255.255.0 inside')
  })

  it('answers SSH only from the listed sources on the listed interface', () => {
    const ssh = filterNamed(cfg, 'ssh-sources')
    const box = filterNamed(cfg, 'to-the-box')
    const fromMgmt = {in: MGMT, out: null}
    const fromInside = {in: INSIDE, out: null}
    expect(verdict(ssh, fromMgmt, tcp('172.21.255.100', '172.21.255.1', 22))).toBe('permit')
    expect(verdict(box, fromMgmt, tcp('172.21.255.100', '172.21.255.1', 22))).toBe('permit')
    // A listed source on an interface its line does not name.
    expect(verdict(ssh, fromInside, tcp('172.21.255.100', '172.20.0.1', 22))).toBe('deny')
    expect(verdict(ssh, fromInside, tcp('172.20.9.7', '172.20.0.1', 22))).toBe('permit')
    expect(verdict(ssh, fromInside, tcp('172.20.8.7', '172.20.0.1', 23))).toBe('permit')
    expect(verdict(ssh, fromInside, tcp('172.20.8.7', '172.20.0.1', 22))).toBe('deny')
    // No ssh line for outside: the ASA does not answer there.
    expect(verdict(box, {in: OUTSIDE, out: null}, tcp('192.0.2.9', '198.51.100.2', 22))).toBe('deny')
  })

  it('answers only on the address of the interface a packet arrives on', () => {
    const box = filterNamed(cfg, 'to-the-box')
    const fromInside = {in: INSIDE, out: null}
    // The far interface's address: dropped, whatever the service.
    expect(verdict(box, fromInside, tcp('172.20.9.7', '172.21.255.1', 22))).toBe('deny')
    expect(verdict(box, fromInside, tcp('172.20.9.7', '198.51.100.2', 443))).toBe('deny')
    // ICMP to its own address by default; `icmp deny any outside` is not modelled: unknown.
    const ping = (src: string, dst: string): Packet => ({family: 4, src, dst, protocol: 1, icmpType: 8, icmpCode: 0, state: 'new'})
    expect(verdict(box, fromInside, ping('172.20.9.7', '172.20.0.1'))).toBe('permit')
    expect(verdict(box, {in: OUTSIDE, out: null}, ping('192.0.2.9', '198.51.100.2'))).toBe('unknown')
    // Other services on its own address (VPN, DHCP…) are not modelled: unknown, never "denied".
    expect(verdict(box, fromInside, tcp('172.20.9.7', '172.20.0.1', 8080))).toBe('unknown')
    // ASDM where an http line names the interface.
    expect(verdict(box, {in: MGMT, out: null}, tcp('172.21.255.100', '172.21.255.1', 443))).toBe('permit')
    expect(verdict(filterNamed(cfg, 'http-sources'), {in: MGMT, out: null}, tcp('172.21.255.100', '172.21.255.1', 443))).toBe('permit')
  })

  it('keeps access-groups out of traffic to the box', () => {
    const outside = filterNamed(cfg, 'ingress:outside')
    expect(forwardedRules(outside).map((r) => r.id)).toEqual(['management-only', 'same-security:intra-interface', 'OUTSIDE_IN line 1'])
    expect(verdict(outside, {in: OUTSIDE, out: null}, tcp('192.0.2.9', '198.51.100.2', 22))).toBe('permit')
    // Forwarded traffic still meets the access-group and its implicit deny.
    expect(evaluateFilter(bindFilterInterfaces(outside, {in: OUTSIDE, out: INSIDE}), tcp('192.0.2.9', '172.20.0.11', 443), {from: 'outside', to: 'inside'}).verdict).toBe('deny')
    expect(evaluateFilter(bindFilterInterfaces(outside, {in: OUTSIDE, out: INSIDE}), tcp('192.0.2.9', '172.20.0.10', 443), {from: 'outside', to: 'inside'}).verdict).toBe('permit')
  })
})
