/**
 * A farm of fake SSH devices for `npm run bench:collect`, in its own process so the collector's
 * CPU and memory are measured alone. Prints one JSON line (ports and host keys), then serves until
 * stdin closes. Usage: node --import tsx scripts/collect-farm.ts <devices> <config-lines> <latency-ms>
 */
import {startFakeDevice} from '../test/collect/support/fake-device.js'
import {profileFor} from '../test/collect/support/profiles.js'

const [count = '50', lines = '2000', latency = '20', burst = '50'] = process.argv.slice(2)
const users = [{username: 'bench', password: 'bench-password'}]
const devices = []
for (let i = 0; i < Number(count); i++) {
  devices.push(
    await startFakeDevice({
      profile: profileFor('huawei-vrp', `sw-${i}`, Number(lines)),
      // Every reply (prompt, page of lines) arrives after the device's latency.
      pace: {burstLines: Number(burst), burstDelayMs: Number(latency)},
      users,
      refuseExec: true,
    }),
  )
}
process.stdout.write(`${JSON.stringify(devices.map((d) => ({port: d.port, key: d.publicHostKey})))}\n`)
process.stdin.resume()
const started = performance.now()
process.stdin.on('end', async () => {
  const cpu = process.cpuUsage()
  const wall = performance.now() - started
  process.stderr.write(`farm: ${count} devices, CPU ${(((cpu.user + cpu.system) / 1000 / wall) * 100).toFixed(0)}% of one core over ${(wall / 1000).toFixed(1)}s\n`)
  await Promise.all(devices.map((d) => d.close()))
  process.exit(0)
})
