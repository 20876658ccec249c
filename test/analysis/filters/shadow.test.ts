import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {packetMatches, type ShadowedRule, shadowedRules, type ZonePair} from '../../../src/analysis/filters/index.js'
import {type Packet, PacketSpace} from '../../../src/analysis/packetset/index.js'
import type {Filter, FilterRule} from '../../../src/model/index.js'
import {type UniverseShape, universe} from '../universe.js'
import {smallFilterArb, ZONES} from './generators.js'

const space = new PacketSpace()
const shape: UniverseShape = {addressBits: 2, portBits: 2}
const packets = universe(shape)

const applies = (r: FilterRule, z: ZonePair | undefined): boolean =>
  z === undefined || ((r.fromZones?.includes(z.from) ?? true) && (r.toZones?.includes(z.to) ?? true))

/** Shadowing by enumeration: which rule decides each universe packet, for each zone pair. */
function bruteForce(filter: Filter): {index: number; kind: ShadowedRule['kind']; by: number[]}[] {
  const zoned = filter.rules.some((r) => r.fromZones !== undefined || r.toZones !== undefined)
  const names = [...ZONES, 'elsewhere']
  const pairs: (ZonePair | undefined)[] = zoned ? names.flatMap((from) => names.map((to) => ({from, to}))) : [undefined]
  const inScope = (p: Packet): boolean =>
    (filter.family === undefined || filter.family === p.family) && !(filter.stateful && p.state === 'established')
  const scoped = packets.filter(inScope)
  const matches = filter.rules.map((r) => scoped.map((p) => packetMatches(r.match, p)))
  // For each zone pair, the first applicable matching rule of each packet (-1: none).
  const deciders = pairs.map((z) => scoped.map((_, k) => filter.rules.findIndex((r, j) => applies(r, z) && matches[j]?.[k])))
  const result: {index: number; kind: ShadowedRule['kind']; by: number[]}[] = []
  filter.rules.forEach((rule, i) => {
    let matched = false
    let decides = false
    const by = new Set<number>()
    pairs.forEach((z, zi) => {
      if (!applies(rule, z)) return
      scoped.forEach((_, k) => {
        if (!matches[i]?.[k]) return
        matched = true
        const first = deciders[zi]?.[k] as number
        if (first === i) decides = true
        else by.add(first)
      })
    })
    if (decides) return
    const sorted = [...by].sort((a, b) => a - b)
    const conflict = sorted.some((j) => filter.rules[j]?.action !== rule.action)
    result.push({index: i, kind: !matched ? 'empty' : conflict ? 'conflict' : 'redundant', by: sorted})
  })
  return result
}

const summary = (found: ShadowedRule[]) => found.map((s) => ({index: s.index, kind: s.kind, by: s.by.map((b) => b.index)}))

describe('shadowed rules', () => {
  it('agree with enumeration on small universes, zone-restricted rules included', () => {
    fc.assert(
      fc.property(smallFilterArb(shape, 6, true), (filter) => {
        expect(summary(shadowedRules(filter, {space}))).toEqual(bruteForce(filter))
      }),
      {numRuns: 80},
    )
  })

  const rule = (id: string, action: FilterRule['action'], dst: string, length: number, line: number): FilterRule => ({
    id,
    action,
    match: {src: [{kind: 'any'}], dst: [{kind: 'prefix', family: 4, address: dst, length}], protocols: [6]},
    ref: {file: 'fw.cfg', line},
  })
  const acl = (rules: FilterRule[]): Filter => ({name: 'acl', kind: 'acl', rules, defaultAction: 'deny', stateful: false, ref: {file: 'fw.cfg', line: 1}})

  it('finds a rule covered only by several earlier rules together', () => {
    const low = rule('10', 'permit', '10.0.0.0', 25, 10)
    const high = rule('20', 'permit', '10.0.0.128', 25, 20)
    const redundant = acl([low, high, rule('30', 'permit', '10.0.0.0', 24, 30)])
    expect(shadowedRules(redundant, {space})).toEqual([{index: 2, rule: redundant.rules[2], kind: 'redundant', by: [{index: 0, rule: low}, {index: 1, rule: high}]}])
    const conflict = acl([low, rule('20', 'deny', '10.0.0.128', 25, 20), rule('30', 'permit', '10.0.0.0', 24, 30)])
    expect(summary(shadowedRules(conflict, {space}))).toEqual([{index: 2, kind: 'conflict', by: [0, 1]}])
  })

  it('does not report a rule that still decides a single packet', () => {
    const f = acl([rule('10', 'permit', '10.0.0.0', 25, 10), rule('20', 'permit', '10.0.0.128', 26, 20), rule('30', 'deny', '10.0.0.0', 24, 30)])
    expect(shadowedRules(f, {space})).toEqual([])
  })

  it('reports rules that match nothing as empty', () => {
    const contradictory: FilterRule = {
      id: '10',
      action: 'permit',
      match: {src: [{kind: 'any'}], dst: [{kind: 'any'}], dstPorts: [{from: 22, to: 22}], icmpTypes: [{type: 8}]},
      ref: {file: 'fw.cfg', line: 10},
    }
    expect(summary(shadowedRules(acl([contradictory]), {space}))).toEqual([{index: 0, kind: 'empty', by: []}])
  })
})
