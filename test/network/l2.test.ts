import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {buildL2Domains, domainIndex, segmentKey} from '../../src/network/l2.js'
import {device, l3, link, network, port, zoneIndex} from './fake.js'

const zi = zoneIndex()
function sameDomain(net: ReturnType<typeof network>, a: [string, number], b: [string, number]): boolean {
  const idx = domainIndex(buildL2Domains(net))
  const da = idx.get(segmentKey(...a))
  return da !== undefined && da === idx.get(segmentKey(...b))
}

describe('L2 broadcast domains', () => {
  it('access ports join their untagged VLANs even when the numbers differ', () => {
    const net = network(
      [device('s1', 'switch', 'in', [port('p1', 'access', [10], 10)], zi), device('s2', 'switch', 'in', [port('p1', 'access', [20], 20)], zi)],
      [link('s1', 'p1', 's2', 'p1')],
      zi,
    )
    expect(sameDomain(net, ['s1', 10], ['s2', 20])).toBe(true)
  })

  it('trunks join tagged VLANs they both allow, and native to native', () => {
    const net = network(
      [device('s1', 'switch', 'in', [port('t', 'trunk', [1, 10, 20], 1)], zi), device('s2', 'switch', 'in', [port('t', 'trunk', [1, 10, 30], 1)], zi)],
      [link('s1', 't', 's2', 't')],
      zi,
    )
    expect(sameDomain(net, ['s1', 10], ['s2', 10])).toBe(true)
    expect(sameDomain(net, ['s1', 1], ['s2', 1])).toBe(true)
    expect(sameDomain(net, ['s1', 20], ['s2', 20])).toBe(false)
  })

  it('an access port facing a trunk reaches only the native VLAN', () => {
    const net = network(
      [device('s1', 'switch', 'in', [port('a', 'access', [10], 10)], zi), device('s2', 'switch', 'in', [port('t', 'trunk', [5, 10], 5)], zi)],
      [link('s1', 'a', 's2', 't')],
      zi,
    )
    expect(sameDomain(net, ['s1', 10], ['s2', 5])).toBe(true)
    expect(sameDomain(net, ['s1', 10], ['s2', 10])).toBe(false)
  })

  it('a dynamic (DTP) port may become a trunk for every VLAN of its switch', () => {
    const net = network(
      [
        device('s1', 'switch', 'in', [port('d', 'dynamic', [1], 1), port('x', 'access', [30], 30)], zi),
        device('s2', 'switch', 'in', [port('t', 'trunk', [1, 30], 1)], zi),
      ],
      [link('s1', 'd', 's2', 't')],
      zi,
    )
    expect(sameDomain(net, ['s1', 30], ['s2', 30])).toBe(true)
  })

  it('aggregate members forward as their aggregate', () => {
    const net = network(
      [
        device('s1', 'switch', 'in', [port('agg', 'trunk', [10], undefined, {kind: 'aggregate'}), l3('m1', undefined, {aggregate: 'agg'})], zi),
        device('s2', 'switch', 'in', [port('t', 'trunk', [10])], zi),
      ],
      [link('s1', 'm1', 's2', 't')],
      zi,
    )
    expect(sameDomain(net, ['s1', 10], ['s2', 10])).toBe(true)
  })

  it('hosts and SVIs attach with the zones of their addresses; routed links form point-to-point domains', () => {
    const net = network(
      [
        device('s1', 'switch', 'in', [port('a', 'access', [10], 10), l3('Vlanif10', '10.1.1.1/24', {kind: 'svi', vlan: 10})], zi),
        device('h', 'server', 'in', [l3('eth0', '172.20.1.5/24')], zi),
        device('r1', 'router', undefined, [l3('g0', '172.20.0.1/30')], zi),
        device('r2', 'router', undefined, [l3('g0', '172.20.0.2/30')], zi),
      ],
      [link('s1', 'a', 'h', 'eth0'), link('r1', 'g0', 'r2', 'g0')],
      zi,
    )
    const doms = buildL2Domains(net)
    const v10 = domainIndex(doms).get(segmentKey('s1', 10))
    expect(v10?.zones.sort()).toEqual(['ex', 'in'])
    expect(v10?.attached.map((a) => `${a.device}:${a.interface}`).sort()).toEqual(['h:eth0', 's1:Vlanif10'])
    const p2p = doms.find((d) => d.segments.length === 0)
    expect(p2p?.attached.map((a) => a.device).sort()).toEqual(['r1', 'r2'])
    expect(p2p?.zones).toEqual(['ex'])
  })

  it('agrees with a breadth-first search over (switch, VLAN) on random topologies', () => {
    const vlan = fc.integer({min: 1, max: 4})
    const portArb = fc.record({
      mode: fc.constantFrom('access' as const, 'trunk' as const),
      untagged: vlan,
      tagged: fc.uniqueArray(vlan, {maxLength: 4}),
    })
    const arb = fc.record({
      ports: fc.array(fc.array(portArb, {minLength: 1, maxLength: 3}), {minLength: 2, maxLength: 5}),
      links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), {maxLength: 6}),
    })
    fc.assert(
      fc.property(arb, ({ports, links}) => {
        const devs = ports.map((ps, d) =>
          device(
            `s${d}`,
            'switch',
            'in',
            ps.map((p, k) => port(`p${k}`, p.mode, p.mode === 'access' ? [p.untagged] : [...new Set([p.untagged, ...p.tagged])], p.untagged)),
            zi,
          ),
        )
        // Each port is cabled at most once, as in reality.
        const used = new Set<string>()
        const ls = links.flatMap(([a, ap, b, bp]) => {
          const da = a % ports.length
          const db = b % ports.length
          const pa = `p${ap % (ports[da]?.length ?? 1)}`
          const pb = `p${bp % (ports[db]?.length ?? 1)}`
          if (da === db || used.has(`${da}${pa}`) || used.has(`${db}${pb}`)) return []
          used.add(`${da}${pa}`)
          used.add(`${db}${pb}`)
          return [link(`s${da}`, pa, `s${db}`, pb)]
        })
        const net = network(devs, ls, zi)
        // Oracle: explicit adjacency of (device, vlan) nodes, searched breadth first.
        const edges = new Map<string, string[]>()
        const addEdge = (x: string, y: string) => {
          edges.set(x, [...(edges.get(x) ?? []), y])
          edges.set(y, [...(edges.get(y) ?? []), x])
        }
        const carried = (d: string, p: string) => {
          const sp = net.devices.get(d)?.config?.interfaces.find((i) => i.name === p)?.switchport
          const u = sp?.untaggedVlan
          return {u, tagged: sp?.mode === 'trunk' ? (sp.vlans ?? []).filter((v) => v !== u) : []}
        }
        for (const l of ls) {
          const a = carried(l.a.device, l.a.interface)
          const b = carried(l.b.device, l.b.interface)
          if (a.u !== undefined && b.u !== undefined) addEdge(`${l.a.device}|${a.u}`, `${l.b.device}|${b.u}`)
          for (const v of a.tagged) if (b.tagged.includes(v)) addEdge(`${l.a.device}|${v}`, `${l.b.device}|${v}`)
        }
        const reach = (start: string) => {
          const seen = new Set([start])
          const q = [start]
          while (q.length) {
            for (const n of edges.get(q.shift() as string) ?? []) {
              if (seen.has(n)) continue
              seen.add(n)
              q.push(n)
            }
          }
          return seen
        }
        const idx = domainIndex(buildL2Domains(net))
        for (let d = 0; d < ports.length; d++) {
          for (let v = 1; v <= 4; v++) {
            const dom = idx.get(segmentKey(`s${d}`, v))
            if (!dom) continue
            const fromOracle = [...reach(`s${d}|${v}`)].filter((n) => idx.has(n.replace('|', '|vlan'))).sort()
            const fromModel = dom.segments.map((s) => `${s.device}|${s.vlan}`).sort()
            expect(fromModel).toEqual(fromOracle)
          }
        }
      }),
      {numRuns: 200},
    )
  })
})
