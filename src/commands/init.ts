import {Args, Flags} from '@oclif/core'
import {SegauditCommand} from '../cli/base.js'
import type {InitResult} from '../init/scaffold.js'

export default class Init extends SegauditCommand {
  static override summary = 'Scaffold an inventory to fill in: inventory.yaml, configs/README.md, waivers.yaml (and policy.yaml).'
  static override description = `The inventory validates as written: the standard zones with documentation prefixes, and one commented example of every kind of device and record. Existing files are never overwritten without --force (exit 2).`
  static override examples = ['<%= config.bin %> init', '<%= config.bin %> init city-net --with-policy']
  static override args = {dir: Args.string({description: 'folder to scaffold in (created when missing)', default: '.', required: false})}
  static override flags = {
    force: Flags.boolean({description: 'overwrite files that already exist'}),
    'with-policy': Flags.boolean({description: 'also write policy.yaml, a copy of the built-in tianjin-egov pack, and name it in the inventory'}),
  }

  async run(): Promise<InitResult> {
    const {args, flags} = await this.parse(Init)
    const {scaffold} = await import('../init/scaffold.js')
    const result = await scaffold({dir: args.dir, force: flags.force, withPolicy: flags['with-policy']})
    for (const f of result.files) this.log(`${f.overwritten ? 'overwrote' : 'created'} ${f.file}`)
    const inventory = result.dir === '.' ? 'inventory.yaml' : `${result.dir}/inventory.yaml`
    this.log(`next: fill in ${inventory}, put device configs in configs/ (see configs/README.md), then run 'segaudit validate ${inventory}'`)
    return result
  }
}
