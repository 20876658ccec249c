import {existsSync, readFileSync, realpathSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {InputError} from '../errors/input-error.js'
import type {FileRole} from './device-session.js'
import {MANIFEST_FILE, MANIFEST_SCHEMA, type ManifestDevice, type SnapshotManifest, snapshotPath} from './manifest.js'
import {LATEST} from './snapshot-writer.js'

/** A collected snapshot, ready to stand in for the inventory's config files. */
export interface LoadedSnapshot {
  /** Absolute snapshot folder (`DIR/latest` resolved). */
  dir: string
  manifest: SnapshotManifest
  /**
   * Absolute path of the snapshot's copy of an inventory device file (`config`/`neighbors` as the
   * inventory writes them). A device that failed has no file there; reading it fails as a missing
   * config would.
   */
  resolveDeviceFile(inventoryPath: string): string
  /** The manifest entry of a device, for the `backup` control's freshness check. */
  device(id: string): ManifestDevice | undefined
  /** Absolute path of a device's stored output, when it was collected. */
  deviceFile(id: string, role: FileRole): string | undefined
}

function problem(file: string, message: string, hint: string): InputError {
  return new InputError([{file, line: 1, col: 1, message, hint}])
}

/** Accepts a snapshot folder or a collect output folder (then its `latest`). */
export function loadSnapshot(dir: string): LoadedSnapshot {
  let folder = resolve(dir)
  if (!existsSync(join(folder, MANIFEST_FILE)) && existsSync(join(folder, LATEST))) folder = join(folder, LATEST)
  const manifestFile = join(folder, MANIFEST_FILE)
  let manifest: SnapshotManifest
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as SnapshotManifest
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw problem(
      manifestFile,
      missing ? `${dir} is not a complete snapshot (no ${MANIFEST_FILE})` : `${MANIFEST_FILE} is not valid JSON`,
      missing ? 'pass a folder written by `segaudit collect --out DIR` (or DIR itself to use DIR/latest)' : 'collect again',
    )
  }
  if (manifest.schema !== MANIFEST_SCHEMA || manifest.complete !== true || !Array.isArray(manifest.devices)) {
    throw problem(manifestFile, `${MANIFEST_FILE} is not a complete ${MANIFEST_SCHEMA} manifest`, 'collect again')
  }
  const root = realpathSync(folder)
  const byId = new Map(manifest.devices.map((device) => [device.id, device]))
  return {
    dir: root,
    manifest,
    resolveDeviceFile: (inventoryPath) => join(root, snapshotPath(inventoryPath)),
    device: (id) => byId.get(id),
    deviceFile: (id, role) => {
      const path = byId.get(id)?.commands.find((c) => c.role === role)?.path
      return path ? join(root, path) : undefined
    },
  }
}
