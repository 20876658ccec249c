#!/usr/bin/env node
// Benchmark of `segaudit collect` (not a test): a farm of fake devices in a separate process,
// 2,000-line configurations, 20 ms of device latency per output burst, strict host-key checking.
// Reports devices/s, the collector's peak memory and CPU, and the ratio to a floor measured in the
// same run (connect + authenticate + one empty command per device). Needs `npm run build` first.
import {spawn} from 'node:child_process'
import {createHmac, randomBytes} from 'node:crypto'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {createInterface} from 'node:readline'
import {collectSnapshot, DEFAULT_CONCURRENCY} from '../dist/collect/collect-service.js'
import {connectSsh} from '../dist/collect/connect.js'
import {CredentialStore} from '../dist/collect/credentials.js'
import {probeOverShell} from '../dist/collect/device-session.js'
import {HostKeyPolicy} from '../dist/collect/host-keys.js'
import {runPool} from '../dist/collect/pool.js'

const SIZES = (process.env.BENCH_SIZES ?? '50,200,500').split(',').map(Number)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? DEFAULT_CONCURRENCY)
const LINES = 2000
const LATENCY_MS = 20
const env = {SEGAUDIT_SSH_USER: 'bench', SEGAUDIT_SSH_PASSWORD: 'bench-password'}

function startFarm(count) {
  const farm = spawn(process.execPath, ['--import', 'tsx', 'scripts/collect-farm.ts', String(count), String(LINES), String(LATENCY_MS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    farm.once('error', reject)
    createInterface({input: farm.stdout}).once('line', (line) => resolve({farm, devices: JSON.parse(line)}))
  })
}

/** known_hosts as `HashKnownHosts yes` writes it, the slow case for lookups. */
function knownHosts(dir, devices) {
  const file = join(dir, 'known_hosts')
  const lines = devices.map(({port, key}) => {
    const salt = randomBytes(20)
    const hash = createHmac('sha1', salt).update(`[127.0.0.1]:${port}`).digest('base64')
    return `|1|${salt.toString('base64')}|${hash} ${key}\n`
  })
  writeFileSync(file, lines.join(''))
  return file
}

function inventory(dir, devices) {
  const list = devices.map(({port}, i) => ({
    id: `sw-${i}`,
    role: 'switch',
    vendor: 'huawei-vrp',
    config: `configs/sw-${i}.cfg`,
    neighbors: `configs/sw-${i}.lldp.txt`,
    mgmt: {address: '127.0.0.1', port},
    interfaces: [],
  }))
  return {
    inventory: {version: 1, zones: [], devices: list, flows: [], links: [], systems: [], backups: [], plans: [], access: {levels: [], accounts: [], grants: []}},
    file: join(dir, 'inventory.yaml'),
    dir,
    locate: () => ({file: join(dir, 'inventory.yaml'), line: 1}),
    resolveDeviceFile: (relative) => join(dir, relative),
  }
}

/** Wall time, peak RSS/heap (sampled) and CPU of `work` in this process. */
async function measure(work) {
  globalThis.gc?.()
  let peakRss = process.memoryUsage().rss
  let peakHeap = process.memoryUsage().heapUsed
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }, 25)
  const cpu = process.cpuUsage()
  const started = performance.now()
  const result = await work()
  const wall = performance.now() - started
  const used = process.cpuUsage(cpu)
  clearInterval(sampler)
  return {result, wall, peakRss, peakHeap, cpuPercent: ((used.user + used.system) / 1000 / wall) * 100}
}

async function floor(devices, knownHostsFile) {
  const hostKeys = await HostKeyPolicy.load(knownHostsFile, false)
  const credential = CredentialStore.fromEnvironment(env).forDevice('any')
  let failed = 0
  await runPool(devices, CONCURRENCY, async ({port}) => {
    try {
      const client = await connectSsh({host: '127.0.0.1', port}, {credential, hostKeys, timeoutMs: 60_000, loadKey: () => undefined})
      try {
        await probeOverShell(client, 60_000)
      } finally {
        client.end()
      }
    } catch {
      failed++
    }
  })
  return failed
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const rows = []
for (const size of SIZES) {
  const {farm, devices} = await startFarm(size)
  const dir = mkdtempSync(join(tmpdir(), 'segaudit-bench-'))
  try {
    const knownHostsFile = knownHosts(dir, devices)
    const probe = await measure(() => floor(devices, knownHostsFile))
    const run = await measure(() =>
      collectSnapshot({
        inventory: inventory(dir, devices),
        outDir: join(dir, 'out'),
        concurrency: CONCURRENCY,
        knownHostsFile,
        acceptNew: false,
        credentials: CredentialStore.fromEnvironment(env),
        connectTimeoutMs: 60_000,
        commandTimeoutMs: 60_000,
        retries: 0,
        toolVersion: 'bench',
      }),
    )
    globalThis.gc?.()
    const retained = process.memoryUsage().heapUsed
    const summary = run.result
    const rate = (summary.devices.ok * 1000) / run.wall
    const floorRate = ((size - probe.result) * 1000) / probe.wall
    rows.push({
      devices: size,
      ok: summary.devices.ok,
      failed: summary.devices.failed,
      'collect dev/s': rate.toFixed(1),
      'floor dev/s': floorRate.toFixed(1),
      'ratio to floor': (rate / floorRate).toFixed(2),
      'peak RSS': mb(run.peakRss),
      'peak heap': mb(run.peakHeap),
      // What stays alive once the run is over: flat means nothing per device leaks.
      'heap after': mb(retained),
      'CPU %': run.cpuPercent.toFixed(0),
      // Other work on the machine skews every figure; the load average tells how much.
      load: loadavg()[0]?.toFixed(1),
    })
    if (summary.failed.length) console.error(summary.failed.slice(0, 3))
  } finally {
    farm.stdin.end()
    await new Promise((resolve) => farm.once('close', resolve))
    rmSync(dir, {recursive: true, force: true})
  }
}
console.log(`collect benchmark: ${LINES}-line configs, ${LATENCY_MS} ms per output burst, concurrency ${CONCURRENCY}, strict hashed known_hosts`)
console.table(rows)
