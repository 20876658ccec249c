import cliProgress from 'cli-progress'
import pc from 'picocolors'
import type {ManifestDevice} from './manifest.js'

/** What the collector tells the operator while it runs. Never sees a credential. */
export interface CollectProgress {
  start(total: number): void
  device(device: ManifestDevice): void
  stop(): void
}

function bytesOf(device: ManifestDevice): number {
  return device.commands.reduce((sum, c) => sum + (c.bytes ?? 0), 0)
}

function seconds(device: ManifestDevice): string {
  return `${((Date.parse(device.finishedAt) - Date.parse(device.startedAt)) / 1000).toFixed(1)}s`
}

/** One line per device: for cron mail, CI logs and anything that is not a terminal. */
export function lineProgress(write: (line: string) => void): CollectProgress {
  return {
    start: (total) => write(`collecting ${total} device${total === 1 ? '' : 's'}`),
    device: (d) => {
      const where = `${d.id} ${d.address}:${d.port}`
      if (d.status === 'ok') {
        const files = d.commands.filter((c) => c.path).length
        write(`ok     ${where} ${files} file${files === 1 ? '' : 's'} ${(bytesOf(d) / 1024).toFixed(1)} KB ${seconds(d)}`)
      } else {
        write(`FAILED ${where} ${d.error?.kind}: ${d.error?.message}`)
      }
    },
    stop: () => undefined,
  }
}

/** A live bar on a terminal: devices done and failed, rate. */
export function barProgress(stream: NodeJS.WriteStream): CollectProgress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'collect [{bar}] {value}/{total} devices | {failed} failed | {rate}/s | {duration}s',
      hideCursor: true,
      clearOnComplete: false,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  )
  let failed = 0
  let started = Date.now()
  let done = 0
  const rate = () => ((done * 1000) / Math.max(1, Date.now() - started)).toFixed(1)
  return {
    start: (total) => {
      started = Date.now()
      bar.start(total, 0, {failed: 0, rate: '0.0'})
    },
    device: (d) => {
      done++
      if (d.status === 'failed') {
        failed++
        // Above the bar, so the failure stays on screen.
        stream.write(`\r\x1b[K${pc.red('FAILED')} ${d.id} ${d.address}:${d.port} ${d.error?.kind}: ${d.error?.message}\n`)
      }
      bar.increment(1, {failed: failed ? pc.red(String(failed)) : '0', rate: rate()})
    },
    stop: () => bar.stop(),
  }
}
