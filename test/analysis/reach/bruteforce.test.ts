/**
 * The symbolic analysis against a concrete oracle. Random tiny networks: zones are /3 blocks,
 * one switch per zone segment, routers with interfaces on two or three segments and random
 * ACLs (in and out) over those blocks, two protocols and port ranges whose boundaries the
 * representative ports below straddle. The oracle takes every representative packet, evaluates
 * each filter with `evaluateFilter` (no packet sets), and searches paths; unknown rules count as
 * permit for "may" and deny for "surely"; "bare" paths cross no bound filter at all. Both sets must agree exactly, so blocked, open and
 * unknown verdicts agree too.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {evaluateFilter} from '../../../src/analysis/filters/index.js'
import {type Packet, PacketSpace} from '../../../src/analysis/packetset/index.js'
import {ReachAnalysis} from '../../../src/analysis/reach/index.js'
import type {AddressMatch, Filter, FilterRule, PortRange} from '../../../src/model/index.js'
import type {ModelDevice, PhysicalLink} from '../../../src/network/types.js'
import {ZoneIndex} from '../../../src/network/zones.js'
import {device, l3, link, net, port} from './nets.js'

const ZONES = 4
const block = (k: number) => `${k * 32}.0.0.0`
const hostIn = (k: number) => `${k * 32}.90.90.90`
const PORTS = [22, 80, 443, 5000]
const RANGES: PortRange[] = [
  {from: 80, to: 80},
  {from: 443, to: 443},
  {from: 0, to: 1023},
  {from: 1024, to: 65535},
]

const addressArb: fc.Arbitrary<AddressMatch> = fc.oneof(
  fc.constant<AddressMatch>({kind: 'any'}),
  fc.integer({min: 0, max: ZONES - 1}).map((k): AddressMatch => ({kind: 'prefix', family: 4, address: block(k), length: 3})),
)
const ruleArb: fc.Arbitrary<Omit<FilterRule, 'id' | 'ref'>> = fc.record({
  action: fc.constantFrom<FilterRule['action']>('permit', 'permit', 'deny', 'deny', 'unknown'),
  match: fc.record(
    {
      src: fc.array(addressArb, {minLength: 1, maxLength: 2}),
      dst: fc.array(addressArb, {minLength: 1, maxLength: 2}),
      protocols: fc.constantFrom([6], [17], [6, 17]),
      dstPorts: fc.array(fc.constantFrom(...RANGES), {minLength: 1, maxLength: 2}),
    },
    {requiredKeys: ['src', 'dst']},
  ),
})
const filterArb = fc.record({rules: fc.array(ruleArb, {maxLength: 4}), defaultAction: fc.constantFrom<'permit' | 'deny'>('permit', 'deny')})
const routerArb = fc.record({
  segments: fc.uniqueArray(fc.integer({min: 0, max: ZONES - 1}), {minLength: 2, maxLength: 3}),
  filters: fc.array(fc.record({iface: fc.nat(2), direction: fc.constantFrom<'in' | 'out'>('in', 'out'), filter: filterArb}), {maxLength: 3}),
})
const networkArb = fc.array(routerArb, {minLength: 1, maxLength: 4})

type RouterSpec = {segments: number[]; filters: {iface: number; direction: 'in' | 'out'; filter: {rules: Omit<FilterRule, 'id' | 'ref'>[]; defaultAction: 'permit' | 'deny'}}[]}

function build(specs: RouterSpec[]) {
  const zi = new ZoneIndex(new Map(Array.from({length: ZONES}, (_, k) => [`z${k}`, {id: `z${k}`, kind: 'other' as const, prefixes: [`${block(k)}/3`]}])), [])
  const switches = Array.from({length: ZONES}, (_, k) => device(`sw${k}`, 'switch', `z${k}`, Array.from({length: specs.length}, (_, i) => port(`p${i}`, 'access', [k + 10], k + 10)), zi))
  const links: PhysicalLink[] = []
  const routers: ModelDevice[] = []
  const bound: {router: number; iface: string; direction: 'in' | 'out'; filter: Filter}[] = []
  specs.forEach((spec, r) => {
    const d = device(`r${r}`, 'router', undefined, spec.segments.map((k, i) => l3(`ge${i}`, `${k * 32}.0.0.${r + 1}/3`)), zi)
    spec.segments.forEach((k, i) => {
      links.push(link(`r${r}`, `ge${i}`, `sw${k}`, `p${r}`))
    })
    spec.filters.forEach((f, j) => {
      const iface = `ge${f.iface % spec.segments.length}`
      const filter: Filter = {
        name: `F${j}`,
        kind: 'acl',
        rules: f.filter.rules.map((x, i) => ({...x, id: `${i}`, ref: {file: `r${r}.cfg`, line: i + 1}})),
        defaultAction: f.filter.defaultAction,
        stateful: false,
        ref: {file: `r${r}.cfg`, line: 100},
      }
      d.config?.filters.push(filter)
      d.config?.filterBindings.push({kind: 'interface', filter: filter.name, interface: iface, direction: f.direction, ref: filter.ref})
      bound.push({router: r, iface, direction: f.direction, filter})
    })
    routers.push(d)
  })
  return {n: net([...switches, ...routers], links, zi), bound}
}

/** Concrete reachability of one packet: BFS over segments, hop verdicts from evaluateFilter. */
function oracle(specs: RouterSpec[], bound: ReturnType<typeof build>['bound'], p: Packet, from: number, to: number, mode: 'maybe' | 'surely' | 'bare'): boolean {
  // A zone lives only where some L3 interface puts it: a segment of bare switch ports holds nobody.
  if (!specs.some((spec) => spec.segments.includes(from))) return false
  const seen = new Set([from])
  const queue = [from]
  while (queue.length) {
    const s = queue.shift() as number
    if (s === to) return true
    specs.forEach((spec, r) => {
      const i = spec.segments.indexOf(s)
      if (i < 0) return
      spec.segments.forEach((t, o) => {
        if (o === i || seen.has(t)) return
        const checks = bound.filter((b) => b.router === r && ((b.direction === 'in' && b.iface === `ge${i}`) || (b.direction === 'out' && b.iface === `ge${o}`)))
        const verdicts = checks.map((b) => evaluateFilter(b.filter, p).verdict)
        const ok = mode === 'bare' ? checks.length === 0 : mode === 'maybe' ? !verdicts.includes('deny') : verdicts.every((v) => v === 'permit')
        if (ok) {
          seen.add(t)
          queue.push(t)
        }
      })
    })
  }
  return false
}

