import {readFileSync} from 'node:fs'
import type {ParsedKey} from 'ssh2'
import type {LoadedInventory} from '../inventory/types.js'
import {collectDevice, type DeviceRunContext} from './collect-device.js'
import {parsePrivateKey} from './connect.js'
import type {CredentialStore} from './credentials.js'
import {DeviceFailure} from './errors.js'
import {HostKeyPolicy} from './host-keys.js'
import {MANIFEST_SCHEMA, type ManifestDevice, type SnapshotManifest} from './manifest.js'
import {runPool} from './pool.js'
import {selectTargets} from './select.js'
import {SnapshotWriter} from './snapshot-writer.js'

// Device latency, not our CPU, bounds a run: a session costs us a few ms of CPU and ~0.5 MB, so
// 256 in flight keep a 2-core box busy. Lower it (--concurrency) for a fragile AAA server.
export {DEFAULT_CONCURRENCY} from './defaults.js'

export interface CollectRequest {
  inventory: LoadedInventory
  outDir: string
  /** `--devices`; all devices with `mgmt` when absent. */
  deviceIds?: string[]
  concurrency: number
  knownHostsFile: string
  acceptNew: boolean
  credentials: CredentialStore
  connectTimeoutMs: number
  commandTimeoutMs: number
  retries: number
  retryDelayMs?: number
  toolVersion: string
  /** Progress: called once with the device count, then once per finished device. */
  onStart?(total: number): void
  onDevice?(device: ManifestDevice): void
}

/** The `--format json` output of `collect` (and what the command returns). */
export interface CollectSummary {
  schema: 'segaudit/collect@1'
  /** The snapshot folder, absolute. */
  snapshot: string
  /** True when `DIR/latest` now points at it (at least one device collected). */
  latestMoved: boolean
  startedAt: string
  finishedAt: string
  durationMs: number
  devicesPerSecond: number
  devices: {total: number; ok: number; failed: number}
  failed: {id: string; address: string; port: number; kind: string; message: string; hint?: string}[]
}

/** Private keys are read and decrypted once per run, not once per device. */
function keyLoader(): (file: string, passphrase: string | undefined) => ParsedKey {
  const cache = new Map<string, ParsedKey | DeviceFailure>()
  return (file, passphrase) => {
    const id = `${file}\0${passphrase ?? ''}`
    let entry = cache.get(id)
    if (!entry) {
      try {
        entry = parsePrivateKey(file, readFileSync(file), passphrase)
      } catch (error) {
        entry =
          error instanceof DeviceFailure
            ? error
            : new DeviceFailure('credentials', `cannot read key file ${file} (${(error as NodeJS.ErrnoException).code})`)
      }
      cache.set(id, entry)
    }
    if (entry instanceof DeviceFailure) throw entry
    return entry
  }
}

/** Collects every selected device into a new snapshot; one device's failure never stops the others. */
export async function collectSnapshot(request: CollectRequest): Promise<CollectSummary> {
  const targets = selectTargets(request.inventory, request.deviceIds)
  const hostKeys = await HostKeyPolicy.load(request.knownHostsFile, request.acceptNew)
  const started = new Date()
  const writer = await SnapshotWriter.open(request.outDir, started)
  try {
    const context: DeviceRunContext = {
      credentials: request.credentials,
      hostKeys,
      writer,
      connectTimeoutMs: request.connectTimeoutMs,
      commandTimeoutMs: request.commandTimeoutMs,
      retries: request.retries,
      retryDelayMs: request.retryDelayMs ?? 1000,
      loadKey: keyLoader(),
    }
    request.onStart?.(targets.length)
    const devices = await runPool(targets, request.concurrency, async (target) => {
      const device = await collectDevice(target, context)
      request.onDevice?.(device)
      return device
    })
    const finished = new Date()
    const ok = devices.filter((d) => d.status === 'ok').length
    const manifest: SnapshotManifest = {
      schema: MANIFEST_SCHEMA,
      tool: {name: 'segaudit', version: request.toolVersion},
      inventory: request.inventory.file,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      complete: true,
      summary: {devices: devices.length, ok, failed: devices.length - ok},
      devices,
    }
    const snapshot = await writer.commit(manifest, ok > 0)
    const durationMs = finished.getTime() - started.getTime()
    return {
      schema: 'segaudit/collect@1',
      snapshot,
      latestMoved: ok > 0,
      startedAt: manifest.startedAt,
      finishedAt: manifest.finishedAt,
      durationMs,
      devicesPerSecond: Math.round((devices.length / Math.max(durationMs, 1)) * 1000 * 10) / 10,
      devices: {total: devices.length, ok, failed: devices.length - ok},
      failed: devices
        .filter((d) => d.status === 'failed')
        .map((d) => ({id: d.id, address: d.address, port: d.port, kind: d.error?.kind ?? 'protocol', message: d.error?.message ?? '', ...(d.error?.hint ? {hint: d.error.hint} : {})})),
    }
  } finally {
    await writer.close()
  }
}
