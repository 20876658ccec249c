import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compileFilter, evaluateFilter} from '../../../src/analysis/filters/index.js'
import {type Packet, PacketSpace} from '../../../src/analysis/packetset/index.js'
import type {Filter} from '../../../src/model/index.js'
import {type UniverseShape, universe} from '../universe.js'
import {smallFilterArb, ZONES} from './generators.js'

// Compiled filters with the same rules share their diagram and sets: copies of a template on
// other devices must still answer with their own rules and source lines, and any difference
// that changes a verdict must not share.

const shape: UniverseShape = {addressBits: 2, portBits: 2}
const packets = universe(shape)

/** The same rules on another device: other ids, names and source lines. */
function copyOf(filter: Filter): Filter {
  return {
    ...filter,
    name: `${filter.name}-copy`,
    ref: {file: 'other.cfg', line: 7},
    rules: filter.rules.map((r, i) => ({...r, id: `c${i}`, ref: {file: 'other.cfg', line: 100 + i}})),
  }
}

describe('interned filters', () => {
  it('share sets with their copies but decide with their own rules', () => {
    fc.assert(
      fc.property(smallFilterArb(shape, 6, true), fc.constantFrom(...ZONES, 'untrust'), fc.nat(packets.length - 1), (filter, zone, pick) => {
        const space = new PacketSpace()
        const zones = {from: ZONES[0] as string, to: zone}
        const a = compileFilter(filter, {space, zones})
        const copy = copyOf(filter)
        const b = compileFilter(copy, {space, zones})
        expect(b.permitted).toBe(a.permitted)
        expect(b.unknown).toBe(a.unknown)
        const p = packets[pick] as Packet
        expect(a.decidingRule(p)).toEqual(evaluateFilter(filter, p, zones))
        expect(b.decidingRule(p)).toEqual(evaluateFilter(copy, p, zones))
      }),
      {numRuns: 100},
    )
  })

  it('do not share when an action, the default, statefulness or the zone outcome differs', () => {
    const space = new PacketSpace()
    const base: Filter = {
      name: 'f',
      kind: 'acl',
      rules: [
        {id: '1', action: 'permit', match: {src: [{kind: 'any'}], dst: [{kind: 'prefix', family: 4, address: '10.0.0.0', length: 8}]}, ref: {file: 'f', line: 1}},
        {id: '2', action: 'permit', match: {src: [{kind: 'any'}], dst: [{kind: 'any'}], protocols: [6]}, fromZones: ['trust'], ref: {file: 'f', line: 2}},
      ],
      defaultAction: 'deny',
      stateful: false,
      ref: {file: 'f', line: 1},
    }
    const first = base.rules[0] as Filter['rules'][number]
    const variants: Filter[] = [
      {...base, rules: [{...first, action: 'deny'}, ...base.rules.slice(1)]},
      {...base, defaultAction: 'permit'},
      {...base, stateful: true},
      {...base, family: 4},
    ]
    const plain = compileFilter(base, {space, zones: {from: 'trust', to: 'dmz'}})
    variants.forEach((v, i) => {
      const c = compileFilter(v, {space, zones: {from: 'trust', to: 'dmz'}})
      expect([i, c.permitted.equals(plain.permitted) && c.denied.equals(plain.denied) && c.unknown.equals(plain.unknown)]).toEqual([i, false])
    })
    // Rule 2 applies from trust, not from dmz, and is unresolved without a pair: three diagrams.
    const fromDmz = compileFilter(base, {space, zones: {from: 'dmz', to: 'dmz'}})
    const unresolved = compileFilter(base, {space})
    expect(fromDmz.permitted.equals(plain.permitted)).toBe(false)
    expect(unresolved.unknown.isEmpty()).toBe(false)
    expect(plain.unknown.isEmpty()).toBe(true)
  })
})