describe('symbolic reachability equals brute force on random tiny networks', () => {
  it('every packet of every zone pair: surely and maybe agree with the concrete oracle', () => {
    fc.assert(
      fc.property(networkArb, (specs) => {
        const {n, bound} = build(specs)
        const a = new ReachAnalysis(n, {space: new PacketSpace()})
        for (let from = 0; from < ZONES; from++)
          for (let to = 0; to < ZONES; to++) {
            const r = a.zoneToZone(`z${from}`, `z${to}`)
            for (const protocol of [6, 17])
              for (const dstPort of PORTS) {
                const p: Packet = {family: 4, src: hostIn(from), dst: hostIn(to), protocol, srcPort: 40000, dstPort, state: 'new'}
                const may = oracle(specs, bound, p, from, to, 'maybe')
                const sure = oracle(specs, bound, p, from, to, 'surely')
                expect(r.reached.maybe.contains(p), `maybe ${JSON.stringify(p)}`).toBe(may)
                expect(r.reached.surely.contains(p), `surely ${JSON.stringify(p)}`).toBe(sure)
                expect(r.reached.bare.contains(p), `bare ${JSON.stringify(p)}`).toBe(oracle(specs, bound, p, from, to, 'bare'))
              }
            // The verdict follows from the sets: blocked only when nothing may pass.
            const anyMay = r.reached.maybe.isEmpty()
            expect(r.verdict === 'blocked').toBe(anyMay)
          }
      }),
      {numRuns: 120},
    )
  })
})
