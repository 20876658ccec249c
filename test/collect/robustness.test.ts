import {existsSync, readFileSync, readlinkSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {loadSnapshot} from '../../src/collect/snapshot.js'
import {type FakeDevice, startFakeDevice} from './support/fake-device.js'
import {deviceEntry, inventoryOf, knownHostsFor, manifestOf, PASSWORD, runCollect, tempDir, USER} from './support/harness.js'
import {type FakeVendor, profileFor} from './support/profiles.js'

let devices: FakeDevice[] = []
afterEach(async () => {
  await Promise.all(devices.map((d) => d.close()))
  devices = []
})

async function device(vendor: FakeVendor, hostname: string, options: Partial<Parameters<typeof startFakeDevice>[0]> = {}) {
  const fake = await startFakeDevice({profile: profileFor(vendor, hostname, 300), users: [{username: USER, password: PASSWORD}], refuseExec: vendor !== 'iptables', ...options})
  devices.push(fake)
  return fake
}

describe('robustness', () => {
  it('retries a device that drops the connection mid-output, and keeps the complete output', async () => {
    const fake = await device('cisco-ios', 'r1', {pace: {dropAfterBytes: 2000, dropTimes: {left: 1}, chunkBytes: 512}})
    const summary = await runCollect(inventoryOf([deviceEntry('r1', 'cisco-ios', fake.port)]), knownHostsFor([fake]), {retries: 2})
    expect(summary.failed).toEqual([])
    expect(manifestOf(summary).devices[0]?.attempts).toBe(2)
    expect(readFileSync(join(summary.snapshot, 'configs/r1.cfg'), 'utf8')).toBe(profileFor('cisco-ios', 'r1', 300).commands['show running-config'])
  })

  it('records a device that keeps dropping as failed while the others succeed (exit 3 material)', async () => {
    const bad = await device('huawei-vrp', 'bad', {pace: {dropAfterBytes: 500, dropTimes: {left: 99}}})
    const good = await Promise.all(['a', 'b', 'c'].map((name) => device('h3c-comware', name)))
    const inventory = inventoryOf([deviceEntry('bad', 'huawei-vrp', bad.port), ...good.map((g, i) => deviceEntry(`ok-${i}`, 'h3c-comware', g.port))])
    const summary = await runCollect(inventory, knownHostsFor([bad, ...good]), {retries: 1})
    expect(summary.devices).toEqual({total: 4, ok: 3, failed: 1})
    expect(summary.failed[0]).toMatchObject({id: 'bad', kind: 'disconnected'})
    expect(manifestOf(summary).devices.find((d) => d.id === 'bad')?.attempts).toBe(2)
    expect(existsSync(join(summary.snapshot, 'configs/bad.cfg'))).toBe(false)
    expect(summary.latestMoved).toBe(true)
  })

  it('uses an interactive shell where exec is refused, and exec on Linux', async () => {
    const vrp = await device('huawei-vrp', 'vrp', {refuseExec: true})
    const linux = await device('iptables', 'fw')
    const inventory = inventoryOf([deviceEntry('vrp', 'huawei-vrp', vrp.port), deviceEntry('fw', 'iptables', linux.port)])
    const summary = await runCollect(inventory, knownHostsFor([vrp, linux]))
    expect(summary.failed).toEqual([])
    expect(linux.log).toContain('sudo -n iptables-save')
  })

  it('reports a device that is not listening as a connect failure', async () => {
    const fake = await device('cisco-asa', 'asa')
    const port = fake.port
    await fake.close()
    devices = []
    const summary = await runCollect(inventoryOf([deviceEntry('asa', 'cisco-asa', port)]), join(tempDir(), 'kh'), {acceptNew: true, retries: 1})
    expect(summary.failed[0]?.kind).toBe('connect')
  })
})

describe('snapshots', () => {
  it('writes a dated snapshot with a manifest, moves latest, and loadSnapshot maps inventory paths', async () => {
    const fakes = await Promise.all([device('huawei-vrp', 'core'), device('juniper-junos', 'srx')])
    const inventory = inventoryOf([
      deviceEntry('core', 'huawei-vrp', fakes[0]?.port ?? 0),
      {...deviceEntry('srx', 'juniper-junos', fakes[1]?.port ?? 0), neighbors: undefined, config: 'fw/srx.conf'},
    ])
    const out = tempDir()
    const first = await runCollect(inventory, knownHostsFor(fakes), {outDir: out})
    expect(first.snapshot).toMatch(/\/\d{8}T\d{6}Z(-\d+)?$/)
    expect(readlinkSync(join(out, 'latest'))).toBe(first.snapshot.split('/').at(-1))
    const manifest = manifestOf(first)
    const core = manifest.devices.find((d) => d.id === 'core')
    expect(core).toMatchObject({vendor: 'huawei-vrp', status: 'ok', hostname: 'core', attempts: 1})
    expect(core?.commands.map((c) => c.command)).toEqual(['display current-configuration', 'display lldp neighbor brief', 'display version'])
    for (const command of core?.commands ?? []) expect(command.sha256).toMatch(/^[0-9a-f]{64}$/)
    const second = await runCollect(inventory, knownHostsFor(fakes), {outDir: out})
    expect(second.snapshot).not.toBe(first.snapshot)
    const loaded = loadSnapshot(out)
    expect(loaded.dir.endsWith(second.snapshot.split('/').at(-1) ?? '?')).toBe(true)
    expect(readFileSync(loaded.resolveDeviceFile('fw/srx.conf'), 'utf8')).toContain('host-name srx;')
    expect(loaded.deviceFile('srx', 'neighbors')).toBe(join(loaded.dir, 'fw/srx.neighbors.txt'))
    expect(loaded.device('core')?.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(() => loadSnapshot(tempDir())).toThrow(/not a complete snapshot/)
  })
})
