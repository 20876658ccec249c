#!/usr/bin/env node
// Packet-set benchmark: compile synthetic filters of 200 rules × {10, 100, 1000} filters.
// Run after `npm run build`:  node --expose-gc scripts/bench-packetset.js [--rules 200] [--counts 10,100,1000]
// Every figure is also given as a ratio to a baseline measured in the same run: the time (and
// memory) it takes merely to construct the rule objects, so machines of different speed compare.
import {compileFilter, shadowedRules} from '../dist/analysis/filters/index.js'
import {PacketSpace} from '../dist/analysis/packetset/index.js'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback
}
const RULES = Number(option('rules', '200'))
const COUNTS = option('counts', '10,100,1000').split(',').map(Number)
/** `--order dstIp,srcIp,…` tries another variable order (see docs/packet-sets.md). */
const ORDER = option('order', undefined)?.split(',')
const SHADOW = !args.includes('--no-shadow')
/** `--templates K`: the filters are copies of K distinct ones (other names and lines), as templated networks are. */
const TEMPLATES = option('templates', undefined) === undefined ? undefined : Number(option('templates', '0'))
/** `--retain`: keep every compiled filter alive, as reachability's FilterCache does. */
const RETAIN = args.includes('--retain')

/** Deterministic PRNG (mulberry32), so runs compare. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ipv4 = (n) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
const ref = (line) => ({file: 'bench.cfg', line})
const PORTS = [22, 23, 25, 53, 80, 123, 161, 389, 443, 445, 1433, 1521, 3306, 3389, 5432, 8080, 8443]

/** A rule as vendor parsers emit them: a mix of hosts, subnets, services, wildcards, ICMP, IPv6, unknowns. */
function syntheticRule(rnd, device, i) {
  const pick = (list) => list[Math.floor(rnd() * list.length)]
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1))
  // Each device filters its own site (10.<device>.x.x) against the rest of the network.
  const site = (10 << 24) | ((device & 255) << 16)
  const subnet = (len) => ({kind: 'prefix', family: 4, address: ipv4((site | (int(0, 255) << 8) | int(0, 255)) >>> 0), length: len})
  const remote = (len) => ({kind: 'prefix', family: 4, address: ipv4((int(1, 223) << 24) | (int(0, 0xffffff))), length: len})
  const roll = rnd()
  const action = roll < 0.05 ? 'unknown' : rnd() < 0.7 ? 'permit' : 'deny'
  let match
  if (roll < 0.45) {
    const p = pick(PORTS)
    match = {
      src: [rnd() < 0.3 ? {kind: 'any'} : remote(int(8, 24))],
      dst: [subnet(int(24, 32)), ...(rnd() < 0.3 ? [subnet(32)] : [])],
      protocols: [6],
      dstPorts: rnd() < 0.8 ? [{from: p, to: p}] : [{from: p, to: p + int(1, 100)}],
    }
  } else if (roll < 0.6) {
    match = {src: [remote(int(8, 24))], dst: [subnet(int(24, 32))], protocols: [17], dstPorts: [{from: 53, to: 53}, {from: 123, to: 123}]}
  } else if (roll < 0.68) {
    match = {src: [{kind: 'any'}], dst: [subnet(int(16, 28))], protocols: [1], icmpTypes: [{type: pick([0, 3, 8, 11])}]}
  } else if (roll < 0.78) {
    // Cisco-style wildcards, some non-contiguous (every .1 host of a /16, odd subnets…).
    const wildcard = rnd() < 0.5 ? ipv4(0xff >>> int(0, 8)) : pick(['0.0.255.0', '0.0.254.255', '0.255.0.255'])
    match = {src: [{kind: 'wildcard', address: ipv4(site | 1), wildcard}], dst: [{kind: 'any'}], protocols: [6, 17]}
  } else if (roll < 0.88) {
    match = {src: [remote(int(8, 16))], dst: [{kind: 'any'}]}
  } else if (roll < 0.94) {
    const prefix = `2001:db8:${(device & 0xffff).toString(16)}:${int(0, 0xffff).toString(16)}::`
    match = {src: [{kind: 'any'}], dst: [{kind: 'prefix', family: 6, address: prefix, length: 64}], protocols: [6], dstPorts: [{from: 443, to: 443}]}
  } else {
    match = {src: [subnet(24)], dst: [remote(int(16, 24))], srcNegate: rnd() < 0.3, state: rnd() < 0.5 ? 'established' : undefined}
    if (match.state === undefined) delete match.state
  }
  return {id: String((i + 1) * 10), action, match, ref: ref(100 + i)}
}

