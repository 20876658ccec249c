import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, readlinkSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {loadSnapshot} from '../../src/collect/snapshot.js'
import {startCli, runCli} from './support/cli.js'
import type {Pace} from './support/fake-cli.js'
import {type FakeDevice, startFakeDevice} from './support/fake-device.js'
import {knownHostsFor, PASSWORD, tempDir, USER} from './support/harness.js'
import {profileFor} from './support/profiles.js'
import {writeInventory} from './support/yaml-inventory.js'

const ENV = {SEGAUDIT_SSH_USER: USER, SEGAUDIT_SSH_PASSWORD: PASSWORD}
// Shared by every fake: slowed down only for the run that gets killed.
const pace: Pace = {burstLines: 5}

let fakes: FakeDevice[] = []
beforeAll(async () => {
  fakes = await Promise.all(
    Array.from({length: 6}, (_, i) =>
      startFakeDevice({
        profile: profileFor('huawei-vrp', `sw-${i}`, 300),
        pace,
        users: [{username: USER, password: PASSWORD}],
      }),
    ),
  )
})
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()))
})

function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry)
      if (statSync(path).isDirectory()) walk(path)
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  walk(dir)
  return files
}

describe('a collector killed mid-run (SIGKILL)', () => {
  it('leaves the previous snapshot and latest intact, and no partial snapshot looks complete', async () => {
    const inventory = writeInventory(fakes.map((f, i) => ({id: `sw-${i}`, vendor: 'huawei-vrp', port: f.port})))
    const knownHosts = knownHostsFor(fakes)
    const out = tempDir()
    const args = ['collect', inventory, '--out', out, '--known-hosts', knownHosts, '--concurrency', '2']
    const first = await runCli(args, ENV)
    expect(first.code).toBe(0)
    const previous = readlinkSync(join(out, 'latest'))
    const before = tree(join(out, previous))

    pace.burstDelayMs = 60
    const run = startCli(args, ENV)
    // Kill once at least one device's files are on disk in the partial folder.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (/^ok /m.test(run.stderrSoFar())) {
          clearInterval(poll)
          resolve()
        }
      }, 20)
    })
    run.child.kill('SIGKILL')
    const killed = await run.done
    pace.burstDelayMs = 0
    expect(killed.signal).toBe('SIGKILL')

    expect(readlinkSync(join(out, 'latest'))).toBe(previous)
    expect(tree(join(out, previous))).toEqual(before)
    const partials = readdirSync(out).filter((e) => e.startsWith('.partial-'))
    expect(partials.length).toBe(1)
    expect(readdirSync(join(out, partials[0] ?? '')).length).toBeGreaterThan(0)
    expect(existsSync(join(out, partials[0] ?? '', 'manifest.json'))).toBe(false)
    expect(() => loadSnapshot(join(out, partials[0] ?? ''))).toThrow(/not a complete snapshot/)
    expect(loadSnapshot(out).dir.endsWith(previous)).toBe(true)
    const snapshots = readdirSync(out).filter((e) => /^\d{8}T\d{6}Z/.test(e))
    expect(snapshots).toEqual([previous])

    // The next run takes over the dead run's lock, clears its leftovers and moves latest.
    const third = await runCli(args, ENV)
    expect(third.code).toBe(0)
    expect(readlinkSync(join(out, 'latest'))).not.toBe(previous)
    expect(readdirSync(out).filter((e) => e.startsWith('.partial-') || e === '.collect.lock')).toEqual([])
  })
})
