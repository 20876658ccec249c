import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compileFilter} from '../../../src/analysis/filters/index.js'
import {packetMatchNode} from '../../../src/analysis/filters/match.js'
import {Bdd, FALSE, TRUE} from '../../../src/analysis/packetset/bdd.js'
import {NodeBuilder} from '../../../src/analysis/packetset/builder.js'
import {firstMatchAll, label, select, terminalsWithin} from '../../../src/analysis/packetset/decision-diagram.js'
import {ALL, FrozenDiagram, NOBODY} from '../../../src/analysis/packetset/frozen-diagram.js'
import {PacketSpace} from '../../../src/analysis/packetset/index.js'
import {encodePacket} from '../../../src/analysis/packetset/packet.js'
import type {PacketMatch} from '../../../src/model/index.js'
import {smallFilterArb} from '../filters/generators.js'
import {type UniverseShape, universe} from '../universe.js'

// Scratch stores are cleared and reused, and diagrams leave them frozen: nothing built before a
// clear may change meaning after it, and frozen diagrams must answer exactly as the store did.

const shape: UniverseShape = {addressBits: 2, portBits: 2}
const space = new PacketSpace()
const encoded = universe(shape).map((p) => encodePacket(space.layout, p))
const matchesArb: fc.Arbitrary<PacketMatch[]> = smallFilterArb(shape, 6).map((f) => f.rules.map((r) => r.match))

const members = (bdd: Bdd, node: number): boolean[] => encoded.map((bits) => bdd.evaluate(node, bits))

describe('scratch stores', () => {
  it('build the same sets after a clear as before it, and as a fresh store', () => {
    const scratch = new NodeBuilder(new Bdd(space.layout.varCount, 1024), space.layout)
    fc.assert(
      fc.property(matchesArb, matchesArb, (before, after) => {
        const expected = before.map((m) => members(space.bdd, packetMatchNode(space.builder, m)))
        expect(before.map((m) => members(scratch.bdd, packetMatchNode(scratch, m)))).toEqual(expected)
        // Fill the store (and its cache) with other work, then clear: stale entries must not answer.
        for (const m of after) packetMatchNode(scratch, m)
        scratch.bdd.clear()
        scratch.reset()
        expect(scratch.bdd.nodeCount).toBeLessThan(100)
        expect(before.map((m) => members(scratch.bdd, packetMatchNode(scratch, m)))).toEqual(expected)
      }),
      {numRuns: 100},
    )
  })

  it('shrink tables that grew far beyond what was used, and keep working', () => {
    const b = new NodeBuilder(new Bdd(space.layout.varCount, 1 << 21), space.layout)
    const big = b.bdd.byteSize
    b.bdd.clear()
    b.reset()
    expect(b.bdd.byteSize).toBeLessThan(big / 4)
    const m: PacketMatch = {src: [{kind: 'prefix', family: 4, address: '10.0.0.0', length: 8}], dst: [{kind: 'any'}], protocols: [6], dstPorts: [{from: 22, to: 23}]}
    expect(members(b.bdd, packetMatchNode(b, m))).toEqual(members(space.bdd, packetMatchNode(space.builder, m)))
  })
})

describe('frozen diagrams', () => {
  it('answer walks, selections and outcome queries exactly as the store they came from', () => {
    fc.assert(
      fc.property(matchesArb, matchesArb, fc.array(fc.boolean(), {minLength: 10, maxLength: 10}), (rules, within, keepBits) => {
        const bdd = space.bdd
        const root = firstMatchAll(
          bdd,
          rules.map((m, i) => label(bdd, packetMatchNode(space.builder, m), bdd.leaf(i))),
        )
        const frozen = FrozenDiagram.of(bdd, root)
        const outcome = (t: number): number => (t === FALSE ? NOBODY : t === TRUE ? ALL : bdd.leafValue(t))
        for (const bits of encoded) expect(frozen.outcomeOf(bits)).toBe(outcome(bdd.terminalOf(root, bits)))
        const keep = (o: number): boolean => keepBits[o + 2] === true
        // Same store, so the canonical node itself must come back.
        expect(frozen.select(bdd, keep)).toBe(select(bdd, root, (t) => keep(outcome(t))))
        expect(new Set([...terminalsWithin(bdd, root)].map(outcome))).toEqual(frozen.outcomes())
        for (const m of within) {
          const set = packetMatchNode(space.builder, m)
          expect(new Set([...terminalsWithin(bdd, root, set)].map(outcome))).toEqual(frozen.outcomesWithin(bdd, set))
        }
      }),
      {numRuns: 50},
    )
  })

  it('freeze terminal roots too', () => {
    const bdd = space.bdd
    expect(FrozenDiagram.of(bdd, FALSE).select(bdd, (o) => o === NOBODY)).toBe(TRUE)
    expect(FrozenDiagram.of(bdd, bdd.leaf(3)).outcomes()).toEqual(new Set([3]))
    expect(FrozenDiagram.of(bdd, bdd.leaf(3)).select(bdd, (o) => o === 3)).toBe(TRUE)
  })
})

describe('compiled filters across scratch reuse', () => {
  it('give the same sets whether asked before or after other filters were compiled', () => {
    const shared = new PacketSpace()
    fc.assert(
      fc.property(smallFilterArb(shape, 6, true), fc.array(smallFilterArb(shape, 6, true), {maxLength: 4}), (filter, others) => {
        const early = compileFilter(filter, {space: shared})
        const eager = [early.permitted, early.denied, early.unknown, ...early.rules.map((r) => r.decides)].map((s) => s.node)
        const late = compileFilter(filter, {space: shared})
        for (const o of others) void compileFilter(o, {space: shared}).permitted
        const lazy = [late.permitted, late.denied, late.unknown, ...late.rules.map((r) => r.decides)].map((s) => s.node)
        expect(lazy).toEqual(eager)
        // And the same sets as a space that never compiled anything else.
        const alone = compileFilter(filter, {space: new PacketSpace()})
        expect(members(shared.bdd, late.permitted.node)).toEqual(members(alone.space.bdd, alone.permitted.node))
        expect(members(shared.bdd, late.unknown.node)).toEqual(members(alone.space.bdd, alone.unknown.node))
        // Shadowing's scratch-store coverage agrees with the space's own sets.
        late.rules.forEach((r, i) => {
          const matches = !r.match.isEmpty()
          expect(late.coverage(i)).toEqual({matches, deciders: matches ? late.decidersOf(r.match) : []})
        })
      }),
      {numRuns: 60},
    )
  })
})

describe('store growth', () => {
  it('keeps every node unique and findable through doubling, half steps, with and without rehashing', () => {
    // Half steps from 2,048 nodes: 1,024 → 2,048 → 3,072 (rehash to 4,096 buckets) → 4,608
    // (rehash to 8,192) → 6,912 (no rehash) → 10,368 (rehash).
    const bdd = new Bdd(40, 1024, 2048)
    const ids: number[] = []
    // Distinct (variable, low, high) triples; ids only need to be hash-consed, not meaningful.
    for (let k = 0; k < 9000; k++) ids.push(bdd.mk(k % 40, FALSE, 2 + Math.floor(k / 40)))
    expect(new Set(ids).size).toBe(ids.length)
    for (let k = 0; k < 9000; k++) expect(bdd.mk(k % 40, FALSE, 2 + Math.floor(k / 40))).toBe(ids[k])
    expect(bdd.nodeCount).toBe(9002)
  })
})
