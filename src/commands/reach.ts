import {readFile} from 'node:fs/promises'
import {Flags} from '@oclif/core'
import type {FlowVerdict} from '../analysis/reach/index.js'
import {SegauditCommand} from '../cli/base.js'
import {inventoryArg, outputFlag, policyFlag} from '../cli/flags.js'
import {emit} from '../cli/output.js'
import {verdictText} from '../cli/reach-render.js'
import {InputError} from '../errors/input-error.js'

export default class Reach extends SegauditCommand {
  static override summary = 'Can this traffic pass? Every path with the deciding rule on each hop, or a witness packet.'
  static override description = `--from/--to take zone ids, device ids, addresses or prefixes. --flows FILE checks many flows at once: CSV with header src,dst,proto,dport[,sport], or JSON lines with those keys; one verdict per flow (open, blocked, unknown), in input order. The verdict is in the output; the exit code is 0 unless the input is bad (2), so a blocked flow is an answer, not an error.`
  static override examples = [
    '<%= config.bin %> reach inventories/sample-city/inventory.yaml --from extranet --to 203.0.113.20 --proto tcp --port 443',
    '<%= config.bin %> reach inventory.yaml --flows flows.csv --format json',
  ]
  static override args = {inventory: inventoryArg}
  static override flags = {
    policy: policyFlag,
    from: Flags.string({description: 'source: zone id, device id, address or prefix', exclusive: ['flows']}),
    to: Flags.string({description: 'destination: zone id, device id, address or prefix', exclusive: ['flows']}),
    proto: Flags.string({description: 'protocol', options: ['tcp', 'udp', 'icmp', 'any'], default: 'any'}),
    port: Flags.integer({description: 'destination port', min: 0, max: 65535}),
    flows: Flags.string({description: 'file of flows to check (CSV or JSON lines)'}),
    format: Flags.string({char: 'f', description: 'output format', options: ['text', 'json'], default: 'text'}),
    output: outputFlag,
  }

  async run(): Promise<{flows: FlowVerdict[]}> {
    const [{loadModel}, {parseFlowFile, reachAnalysisOf, reachOne}] = await Promise.all([import('../audit/run.js'), import('../analysis/reach/index.js')])
    const {args, flags} = await this.parse(Reach)
    if (!flags.flows && (!flags.from || !flags.to)) this.error('give --from and --to, or --flows FILE', {exit: 2})
    const flows = flags.flows
      ? parseFlowFile(await readFile(flags.flows, 'utf8').catch(() => missing(flags.flows as string)), flags.flows)
      : [{src: flags.from as string, dst: flags.to as string, proto: flags.proto, ...(flags.port !== undefined ? {dport: flags.port} : {}), line: 0}]
    const {network} = await loadModel({inventory: args.inventory, ...(flags.policy ? {policy: flags.policy} : {})})
    const a = reachAnalysisOf(network)
    const file = flags.flows ?? '--from/--to'
    const verdicts = flows.map((f) => {
      const v = reachOne(a, f, flags.flows ? 4 : 16)
      if ('which' in v) {
        const col = f.line ? 1 : 1
        throw new InputError([{file, line: f.line || 1, col, message: `${v.which} '${v.text}' is not a zone, device, address or prefix`, hint: `zones: ${[...network.zones.keys()].join(', ')}`}])
      }
      return v
    })
    const result = {flows: verdicts}
    await emit(flags.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : verdicts.map(verdictText).join('\n'), flags.output)
    return result
  }
}

function missing(file: string): never {
  throw new InputError([{file, line: 1, col: 1, message: 'cannot read the flow file', hint: 'check the path'}])
}
