import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import ssh2 from 'ssh2'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type FakeDevice, startFakeDevice} from './support/fake-device.js'
import {knownHostsFor, PASSWORD, tempDir, USER} from './support/harness.js'
import {runCli} from './support/cli.js'
import {PLANTED_COMMUNITY, profileFor} from './support/profiles.js'
import {writeInventory} from './support/yaml-inventory.js'

const PASSPHRASE = 'Planted-Key-Passphrase'
const WRONG_PASSWORD = 'Planted-Wrong-Password'
const key = ssh2.utils.generateKeyPairSync('ecdsa', {bits: 256, passphrase: PASSPHRASE, cipher: 'aes256-ctr'})
const keyBody = key.private.split('\n')[2] ?? 'unreachable'

let fakes: FakeDevice[] = []
let inventory = ''
let knownHosts = ''
beforeAll(async () => {
  fakes = await Promise.all([
    startFakeDevice({profile: profileFor('huawei-vrp', 'core-1', 200), users: [{username: USER, password: PASSWORD}], refuseExec: true}),
    startFakeDevice({profile: profileFor('cisco-ios', 'acc-1', 200), users: [{username: USER, publicKey: key.public}], refuseExec: true}),
    startFakeDevice({profile: profileFor('h3c-comware', 'fw-1', 200), users: [{username: USER, password: 'something-else'}], refuseExec: true}),
  ])
  inventory = writeInventory([
    {id: 'core-1', vendor: 'huawei-vrp', port: fakes[0]?.port ?? 0},
    {id: 'acc-1', vendor: 'cisco-ios', port: fakes[1]?.port ?? 0},
    {id: 'fw-1', vendor: 'h3c-comware', port: fakes[2]?.port ?? 0},
  ])
  knownHosts = knownHostsFor(fakes)
})
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()))
})

function credentialsFile(mode: number): string {
  const dir = tempDir()
  const keyFile = join(dir, 'id_ecdsa')
  writeFileSync(keyFile, key.private, {mode: 0o600})
  const file = join(dir, 'credentials.yaml')
  writeFileSync(
    file,
    [
      'defaults:',
      `  username: ${USER}`,
      `  password: ${PASSWORD}`,
      'devices:',
      `  "acc-*": {key: ${keyFile}, passphrase: ${PASSPHRASE}}`,
      `  fw-1: {password: ${WRONG_PASSWORD}}`,
      '',
    ].join('\n'),
    {mode},
  )
  return file
}

describe('segaudit collect (CLI)', () => {
  it('collects, lists the failed device, exits 3, and never prints a secret', async () => {
    const out = tempDir()
    const result = await runCli(['collect', inventory, '--out', out, '--known-hosts', knownHosts, '--credentials', credentialsFile(0o600), '--format', 'json', '--retries', '1'])
    expect(result.code).toBe(3)
    const summary = JSON.parse(result.stdout) as {devices: unknown; failed: {id: string; kind: string}[]; latestMoved: boolean}
    expect(summary.devices).toEqual({total: 3, ok: 2, failed: 1})
    expect(summary.failed).toMatchObject([{id: 'fw-1', kind: 'auth'}])
    expect(summary.latestMoved).toBe(true)
    expect(result.stderr).toMatch(/^ok {5}core-1 /m)
    expect(result.stderr).toMatch(/^FAILED fw-1 /m)
    for (const secret of [PASSWORD, WRONG_PASSWORD, PASSPHRASE, keyBody, PLANTED_COMMUNITY]) {
      expect(result.stdout).not.toContain(secret)
      expect(result.stderr).not.toContain(secret)
    }
  })

  it('exits 0 with a text summary when every device succeeds', async () => {
    const out = tempDir()
    const result = await runCli(['collect', inventory, '--out', out, '--known-hosts', knownHosts, '--devices', 'core-1'], {
      SEGAUDIT_SSH_USER: USER,
      SEGAUDIT_SSH_PASSWORD: PASSWORD,
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Devices: 1 ok, 0 failed, 1 total/)
    expect(result.stdout + result.stderr).not.toContain(PASSWORD)
  })

  it.each([
    ['a readable credentials file', () => ['--credentials', credentialsFile(0o644)], /readable by others[\s\S]*hint: chmod 600/],
    ['an unknown --devices id', () => ['--devices', 'nope'], /no device "nope"/],
    ['a missing known_hosts file', () => ['--known-hosts', join(tempDir(), 'absent')], /does not exist[\s\S]*hint:/],
  ])('exits 2 on %s with a one-line message and a hint', async (_name, extra, message) => {
    const flags = extra()
    const hosts = flags.includes('--known-hosts') ? [] : ['--known-hosts', knownHosts]
    const result = await runCli(['collect', inventory, '--out', tempDir(), ...hosts, ...flags], {SEGAUDIT_SSH_PASSWORD: PASSWORD})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.stderr).not.toContain(PASSWORD)
  })

  it('exits 2 on a missing --out and on a broken inventory', async () => {
    expect((await runCli(['collect', inventory])).code).toBe(2)
    const broken = join(tempDir(), 'inventory.yaml')
    writeFileSync(broken, 'version: 1\ndevices: [\n')
    const result = await runCli(['collect', broken, '--out', tempDir()])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/inventory\.yaml:\d+:\d+/)
  })
})
