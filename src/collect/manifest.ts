import {posix} from 'node:path'
import type {VendorId} from '../model/index.js'
import type {FileRole} from './device-session.js'
import type {FailureKind} from './errors.js'

export const MANIFEST_SCHEMA = 'segaudit/snapshot@1'
export const MANIFEST_FILE = 'manifest.json'

/** One command of one device: the stored file, or why there is none. */
export interface ManifestCommand {
  role: FileRole
  command: string
  /** Relative to the snapshot folder, `/`-separated, as the inventory names it. */
  path?: string
  bytes?: number
  sha256?: string
  error?: string
}

export interface ManifestDevice {
  id: string
  vendor: VendorId
  address: string
  port: number
  /** Learned from the device's prompt. */
  hostname?: string
  status: 'ok' | 'failed'
  /** ISO times of the successful (or last) attempt. */
  startedAt: string
  finishedAt: string
  attempts: number
  commands: ManifestCommand[]
  error?: {kind: FailureKind; message: string; hint?: string}
}

/** `manifest.json`: written last, so a snapshot folder with one is complete. */
export interface SnapshotManifest {
  schema: typeof MANIFEST_SCHEMA
  tool: {name: 'segaudit'; version: string}
  /** The inventory file as given to `collect`. */
  inventory: string
  startedAt: string
  finishedAt: string
  complete: true
  summary: {devices: number; ok: number; failed: number}
  devices: ManifestDevice[]
}

/**
 * Where a device's file goes inside a snapshot: the inventory's own relative path, kept inside the
 * snapshot folder (`..` and absolute prefixes are dropped).
 */
export function snapshotPath(inventoryPath: string): string {
  const normal = posix.normalize(inventoryPath.replace(/\\/g, '/'))
  const inside = normal.split('/').filter((part) => part !== '..' && part !== '.' && part !== '')
  return inside.join('/')
}

/** The files a device's commands are stored in. */
export function devicePaths(device: {id: string; config?: string; neighbors?: string}): Record<FileRole, string> {
  const safeId = device.id.replace(/[/\\]/g, '_')
  const config = snapshotPath(device.config ?? `${safeId}.cfg`)
  const folder = posix.dirname(config)
  const beside = (name: string) => (folder === '.' ? name : `${folder}/${name}`)
  return {
    config,
    neighbors: snapshotPath(device.neighbors ?? beside(`${safeId}.neighbors.txt`)),
    version: beside(`${safeId}.version.txt`),
  }
}
