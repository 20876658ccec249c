import {homedir} from 'node:os'
import {join} from 'node:path'
import {Args, Command, Flags} from '@oclif/core'
import type {CollectSummary} from '../collect/collect-service.js'
import {DEFAULT_CONCURRENCY} from '../collect/defaults.js'
import {isInputError} from '../errors/input-error.js'

export default class Collect extends Command {
  static override summary = 'Fetch running configs and neighbor tables over SSH into a dated snapshot.'
  static override description = `Writes DIR/<UTC timestamp>/ with the files named as the inventory's config/neighbors fields and a manifest.json, then moves DIR/latest.
Credentials: ssh-agent, SEGAUDIT_SSH_USER, SEGAUDIT_SSH_PASSWORD, SEGAUDIT_SSH_KEY, SEGAUDIT_SSH_KEY_PASSPHRASE, or --credentials FILE (mode 0600).
Exit codes: 0 every device collected; 3 some devices failed (listed); 2 usage or input error.`
  static override examples = [
    '<%= config.bin %> collect inventory.yaml --out /var/lib/segaudit/snapshots',
    '<%= config.bin %> collect inventory.yaml --out snaps --devices nw-core-1,fw-1 --format json',
  ]
  static override args = {inventory: Args.string({description: 'inventory file', default: './inventory.yaml'})}
  static override flags = {
    out: Flags.string({char: 'o', description: 'output folder for snapshots', required: true}),
    concurrency: Flags.integer({description: 'devices collected at once', default: DEFAULT_CONCURRENCY, min: 1, max: 1024}),
    'known-hosts': Flags.string({description: 'OpenSSH known_hosts file', default: join(homedir(), '.ssh', 'known_hosts')}),
    'accept-new': Flags.boolean({description: 'trust unknown host keys on first use and record them (changed keys are still refused)'}),
    devices: Flags.string({description: 'collect only these device ids (comma-separated)'}),
    credentials: Flags.string({description: 'credentials file (YAML, mode 0600) with per-device/glob overrides', env: 'SEGAUDIT_CREDENTIALS'}),
    'connect-timeout': Flags.integer({description: 'seconds for TCP connect + SSH login', default: 15, min: 1}),
    'command-timeout': Flags.integer({description: 'seconds a command may stay silent', default: 60, min: 1}),
    retries: Flags.integer({description: 'retries after a network failure (never after an auth or host-key refusal)', default: 2, min: 0}),
    format: Flags.string({char: 'f', description: 'summary format', options: ['text', 'json'], default: 'text'}),
  }

  async run(): Promise<CollectSummary> {
    const {args, flags} = await this.parse(Collect)
    // SSH and the collector load only when collecting: other commands and `--help` stay fast.
    const [{collectSnapshot}, {CredentialStore}, {isCollectUsageError}, {barProgress, lineProgress}, {renderSummary}, {loadInventory}] = await Promise.all([
      import('../collect/collect-service.js'),
      import('../collect/credentials.js'),
      import('../collect/errors.js'),
      import('../collect/progress.js'),
      import('../collect/render.js'),
      import('../inventory/load.js'),
    ])
    const progress = process.stderr.isTTY ? barProgress(process.stderr) : lineProgress((line) => process.stderr.write(`${line}\n`))
    let summary: CollectSummary
    try {
      summary = await collectSnapshot({
        inventory: await loadInventory(args.inventory, {checkDeviceFiles: false}),
        outDir: flags.out,
        ...(flags.devices ? {deviceIds: flags.devices.split(',').map((id) => id.trim()).filter(Boolean)} : {}),
        concurrency: flags.concurrency,
        knownHostsFile: flags['known-hosts'],
        acceptNew: flags['accept-new'],
        credentials: CredentialStore.fromEnvironment(process.env, flags.credentials),
        connectTimeoutMs: flags['connect-timeout'] * 1000,
        commandTimeoutMs: flags['command-timeout'] * 1000,
        retries: flags.retries,
        toolVersion: this.config.version,
        onStart: (total) => progress.start(total),
        onDevice: (device) => progress.device(device),
      })
    } catch (error) {
      progress.stop()
      if (isInputError(error)) {
        process.stderr.write(`${error.format()}\n`)
        this.exit(2)
      }
      if (isCollectUsageError(error)) {
        process.stderr.write(`error: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`)
        this.exit(2)
      }
      throw error
    }
    progress.stop()
    process.stdout.write(flags.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(summary))
    if (summary.devices.failed > 0) this.exit(3)
    return summary
  }
}
