// Reachability benchmark (`npm run bench`): synthetic networks of 10, 100 and 1,000 filtering
// devices with 200 ACL rules each, half Huawei VRP and half Cisco IOS, chained by point-to-point
// links across ten zones. Each size runs in its own child process (so peak memory is its own) and
// reports parse, model build and full zone-matrix time, rules per second, peak RSS, and each time
// as a ratio to merely reading and splitting the same files in the same run.
import {fork} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const SIZES = [10, 100, 1000]
const RULES = 200
const ZONES = 10

/** Deterministic PRNG: the same networks every run. */
function rng(seed) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const subnet = (seg) => [`10.${seg % ZONES}.${Math.floor(seg / ZONES) % 256}.0`, '0.0.0.255']
const ports = [22, 25, 53, 80, 123, 443, 445, 1433, 3306, 3389, 8080, 8443]

function vrpConfig(id, a, b, rand) {
  const lines = [`sysname ${id}`, '#', 'acl number 3000']
  for (let r = 0; r < RULES - 1; r++) {
    const [s, sw] = subnet(Math.floor(rand() * 200))
    const [d, dw] = subnet(Math.floor(rand() * 200))
    const proto = rand() < 0.7 ? 'tcp' : 'udp'
    const action = rand() < 0.6 ? 'permit' : 'deny'
    lines.push(` rule ${(r + 1) * 5} ${action} ${proto} source ${s} ${sw} destination ${d} ${dw} destination-port eq ${ports[Math.floor(rand() * ports.length)]}`)
  }
  lines.push(` rule ${RULES * 5} deny ip`, '#')
  lines.push('interface GigabitEthernet0/0/0', ` ip address 10.${a % ZONES}.${Math.floor(a / ZONES) % 256}.${2 + (a % 200)} 255.255.255.0`, ' traffic-filter inbound acl 3000', '#')
  lines.push('interface GigabitEthernet0/0/1', ` ip address 10.${b % ZONES}.${Math.floor(b / ZONES) % 256}.1 255.255.255.0`, '#', 'return')
  return lines.join('\n')
}

function iosConfig(id, a, b, rand) {
  const lines = [`hostname ${id}`, '!', 'ip access-list extended EDGE-IN']
  for (let r = 0; r < RULES - 1; r++) {
    const [s, sw] = subnet(Math.floor(rand() * 200))
    const [d, dw] = subnet(Math.floor(rand() * 200))
    const proto = rand() < 0.7 ? 'tcp' : 'udp'
    const action = rand() < 0.6 ? 'permit' : 'deny'
    lines.push(` ${action} ${proto} ${s} ${sw} ${d} ${dw} eq ${ports[Math.floor(rand() * ports.length)]}`)
  }
  lines.push(' deny ip any any', '!')
  lines.push('interface GigabitEthernet0/0', ` ip address 10.${a % ZONES}.${Math.floor(a / ZONES) % 256}.${2 + (a % 200)} 255.255.255.0`, ' ip access-group EDGE-IN in', '!')
  lines.push('interface GigabitEthernet0/1', ` ip address 10.${b % ZONES}.${Math.floor(b / ZONES) % 256}.1 255.255.255.0`, '!', 'end')
  return lines.join('\n')
}

/** A chain: device i joins segment i (its Gi…0) and segment i+1 (its Gi…1), cabled to device i+1. */
function generate(dir, n) {
  const rand = rng(n)
  const dev = []
  const links = []
  for (let i = 0; i < n; i++) {
    const id = `fw-${i}`
    const vrp = i % 2 === 0
    writeFileSync(path.join(dir, `${id}.cfg`), vrp ? vrpConfig(id, i, i + 1, rand) : iosConfig(id, i, i + 1, rand))
    dev.push(`  - {id: ${id}, role: router, vendor: ${vrp ? 'huawei-vrp' : 'cisco-ios'}, config: ${id}.cfg}`)
    if (i > 0) {
      const prevOut = (i - 1) % 2 === 0 ? 'GigabitEthernet0/0/1' : 'GigabitEthernet0/1'
      const inIf = vrp ? 'GigabitEthernet0/0/0' : 'GigabitEthernet0/0'
      links.push(`  - [fw-${i - 1}:${prevOut}, ${id}:${inIf}]`)
    }
  }
  const zones = Array.from({length: ZONES}, (_, z) => `  - {id: z${z}, kind: other, prefixes: [10.${z}.0.0/16]}`)
  const inv = ['version: 1', 'name: bench', 'zones:', ...zones, 'devices:', ...dev, 'links:', ...(links.length ? links : ['  []'])].join('\n')
  writeFileSync(path.join(dir, 'inventory.yaml'), `${inv.replace('links:\n  []', 'links: []')}\n`)
}

