import {SegauditCommand} from '../cli/base.js'
import {inventoryArg, policyFlag} from '../cli/flags.js'

export default class Validate extends SegauditCommand {
  static override summary = 'Check that the inventory, the policy and every device file load and cross-reference cleanly.'
  static override description = 'Exit 0 when everything loads; 2 with file:line:col for every problem otherwise. Runs no control.'
  static override args = {inventory: inventoryArg}
  static override flags = {policy: policyFlag}

  async run(): Promise<{devices: number; files: number; unreadable: number}> {
    const {args, flags} = await this.parse(Validate)
    const {loadModel} = await import('../audit/run.js')
    const {loaded, policy, inputs} = await loadModel({inventory: args.inventory, ...(flags.policy ? {policy: flags.policy} : {})})
    const bad = inputs.filter((i) => i.status !== 'parsed')
    for (const i of bad) this.logToStderr(`${i.ref.file}:${i.ref.line}:${i.ref.col ?? 1}: warning: ${i.file}: ${i.status === 'unknown-vendor' ? `no parser for vendor ${i.vendor ?? '(none)'}` : i.error}`)
    this.log(
      `ok: ${loaded.file}: ${loaded.inventory.devices.length} devices, ${loaded.inventory.zones.length} zones, ${inputs.length} device files, policy ${policy.id} v${policy.version}`,
    )
    return {devices: loaded.inventory.devices.length, files: inputs.length, unreadable: bad.length}
  }
}
