import {afterEach, describe, expect, it} from 'vitest'
import {type FakeDevice, startFakeDevice} from './support/fake-device.js'
import {deviceEntry, inventoryOf, knownHostsFor, manifestOf, PASSWORD, runCollect, snapshotFile, USER} from './support/harness.js'
import {type FakeVendor, profileFor} from './support/profiles.js'

const VENDORS: FakeVendor[] = ['huawei-vrp', 'huawei-usg', 'h3c-comware', 'cisco-ios', 'cisco-asa', 'juniper-junos', 'iptables']
const USERS = [{username: USER, password: PASSWORD}]

let devices: FakeDevice[] = []
afterEach(async () => {
  await Promise.all(devices.map((d) => d.close()))
  devices = []
})

async function collectOne(vendor: FakeVendor, tweak: (p: ReturnType<typeof profileFor>) => void, pace = {}) {
  const profile = profileFor(vendor, `dev-${vendor}`, 150)
  tweak(profile)
  const device = await startFakeDevice({profile, pace, users: USERS, refuseExec: vendor !== 'iptables'})
  devices.push(device)
  const inventory = inventoryOf([deviceEntry('d1', vendor, device.port)])
  const summary = await runCollect(inventory, knownHostsFor([device]))
  return {profile, device, summary}
}

function expectStored(vendor: FakeVendor, profile: ReturnType<typeof profileFor>, summary: Awaited<ReturnType<typeof runCollect>>) {
  expect(summary.failed).toEqual([])
  const commands = Object.entries(profile.commands)
  const configCommand = vendor === 'iptables' ? 'sudo -n iptables-save' : commands[0]?.[0]
  expect(snapshotFile(summary, 'configs/d1.cfg')).toBe(profile.commands[configCommand ?? ''])
  const manifest = manifestOf(summary)
  const entry = manifest.devices[0]
  expect(entry?.status).toBe('ok')
  for (const command of entry?.commands ?? []) {
    expect(command.error).toBeUndefined()
    expect(snapshotFile(summary, command.path ?? '')).toBe(profile.commands[command.command])
  }
}

describe.each(VENDORS)('%s dialect against its fake device', (vendor) => {
  it('stores exactly the command output once paging is off', async () => {
    const {profile, summary} = await collectOne(vendor, () => undefined)
    expectStored(vendor, profile, summary)
    if (vendor !== 'iptables') expect(manifestOf(summary).devices[0]?.hostname).toBe(vendor === 'juniper-junos' ? `audit@dev-${vendor}` : `dev-${vendor}`)
    const roles = manifestOf(summary).devices[0]?.commands.map((c) => c.role)
    expect(roles).toEqual(vendor === 'cisco-asa' ? ['config', 'version'] : ['config', 'neighbors', 'version'])
  })

})

// Linux is collected over exec: no prompts, no pager.
describe.each(VENDORS.filter((v) => v !== 'iptables'))('%s dialect when paging stays on', (vendor) => {
  it('answers More prompts and strips their erase sequences when paging stays on', async () => {
    const {profile, summary} = await collectOne(vendor, (p) => {
      p.pagingOff = {}
    }, {pageLines: 7})
    expectStored(vendor, profile, summary)
    const file = snapshotFile(summary, 'configs/d1.cfg')
    expect(file).not.toMatch(/More|\x1b|\x08|\r/)
  })

  it('copes with slow output in tiny chunks and a banner', async () => {
    const {profile, summary} = await collectOne(vendor, (p) => {
      p.pagingOff = {}
    }, {pageLines: 11, chunkBytes: 3, chunkDelayMs: 1, burstLines: 20, burstDelayMs: 2})
    expectStored(vendor, profile, summary)
  })
})