const time = async (f) => {
  globalThis.gc?.()
  const t = process.hrtime.bigint()
  const v = await f()
  return {v, ms: Number(process.hrtime.bigint() - t) / 1e6}
}

async function child(n) {
  const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist')
  const {loadInventory} = await import(path.join(dist, 'inventory/load.js'))
  const {readDevices} = await import(path.join(dist, 'audit/read-devices.js'))
  const {buildNetwork} = await import(path.join(dist, 'network/build.js'))
  const {ReachAnalysis, zoneMatrix} = await import(path.join(dist, 'analysis/reach/index.js'))
  const dir = mkdtempSync(path.join(os.tmpdir(), `segaudit-bench-${n}-`))
  try {
    generate(dir, n)
    const files = Array.from({length: n}, (_, i) => path.join(dir, `fw-${i}.cfg`))
    const read = await time(() => files.reduce((k, f) => k + readFileSync(f, 'utf8').split(/\r?\n/).length, 0))
    const loaded = await loadInventory(path.join(dir, 'inventory.yaml'))
    const parse = await time(() => readDevices(loaded))
    const unrecognized = parse.v.inputs.reduce((k, i) => k + (i.coverage?.unrecognized.length ?? 0), 0)
    const build = await time(() => buildNetwork(loaded, parse.v.files, []))
    const matrix = await time(() => {
      const a = new ReachAnalysis(build.v)
      return zoneMatrix(a, build.v)
    })
    const rules = n * RULES
    const open = matrix.v.cells.filter((c) => c.status !== 'blocked').length
    process.send?.({n, lines: read.v, unrecognized, readMs: read.ms, parseMs: parse.ms, buildMs: build.ms, matrixMs: matrix.ms, rules, open, cells: matrix.v.cells.length, maxRssMb: process.resourceUsage().maxRSS / 1024})
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

async function main() {
  const results = []
  for (const n of SIZES) {
    const r = await new Promise((resolve, reject) => {
      const c = fork(fileURLToPath(import.meta.url), ['--child', String(n)], {execArgv: ['--expose-gc', '--max-old-space-size=8192']})
      c.on('message', resolve)
      c.on('error', reject)
      c.on('exit', (code) => code !== 0 && reject(new Error(`bench child ${n} exited ${code}`)))
    })
    results.push(r)
  }
  const f = (x) => x.toFixed(1).padStart(9)
  const ratio = (x, base) => `${(x / base).toFixed(0)}x`.padStart(7)
  console.log('devices  rules   lines  unrec   read ms  parse ms (x read)  build ms (x read)  matrix ms (x read)  rules/s (matrix)  peak RSS MB  non-blocked cells')
  for (const r of results) {
    console.log(
      `${String(r.n).padStart(7)} ${String(r.rules).padStart(6)} ${String(r.lines).padStart(7)} ${String(r.unrecognized).padStart(6)} ${f(r.readMs)} ${f(r.parseMs)} ${ratio(r.parseMs, r.readMs)} ${f(r.buildMs)} ${ratio(r.buildMs, r.readMs)} ${f(r.matrixMs)} ${ratio(r.matrixMs, r.readMs)} ${String(Math.round(r.rules / (r.matrixMs / 1000))).padStart(16)} ${f(r.maxRssMb)} ${String(r.open).padStart(10)}/${r.cells}`,
    )
  }
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]))
else await main()
