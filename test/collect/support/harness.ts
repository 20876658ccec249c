import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {type CollectRequest, type CollectSummary, collectSnapshot} from '../../../src/collect/collect-service.js'
import {CredentialStore} from '../../../src/collect/credentials.js'
import type {InventoryDevice, LoadedInventory} from '../../../src/inventory/types.js'
import type {SnapshotManifest} from '../../../src/collect/manifest.js'
import type {FakeDevice} from './fake-device.js'
import type {FakeVendor} from './profiles.js'

export const USER = 'audit'
export const PASSWORD = 'Pl4nted-Passw0rd!'

export function tempDir(prefix = 'segaudit-collect-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function deviceEntry(id: string, vendor: FakeVendor, port: number, extra: Partial<InventoryDevice> = {}): InventoryDevice {
  return {
    id,
    role: 'router',
    vendor,
    config: `configs/${id}.cfg`,
    neighbors: `configs/${id}.lldp.txt`,
    mgmt: {address: '127.0.0.1', port},
    interfaces: [],
    ...extra,
  }
}

/** A loaded inventory built in memory (the loader is exercised by its own tests). */
export function inventoryOf(devices: InventoryDevice[], dir = tempDir('segaudit-inv-')): LoadedInventory {
  return {
    inventory: {version: 1, zones: [], devices, flows: [], links: [], systems: [], backups: [], plans: [], access: {levels: [], accounts: [], grants: []}},
    file: join(dir, 'inventory.yaml'),
    dir,
    locate: () => ({file: join(dir, 'inventory.yaml'), line: 1}) as never,
    resolveDeviceFile: (relative) => join(dir, relative),
  }
}

export function knownHostsFor(devices: FakeDevice[], dir = tempDir()): string {
  const file = join(dir, 'known_hosts')
  writeFileSync(file, devices.map((d) => d.knownHostsLine()).join(''))
  return file
}

export interface RunOptions extends Partial<CollectRequest> {
  env?: NodeJS.ProcessEnv
}

export async function runCollect(inventory: LoadedInventory, knownHostsFile: string, options: RunOptions = {}): Promise<CollectSummary> {
  const {env, ...rest} = options
  return collectSnapshot({
    inventory,
    outDir: tempDir('segaudit-out-'),
    concurrency: 8,
    knownHostsFile,
    acceptNew: false,
    credentials: CredentialStore.fromEnvironment(env ?? {SEGAUDIT_SSH_USER: USER, SEGAUDIT_SSH_PASSWORD: PASSWORD}),
    connectTimeoutMs: 20_000,
    commandTimeoutMs: 20_000,
    retries: 0,
    retryDelayMs: 50,
    toolVersion: '0.0.0-test',
    ...rest,
  })
}

export function manifestOf(summary: CollectSummary): SnapshotManifest {
  return JSON.parse(readFileSync(join(summary.snapshot, 'manifest.json'), 'utf8')) as SnapshotManifest
}

export function snapshotFile(summary: CollectSummary, relative: string): string {
  return readFileSync(join(summary.snapshot, relative), 'utf8')
}
