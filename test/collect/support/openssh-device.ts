/**
 * A device CLI as the ForceCommand of a real OpenSSH server: the pty is put in raw mode so the
 * fake does its own echo, prompts and paging, like a network OS would.
 * Usage: node --import tsx openssh-device.ts <vendor> <hostname> [paging]
 */
import {FakeCli} from './fake-cli.js'
import {type FakeVendor, profileFor} from './profiles.js'

const [vendor = 'huawei-vrp', hostname = 'core-1', paging = 'paging'] = process.argv.slice(2)

if (process.env.SSH_ORIGINAL_COMMAND) {
  // Like VRP: no exec requests.
  process.stderr.write('Error: exec channel not supported\n')
  process.exit(1)
}

const profile = profileFor(vendor as FakeVendor, hostname, 400)
if (paging === 'paging') profile.pagingOff = {}
if (process.stdin.isTTY) process.stdin.setRawMode(true)
const cli = new FakeCli(profile, {pageLines: 23, chunkBytes: 700}, {
  write: (text) => process.stdout.write(Buffer.from(text, 'utf8')),
  drop: () => process.exit(0),
})
process.stdin.on('data', (data: Buffer) => cli.input(data.toString('utf8')))
process.stdin.on('end', () => process.exit(0))
cli.start()
