import {describe, expect, it} from 'vitest'
import {PacketSpace} from '../../../src/analysis/packetset/index.js'
import {ReachAnalysis, stepOf} from '../../../src/analysis/reach/index.js'
import type {NetworkModel} from '../../../src/network/types.js'
import {acl, bindIn, host, l2switch, link, net, router, rule, simple, zones} from './nets.js'

const tcp443 = {protocols: [6], dstPorts: [{from: 443, to: 443}]}
const portalHost = {kind: 'prefix' as const, family: 4 as const, address: '203.0.113.10', length: 32}

function analyse(n: NetworkModel) {
  return new ReachAnalysis(n, {space: new PacketSpace()})
}

describe('zone-to-zone verdicts on hand-built networks', () => {
  it('no filter on the only path: open, with a bare (unfiltered) witness and its path', () => {
    const {n} = simple()
    const a = analyse(n)
    const r = a.zoneToZone('ex', 'portal')
    expect(r.verdict).toBe('open')
    expect(r.reached.bare.isEmpty()).toBe(false)
    expect(r.reached.surely.equals(r.query.intersect(r.reached.maybe))).toBe(true)
    const w = r.witness
    expect(w).toBeDefined()
    if (!w) return
    expect(w.src.startsWith('172.')).toBe(true)
    expect(w.dst.startsWith('203.0.113.')).toBe(true)
    const paths = a.paths({...w, dst: '203.0.113.10'})
    expect(paths[0]?.verdict).toBe('open')
    expect(paths[0]?.hops.map((h) => `${h.device} ${h.in}>${h.out}`)).toEqual(['r1 ge0>ge1'])
  })

  it('deny-all inbound ACL: blocked in both directions only where bound', () => {
    const {n, r1} = simple()
    bindIn(r1, acl('DENY', [rule('10', 'deny')]), 'ge0')
    const a = analyse(n)
    expect(a.zoneToZone('ex', 'portal').verdict).toBe('blocked')
    expect(a.zoneToZone('ex', 'portal').reached.maybe.isEmpty()).toBe(true)
    // The other direction has no filter.
    expect(a.zoneToZone('portal', 'ex').verdict).toBe('open')
    const w = a.zoneToZone('ex', 'portal').witness
    if (!w) throw new Error('blocked verdicts carry a query packet')
    const path = a.paths(w)[0]
    expect(path?.verdict).toBe('blocked')
    expect(path?.hops[0]?.checks[0]).toMatchObject({verdict: 'deny', by: 'rule', rule: '10'})
  })

  it('an unknown rule makes the verdict unknown, never blocked', () => {
    const {n, r1} = simple()
    bindIn(r1, acl('PART', [rule('5', 'permit', {...tcp443, dst: [portalHost]}), rule('10', 'unknown', {protocols: [17]}), rule('20', 'deny')]), 'ge0')
    const a = analyse(n)
    const r = a.zoneToZone('ex', 'portal')
    expect(r.verdict).toBe('open')
    expect(r.reached.maybe.minus(r.reached.surely).isEmpty()).toBe(false)
    // Only udp is undecided: ask for it alone.
    const udp = a.flow(a.zones.of('ex', 'src'), a.zones.of('portal', 'dst'), a.space.protocols([17]))
    expect(udp.verdict).toBe('unknown')
    expect(udp.witness?.protocol).toBe(17)
    const step = a.paths(udp.witness as NonNullable<typeof udp.witness>)[0]?.hops[0]
    expect(step?.verdict).toBe('unknown')
    expect(step?.checks[0]?.rule).toBe('10')
    // icmp is denied by rule 20.
    expect(a.flow(a.zones.of('ex', 'src'), a.zones.of('portal', 'dst'), a.space.protocols([1])).verdict).toBe('blocked')
  })

  it('two parallel routers, one filtered and one not: open through the open one', () => {
    const zi = zones()
    const r1 = router('r1', ['172.16.1.1/24', '203.0.113.1/24'], zi)
    const r2 = router('r2', ['172.16.1.2/24', '203.0.113.2/24'], zi)
    bindIn(r1, acl('DENY', [rule('10', 'deny')]), 'ge0')
    const n = net(
      [host('ex-h', '172.16.1.10/24', zi), r1, r2, host('p-h', '203.0.113.10/24', zi), l2switch('sw-ex', 10, 3, zi, 'ex'), l2switch('sw-p', 20, 3, zi, 'portal')],
      [
        link('ex-h', 'eth0', 'sw-ex', 'p0'),
        link('r1', 'ge0', 'sw-ex', 'p1'),
        link('r2', 'ge0', 'sw-ex', 'p2'),
        link('p-h', 'eth0', 'sw-p', 'p0'),
        link('r1', 'ge1', 'sw-p', 'p1'),
        link('r2', 'ge1', 'sw-p', 'p2'),
      ],
      zi,
    )
    const a = analyse(n)
    const r = a.zoneToZone('ex', 'portal')
    expect(r.verdict).toBe('open')
    const paths = a.paths({...(r.witness as NonNullable<typeof r.witness>), dst: '203.0.113.10'})
    expect(paths.map((p) => `${p.verdict}:${p.hops.map((h) => h.device).join('>')}`).sort()).toEqual(['blocked:r1', 'open:r2'])
    // Filter the second router too: now blocked.
    bindIn(r2, acl('DENY', [rule('10', 'deny')]), 'ge0')
    expect(analyse(n).zoneToZone('ex', 'portal').verdict).toBe('blocked')
  })

  it('stateful filter: return traffic of a permitted session passes, a new session the other way does not', () => {
    const {n, r1} = simple()
    const fw = acl('FW', [rule('1', 'permit', {...tcp443, dst: [portalHost]})], 'deny', true)
    bindIn(r1, fw, 'ge0')
    bindIn(r1, fw, 'ge1')
    const a = analyse(n)
    expect(a.zoneToZone('ex', 'portal').verdict).toBe('open')
    expect(a.zoneToZone('portal', 'ex').verdict).toBe('blocked')
    const back = {family: 4 as const, src: '203.0.113.10', dst: '172.16.1.10', protocol: 6, srcPort: 443, dstPort: 40000, state: 'established' as const}
    const hop = a.hops.find((h) => h.from.iface.name === 'ge1' && h.to !== 'local' && h.to.iface.name === 'ge0')
    if (!hop) throw new Error('no hop')
    expect(stepOf(hop, back)).toMatchObject({verdict: 'permit', checks: [{by: 'session'}]})
    expect(stepOf(hop, {...back, state: 'new'}).verdict).toBe('deny')
  })

  it('a stateless "established" rule lets replies through but opens no new session', () => {
    const {n, r1} = simple()
    bindIn(r1, acl('PORTAL-IN', [rule('10', 'permit', {protocols: [6], state: 'established'}), rule('20', 'deny')]), 'ge1')
    const a = analyse(n)
    expect(a.zoneToZone('portal', 'ex').verdict).toBe('blocked')
  })

  it('a device that owns the destination delivers it after its in-filter only', () => {
    const {n, r1} = simple()
    bindIn(r1, acl('OUT', [rule('10', 'deny')]), 'ge1', 'out')
    const a = analyse(n)
    // Forwarding to the portal host is denied on the way out...
    const toHost = a.flow(a.zones.of('ex', 'src'), a.space.prefix('dst', '203.0.113.10', 32))
    expect(toHost.verdict).toBe('blocked')
    // ...but the router's own portal address is delivered locally: no out-filter on that path.
    const toRouter = a.flow(a.zones.of('ex', 'src'), a.space.prefix('dst', '203.0.113.1', 32))
    expect(toRouter.verdict).toBe('open')
    expect(a.paths(toRouter.witness as NonNullable<typeof toRouter.witness>)[0]?.hops[0]?.out).toBe('local')
  })

  it('a router without a parsed config is undecided, not open and not isolated', () => {
    const {n, r1} = simple()
    delete (r1 as {config?: unknown}).config
    const a = analyse(n)
    const r = a.zoneToZone('ex', 'portal')
    expect(r.verdict).toBe('unknown')
    expect(r.reached.bare.isEmpty()).toBe(true)
  })

  it('same zone on both ends of one segment: open without crossing anything', () => {
    const zi = zones([['ex2', 'extranet', '172.20.0.0/16']])
    const n = net([host('a', '172.16.1.10/16', zi), host('b', '172.20.1.10/16', zi), l2switch('sw', 10, 2, zi)], [link('a', 'eth0', 'sw', 'p0'), link('b', 'eth0', 'sw', 'p1')], zi)
    const r = analyse(n).zoneToZone('ex', 'ex2')
    expect(r.verdict).toBe('open')
    expect(r.reached.bare.isEmpty()).toBe(false)
  })

  it('zone address sets follow longest-prefix attribution and leave private ranges out of the catch-all', () => {
    const {n} = simple()
    const a = analyse(n)
    const inet = a.zones.of('inet', 'dst')
    expect(inet.contains({family: 4, src: '1.1.1.1', dst: '8.8.8.8', protocol: 6, state: 'new'})).toBe(true)
    expect(inet.contains({family: 4, src: '1.1.1.1', dst: '203.0.113.5', protocol: 6, state: 'new'})).toBe(false)
    expect(inet.contains({family: 4, src: '1.1.1.1', dst: '192.168.1.1', protocol: 6, state: 'new'})).toBe(false)
  })
})
