import {Flags} from '@oclif/core'
import type {Matrix} from '../analysis/reach/index.js'
import {SegauditCommand} from '../cli/base.js'
import {inventoryArg, outputFlag, policyFlag} from '../cli/flags.js'
import {emit} from '../cli/output.js'
import {matrixText} from '../cli/reach-render.js'

export default class MatrixCommand extends SegauditCommand {
  static override summary = 'Zone-to-zone flow matrix: every ordered zone pair blocked, partial, open or unknown, with the services that pass.'
  static override description = `New sessions only (return traffic of a permitted session is the platform's business). blocked: no packet may pass; open: every packet passes; partial: some do; unknown: some are undecided (unparsed rules or devices). Exit 0 unless the input is bad (2).`
  static override examples = ['<%= config.bin %> matrix inventories/sample-city/inventory.yaml', '<%= config.bin %> matrix inventory.yaml --format json']
  static override args = {inventory: inventoryArg}
  static override flags = {
    policy: policyFlag,
    format: Flags.string({char: 'f', description: 'output format', options: ['text', 'json'], default: 'text'}),
    output: outputFlag,
  }

  async run(): Promise<Matrix> {
    const {args, flags} = await this.parse(MatrixCommand)
    const [{loadModel}, {reachAnalysisOf, zoneMatrix}] = await Promise.all([import('../audit/run.js'), import('../analysis/reach/index.js')])
    const {network} = await loadModel({inventory: args.inventory, ...(flags.policy ? {policy: flags.policy} : {})})
    const matrix = zoneMatrix(reachAnalysisOf(network), network)
    await emit(flags.format === 'json' ? `${JSON.stringify(matrix, null, 2)}\n` : matrixText(matrix), flags.output)
    return matrix
  }
}
