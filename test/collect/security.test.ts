import {execFileSync, spawn} from 'node:child_process'
import {chmodSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import ssh2 from 'ssh2'
import {afterEach, describe, expect, it} from 'vitest'
import {CredentialStore} from '../../src/collect/credentials.js'
import {type FakeDevice, newHostKey, startFakeDevice} from './support/fake-device.js'
import {deviceEntry, inventoryOf, knownHostsFor, manifestOf, PASSWORD, runCollect, snapshotFile, tempDir, USER} from './support/harness.js'
import {profileFor} from './support/profiles.js'

let devices: FakeDevice[] = []
afterEach(async () => {
  await Promise.all(devices.map((d) => d.close()))
  devices = []
})

async function device(options: Partial<Parameters<typeof startFakeDevice>[0]> = {}) {
  const fake = await startFakeDevice({profile: profileFor('huawei-vrp', 'core-1', 40), users: [{username: USER, password: PASSWORD}], refuseExec: true, ...options})
  devices.push(fake)
  return fake
}

describe('host keys', () => {
  it('refuses an unknown key and says how to add it', async () => {
    const fake = await device()
    const knownHosts = join(tempDir(), 'known_hosts')
    writeFileSync(knownHosts, '')
    const summary = await runCollect(inventoryOf([deviceEntry('core-1', 'huawei-vrp', fake.port)]), knownHosts)
    expect(summary.failed[0]?.kind).toBe('host-key-unknown')
    expect(summary.failed[0]?.message).toContain('SHA256:')
    expect(summary.failed[0]?.hint).toMatch(/ssh-keyscan -p \d+ -t ssh-ed25519 127\.0\.0\.1 >> /)
    expect(summary.latestMoved).toBe(false)
    expect(fake.logins).toBe(0)
  })

  it('--accept-new trusts and records an unknown key, then checks it strictly', async () => {
    const fake = await device()
    const knownHosts = join(tempDir(), 'known_hosts')
    const inventory = inventoryOf([deviceEntry('core-1', 'huawei-vrp', fake.port)])
    const first = await runCollect(inventory, knownHosts, {acceptNew: true})
    expect(first.failed).toEqual([])
    expect(readFileSync(knownHosts, 'utf8')).toBe(fake.knownHostsLine())
    const second = await runCollect(inventory, knownHosts)
    expect(second.failed).toEqual([])
  })

  it('always refuses a changed key, even with --accept-new', async () => {
    const fake = await device()
    const other = newHostKey().publicKey
    const knownHosts = join(tempDir(), 'known_hosts')
    writeFileSync(knownHosts, `[127.0.0.1]:${fake.port} ${other}\n`)
    const summary = await runCollect(inventoryOf([deviceEntry('core-1', 'huawei-vrp', fake.port)]), knownHosts, {acceptNew: true})
    expect(summary.failed[0]?.kind).toBe('host-key-changed')
    expect(summary.failed[0]?.message).toMatch(/possible interception/)
    expect(summary.failed[0]?.hint).toContain(`ssh-keygen -R '[127.0.0.1]:${fake.port}'`)
    expect(fake.logins).toBe(0)
  })

  it('matches hashed known_hosts entries', async () => {
    const fake = await device()
    const salt = Buffer.from('0123456789abcdef0123')
    const {createHmac} = await import('node:crypto')
    const hash = createHmac('sha1', salt).update(`[127.0.0.1]:${fake.port}`).digest('base64')
    const knownHosts = join(tempDir(), 'known_hosts')
    writeFileSync(knownHosts, `|1|${salt.toString('base64')}|${hash} ${fake.publicHostKey}\n`)
    const summary = await runCollect(inventoryOf([deviceEntry('core-1', 'huawei-vrp', fake.port)]), knownHosts)
    expect(summary.failed).toEqual([])
  })
})

describe('authentication', () => {
  it('reports a wrong password once, without retrying or echoing it', async () => {
    const fake = await device()
    const wrong = 'Wr0ng-Planted-Secret'
    const summary = await runCollect(inventoryOf([deviceEntry('core-1', 'huawei-vrp', fake.port)]), knownHostsFor([fake]), {
      env: {SEGAUDIT_SSH_USER: USER, SEGAUDIT_SSH_PASSWORD: wrong},
      retries: 3,
    })
    expect(summary.failed[0]?.kind).toBe('auth')
    expect(manifestOf(summary).devices[0]?.attempts).toBe(1)
    expect(JSON.stringify(summary) + readFileSync(join(summary.snapshot, 'manifest.json'), 'utf8')).not.toContain(wrong)
  })

  it('answers keyboard-interactive with the password', async () => {
    const fake = await device({keyboardInteractiveOnly: true})
    const summary = await runCollect(inventoryOf([deviceEntry('core-1', 'huawei-vrp', fake.port)]), knownHostsFor([fake]))
    expect(summary.failed).toEqual([])
  })

  it('logs in with an encrypted key file and its passphrase', async () => {
    const pair = ssh2.utils.generateKeyPairSync('ecdsa', {bits: 256, passphrase: 'Key-Pass-Planted', cipher: 'aes256-ctr'})
    const fake = await device({users: [{username: USER, publicKey: pair.public}]})
    const keyFile = join(tempDir(), 'id_ecdsa')
    writeFileSync(keyFile, pair.private, {mode: 0o600})
    const env = {SEGAUDIT_SSH_USER: USER, SEGAUDIT_SSH_KEY: keyFile, SEGAUDIT_SSH_KEY_PASSPHRASE: 'Key-Pass-Planted'}
    const ok = await runCollect(inventoryOf([deviceEntry('core-1', 'huawei-vrp', fake.port)]), knownHostsFor([fake]), {env})
    expect(ok.failed).toEqual([])
    const bad = await runCollect(inventoryOf([deviceEntry('core-1', 'huawei-vrp', fake.port)]), knownHostsFor([fake]), {
      env: {...env, SEGAUDIT_SSH_KEY_PASSPHRASE: 'not-it'},
    })
    expect(bad.failed[0]?.kind).toBe('credentials')
    expect(JSON.stringify(bad)).not.toContain('not-it')
  })

  it('takes per-device and glob overrides from a 0600 credentials file and refuses a readable one', async () => {
    const fw = await device({users: [{username: 'fwaudit', password: 'Fw-Planted-1'}]})
    const core = await device({users: [{username: 'coreaudit', password: 'Core-Planted-2'}]})
    const file = join(tempDir(), 'credentials.yaml')
    writeFileSync(file, 'defaults:\n  username: nobody\n  password: nothing\ndevices:\n  "fw-*": {username: fwaudit, password: Fw-Planted-1}\n  core-1: {username: coreaudit, password: Core-Planted-2}\n', {mode: 0o644})
    expect(() => CredentialStore.fromEnvironment({}, file)).toThrow(/readable by others.*refusing/)
    chmodSync(file, 0o600)
    const store = CredentialStore.fromEnvironment({SEGAUDIT_SSH_USER: 'envuser'}, file)
    expect(store.forDevice('fw-9').username).toBe('fwaudit')
    const inventory = inventoryOf([deviceEntry('fw-1', 'huawei-vrp', fw.port), deviceEntry('core-1', 'huawei-vrp', core.port)])
    const summary = await runCollect(inventory, knownHostsFor([fw, core]), {credentials: store})
    expect(summary.failed).toEqual([])
    expect(snapshotFile(summary, 'configs/fw-1.cfg')).toContain('sysname core-1')
  })
})

describe('Cisco enable', () => {
  it('raises a user-mode login with the enable secret, and fails clearly without one', async () => {
    const profile = profileFor('cisco-ios', 'r9', 60)
    profile.enableSecret = 'Planted-Enable-9'
    const fake = await startFakeDevice({profile, users: [{username: USER, password: PASSWORD}], refuseExec: true})
    devices.push(fake)
    const file = join(tempDir(), 'credentials.yaml')
    writeFileSync(file, `defaults: {username: ${USER}, password: ${PASSWORD}}\ndevices:\n  r9: {enable: Planted-Enable-9}\n`, {mode: 0o600})
    const inventory = inventoryOf([deviceEntry('r9', 'cisco-ios', fake.port)])
    const ok = await runCollect(inventory, knownHostsFor([fake]), {credentials: CredentialStore.fromEnvironment({}, file)})
    expect(ok.failed).toEqual([])
    expect(snapshotFile(ok, 'configs/r9.cfg')).toBe(profile.commands['show running-config'])
    const without = await runCollect(inventory, knownHostsFor([fake]))
    expect(without.failed[0]).toMatchObject({kind: 'auth', message: 'the login lands in user mode'})
  })
})

describe('ssh-agent', () => {
  const agentMissing = !existsSync('/usr/bin/ssh-agent') && 'ssh-agent not installed (Debian openssh-client)'
  it.skipIf(agentMissing)('logs in with a key held by ssh-agent (SSH_AUTH_SOCK)', async () => {
    const dir = tempDir()
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id')])
    const socket = join(dir, 'agent.sock')
    const agent = spawn('ssh-agent', ['-D', '-a', socket], {stdio: 'ignore'})
    try {
      for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50))
      execFileSync('ssh-add', ['-q', join(dir, 'id')], {env: {SSH_AUTH_SOCK: socket}, stdio: 'ignore'})
      const fake = await device({users: [{username: USER, publicKey: readFileSync(join(dir, 'id.pub'), 'utf8')}]})
      const summary = await runCollect(inventoryOf([deviceEntry('core-1', 'huawei-vrp', fake.port)]), knownHostsFor([fake]), {
        env: {SEGAUDIT_SSH_USER: USER, SSH_AUTH_SOCK: socket},
      })
      expect(summary.failed).toEqual([])
    } finally {
      agent.kill()
    }
  })
})