function syntheticFilters(count, seed) {
  const rnd = random(seed)
  if (TEMPLATES !== undefined && TEMPLATES < count) {
    const templates = distinctFilters(TEMPLATES, rnd)
    return Array.from({length: count}, (_, d) => {
      const t = templates[d % TEMPLATES]
      return {...t, name: `acl-${d}`, ref: ref(d), rules: t.rules.map((r, i) => ({...r, ref: ref(1000 * d + i)}))}
    })
  }
  return distinctFilters(count, rnd)
}

function distinctFilters(count, rnd) {
  return Array.from({length: count}, (_, d) => ({
    name: `acl-${d}`,
    kind: 'acl',
    rules: Array.from({length: RULES}, (_, i) => syntheticRule(rnd, d, i)),
    defaultAction: 'deny',
    stateful: d % 3 === 0,
    ref: ref(1),
  }))
}

function gc() {
  if (globalThis.gc) globalThis.gc()
}

const mb = (bytes) => (bytes / 1048576).toFixed(1)
const memory = () => {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

// Warm-up: JIT the compiler on a small, separate run.
for (const f of syntheticFilters(5, 99)) compileFilter(f, {space: new PacketSpace({order: ORDER})})

const rows = []
for (const count of COUNTS) {
  gc()
  const before = memory()
  let t = performance.now()
  const filters = syntheticFilters(count, count)
  const baselineMs = performance.now() - t
  const baselineBytes = Math.max(1, memory() - before)

  gc()
  const space = new PacketSpace({order: ORDER})
  const start = memory()
  let peak = 0
  const retained = []
  t = performance.now()
  const cpu = process.cpuUsage()
  for (const f of filters) {
    // What reachability asks of every filter: the diagram plus the permitted and unknown sets.
    const c = compileFilter(f, {space})
    void c.permitted
    void c.unknown
    if (RETAIN) retained.push(c)
    peak = Math.max(peak, memory() - start)
  }
  const compileMs = performance.now() - t
  // CPU time too: on shared cores the wall clock also measures the neighbours.
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000

  const sample = SHADOW ? filters.slice(0, Math.min(count, 100)) : []
  t = performance.now()
  let shadowed = 0
  for (const f of sample) shadowed += shadowedRules(f, {space}).length
  const shadowMsPerFilter = (performance.now() - t) / Math.max(1, sample.length)

  rows.push({
    filters: count,
    rules: count * RULES,
    'baseline ms': baselineMs.toFixed(1),
    'compile ms': compileMs.toFixed(0),
    'cpu ms': cpuMs.toFixed(0),
    '× baseline': (compileMs / baselineMs).toFixed(1),
    'rules/s': Math.round((count * RULES) / (compileMs / 1000)),
    'µs/rule': ((compileMs * 1000) / (count * RULES)).toFixed(1),
    'peak MB': mb(peak),
    'peak × rule objects': (peak / baselineBytes).toFixed(1),
    'BDD nodes': space.bdd.nodeCount,
    'BDD MB': mb(space.bdd.byteSize),
    'shadow ms/filter': shadowMsPerFilter.toFixed(1),
    'shadowed rules (sample)': shadowed,
  })
}

const notes = [RETAIN ? 'compiled filters retained' : '', TEMPLATES !== undefined ? `copies of ${TEMPLATES} templates` : ''].filter(Boolean)
console.log(`segaudit packet sets: ${RULES} rules per filter, order ${ORDER?.join(',') ?? 'default'}, node ${process.version}, ${globalThis.gc ? 'with' : 'without'} --expose-gc${notes.map((n) => `, ${n}`).join('')}`)
console.table(rows)
console.log(`peak RSS ${mb(process.memoryUsage().rss)} MB`)
