import type {CoverageRecorder} from '../common/coverage.js'
import type {Table} from './ruleset.js'

/** Targets that rewrite addresses: the filter sees translated packets, which the model does not follow. */
const NAT_TARGETS = new Set(['DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'NETMAP', 'TPROXY'])
/** Targets outside `*filter` that decide a packet's fate or its connection state. */
const VERDICT_TARGETS = new Set(['DROP', 'REJECT', 'NOTRACK', 'CT', 'NFQUEUE', 'QUEUE', 'SYNPROXY'])

/**
 * `*nat`, `*mangle`, `*raw`, `*security` are read but not modelled. Lines that cannot change a
 * filter verdict (marks, MSS clamping, logging, ACCEPT policies) are recognized; address
 * translation, drops and conntrack changes are reported, since the filter verdict may depend on them.
 */
export function judgeOtherTable(table: Table, rec: CoverageRecorder): void {
  if (table.name === 'filter') return
  for (const chain of table.chains.values()) {
    if (chain.policy === 'DROP') rec.unrecognized({no: chain.ref.line, text: chain.ref.text ?? '', indent: 0}, `policy DROP in *${table.name} ${chain.name} is not modelled`, `*${table.name}`)
    for (const rule of chain.rules) {
      const t = rule.spec.target
      if (t.kind === 'drop' || t.kind === 'reject' || (t.kind === 'unknown' && VERDICT_TARGETS.has(t.name))) {
        rec.unrecognized(rule.line, `${t.name} in *${table.name} is not modelled: it can drop packets or change their connection state`, `*${table.name} ${chain.name}`)
      } else if (t.kind === 'unknown' && NAT_TARGETS.has(t.name)) {
        rec.unrecognized(rule.line, `address translation (${t.name}) is not modelled`, `*${table.name} ${chain.name}`)
      } else if (t.kind === 'unknown') {
        rec.unrecognized(rule.line, t.reason, `*${table.name} ${chain.name}`)
      }
    }
  }
}
