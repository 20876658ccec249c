import type {CollectSummary} from './collect-service.js'

/** The text summary printed when a run ends. */
export function renderSummary(summary: CollectSummary): string {
  const {total, ok, failed} = summary.devices
  const lines = [
    `Snapshot: ${summary.snapshot}${summary.latestMoved ? ' (latest updated)' : ' (latest unchanged: no device collected)'}`,
    `Devices: ${ok} ok, ${failed} failed, ${total} total in ${(summary.durationMs / 1000).toFixed(1)}s (${summary.devicesPerSecond}/s)`,
  ]
  if (summary.failed.length) {
    lines.push('Failed:')
    for (const f of summary.failed) {
      lines.push(`  ${f.id} ${f.address}:${f.port} ${f.kind}: ${f.message}`)
      if (f.hint) lines.push(`    hint: ${f.hint}`)
    }
  }
  return `${lines.join('\n')}\n`
}
