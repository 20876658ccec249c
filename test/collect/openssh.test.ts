import {execFileSync, type ChildProcess, spawn} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {connect, createServer} from 'node:net'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {REPO} from './support/cli.js'
import {deviceEntry, inventoryOf, manifestOf, runCollect, snapshotFile, tempDir} from './support/harness.js'
import {profileFor} from './support/profiles.js'

const SSHD = '/usr/sbin/sshd'
const why = existsSync(SSHD) ? undefined : `${SSHD} not found: install Debian's openssh-server (apt-get install -y openssh-server) to run this test`

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function listening(port: number, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (ok) return true
    await sleep(100)
  }
  return false
}

let sshd: ChildProcess | undefined
let port = 0
let dir = ''
let sshdLog = ''
/** Set when sshd is installed but cannot be started here (not root, no /run): the tests skip saying why. */
let startFailure: string | undefined

beforeAll(async () => {
  if (why) return
  try {
    await startSshd()
  } catch (error) {
    startFailure = `sshd could not be started: ${(error as Error).message.split('\n')[0]}`
    sshd?.kill('SIGTERM')
  }
})

async function startSshd(): Promise<void> {
  dir = tempDir('segaudit-sshd-')
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')])
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'client_key')])
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')), {mode: 0o600})
  mkdirSync('/run/sshd', {recursive: true, mode: 0o755})
  const loader = join(REPO, 'node_modules/tsx/dist/loader.mjs')
  const device = join(REPO, 'test/collect/support/openssh-device.ts')
  port = await freePort()
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      'PidFile none',
      'UsePAM no',
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `ForceCommand ${process.execPath} --import ${loader} ${device} huawei-vrp core-1 paging`,
      'PrintMotd no',
      'PrintLastLog no',
      '',
    ].join('\n'),
  )
  sshd = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], {stdio: ['ignore', 'ignore', 'pipe']})
  sshd.stderr?.on('data', (d: Buffer) => {
    sshdLog += d.toString()
  })
  if (!(await listening(port, Date.now() + 20_000))) throw new Error(`not listening after 20s: ${sshdLog.trim() || 'no output'}`)
  const hostKey = readFileSync(join(dir, 'host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ')
  writeFileSync(join(dir, 'known_hosts'), `[127.0.0.1]:${port} ${hostKey}\n`)
}

afterAll(() => {
  sshd?.kill('SIGTERM')
})

describe.skipIf(why)(`against a real OpenSSH server${why ? ` (skipped: ${why})` : ''}`, () => {
  it('collects end to end through sshd, a pty and a device-like login shell with paging on', async (ctx) => {
    if (startFailure) ctx.skip(startFailure)
    const env = {SEGAUDIT_SSH_USER: 'root', SEGAUDIT_SSH_KEY: join(dir, 'client_key')}
    const summary = await runCollect(inventoryOf([deviceEntry('core-1', 'huawei-vrp', port)]), join(dir, 'known_hosts'), {env})
    expect(summary.failed, sshdLog).toEqual([])
    const expected = profileFor('huawei-vrp', 'core-1', 400).commands
    expect(snapshotFile(summary, 'configs/core-1.cfg')).toBe(expected['display current-configuration'])
    expect(snapshotFile(summary, 'configs/core-1.lldp.txt')).toBe(expected['display lldp neighbor brief'])
    expect(manifestOf(summary).devices[0]?.hostname).toBe('core-1')
  })

  it('refuses the real server when its key is not the one on file', async (ctx) => {
    if (startFailure) ctx.skip(startFailure)
    const other = join(dir, 'known_hosts_other')
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'other_key')])
    const otherKey = readFileSync(join(dir, 'other_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ')
    writeFileSync(other, `[127.0.0.1]:${port} ${otherKey}\n`)
    const env = {SEGAUDIT_SSH_USER: 'root', SEGAUDIT_SSH_KEY: join(dir, 'client_key')}
    const summary = await runCollect(inventoryOf([deviceEntry('core-1', 'huawei-vrp', port)]), other, {env})
    expect(summary.failed[0]?.kind).toBe('host-key-changed')
  })
})
