import {type DeviceConfig, emptyDeviceConfig} from '../../model/index.js'
import {CoverageRecorder} from '../common/coverage.js'
import {deviceLines} from '../common/text.js'
import {flattenChain} from './flatten.js'
import {judgeOtherTable} from './other-tables.js'
import {parseRuleset} from './ruleset.js'

/** Filter name of a built-in chain: `FORWARD` for IPv4, `ip6 FORWARD` for ip6tables. */
export const chainFilterName = (chain: string, family: 4 | 6): string => (family === 4 ? chain : `ip6 ${chain}`)

/**
 * Parse `iptables-save` / `ip6tables-save` output. Each built-in chain of `*filter` becomes one
 * flattened first-match filter. FORWARD is bound globally (it sees every routed packet and tests
 * interfaces per rule), INPUT as the management filter (traffic to the host itself); OUTPUT is
 * kept unbound (traffic the host originates). The file carries no interfaces: the inventory does.
 */
export function parseIptablesSave(input: Uint8Array | string, file: string): DeviceConfig {
  const config = emptyDeviceConfig('iptables', file)
  const rec = new CoverageRecorder(file)
  const {tables} = parseRuleset(deviceLines(input), rec)
  const seen = new Set<string>()
  for (const table of tables) {
    if (table.name !== 'filter') {
      judgeOtherTable(table, rec)
      continue
    }
    for (const chain of ['FORWARD', 'INPUT', 'OUTPUT']) {
      const name = chainFilterName(chain, table.family)
      // A second *filter of the same family replaces the first, as a second restore would.
      if (seen.has(name)) config.filters = config.filters.filter((f) => f.name !== name)
      seen.add(name)
      const filter = flattenChain(table, chain, name)
      config.filters.push(filter)
      if (chain === 'FORWARD') config.filterBindings.push({kind: 'transit', filter: name, ref: filter.ref})
      if (chain === 'INPUT') config.filterBindings.push({kind: 'local', filter: name, ref: filter.ref})
    }
  }
  config.filterBindings = config.filterBindings.filter((b, i, all) => all.findIndex((x) => x.filter === b.filter) === i)
  config.coverage = rec.result()
  return config
}
