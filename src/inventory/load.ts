import {stat} from 'node:fs/promises'
import path from 'node:path'
import {type Diagnostic, InputError} from '../errors/input-error.js'
import {checkReferences} from './references.js'
import {InventorySchema} from './schema.js'
import type {Inventory, LoadedInventory} from './types.js'
import {issueDiagnostics} from './zod-issues.js'
import {displayPath, documentData, readYamlSource, type YamlSource} from './yaml-source.js'

export interface LoadInventoryOptions {
  /** Require device config/neighbors files to exist (default true; `collect` creates them, so it passes false). */
  checkDeviceFiles?: boolean
}

const TOP_KEYS = Object.keys(InventorySchema.shape)

/** `configs:` + a device file as written; absolute paths stay as they are. */
function joinConfigs(configs: string | undefined, file: string): string {
  return configs && !path.isAbsolute(file) ? path.join(configs, file) : file
}

async function isFile(absolute: string): Promise<boolean> {
  try {
    return (await stat(absolute)).isFile()
  } catch {
    return false
  }
}

/** Version and "is this an inventory at all"; returns true when the rest is worth checking. */
function checkHeader(data: unknown, source: YamlSource, out: Diagnostic[]): boolean {
  const notInventory = (message: string) => {
    out.push(source.diagnostic(source.locate([]), message, 'an inventory starts with "version: 1" and lists zones and devices (SPEC §2)'))
    return false
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return notInventory(`${source.file} is not a segaudit inventory: expected a mapping of keys`)
  const keys = Object.keys(data)
  if (keys.includes('rules') && !keys.includes('zones') && !keys.includes('devices')) {
    out.push(source.diagnostic(source.locate([]), `${source.file} is a policy pack, not an inventory`, 'pass it with --policy, or name it in the inventory\'s "policy:" key'))
    return false
  }
  if (!keys.some((k) => TOP_KEYS.includes(k))) return notInventory(`${source.file} is not a segaudit inventory: none of its keys (${keys.slice(0, 5).join(', ')}) is an inventory key`)
  const version = (data as {version?: unknown}).version
  if (version === undefined) out.push(source.diagnostic(source.locate([]), 'missing "version: 1" at the top of the inventory', 'add "version: 1" as the first line'))
  else if (version !== 1) {
    out.push(source.diagnostic(source.locate(['version']), `unsupported inventory version ${JSON.stringify(version).slice(0, 20)}`, 'this segaudit reads "version: 1"'))
  }
  return true
}

/** Device files and the policy pack must exist (relative to the inventory folder, + `configs:`). */
async function checkFiles(data: Record<string, unknown>, dir: string, source: YamlSource, deviceFiles: boolean): Promise<Diagnostic[]> {
  const out: Diagnostic[] = []
  const configs = typeof data.configs === 'string' ? data.configs : undefined
  const missing = async (nodePath: (string | number)[], relative: string, hint: string) => {
    if (!(await isFile(path.resolve(dir, relative)))) out.push(source.diagnostic(source.locate(nodePath), `file not found: ${relative}`, hint))
  }
  if (typeof data.policy === 'string') await missing(['policy'], data.policy, 'the policy path is relative to the inventory file')
  if (!deviceFiles || !Array.isArray(data.devices)) return out
  const base = configs ? `relative to the inventory folder joined with configs: ${configs}` : 'relative to the inventory folder'
  for (const [index, device] of data.devices.entries()) {
    for (const key of ['config', 'neighbors'] as const) {
      const file = (device as Record<string, unknown> | null)?.[key]
      if (typeof file === 'string' && file !== '') await missing(['devices', index, key], joinConfigs(configs, file), `device files are ${base}; run "segaudit collect" to fetch them`)
    }
  }
  return out
}

/** Load, validate and cross-reference an inventory; every problem is reported in one InputError. */
export async function loadInventory(file: string, options: LoadInventoryOptions = {}): Promise<LoadedInventory> {
  const absolute = path.resolve(file)
  const dir = path.dirname(absolute)
  const source = await readYamlSource(absolute, displayPath(file))
  // A document with syntax errors produces misleading follow-on errors; report those first.
  if (source.syntax.length > 0) throw new InputError(source.syntax)
  const built = documentData(source)
  if ('error' in built) throw new InputError([built.error])

  const diagnostics: Diagnostic[] = []
  if (!checkHeader(built.data, source, diagnostics)) throw new InputError(diagnostics)
  const data = built.data as Record<string, unknown>
  const parsed = InventorySchema.safeParse(data)
  if (!parsed.success) {
    const rest = parsed.error.issues.filter((issue) => issue.path[0] !== 'version')
    diagnostics.push(...issueDiagnostics(rest, InventorySchema, data, source))
  }
  diagnostics.push(...checkReferences(data, source))
  diagnostics.push(...(await checkFiles(data, dir, source, options.checkDeviceFiles ?? true)))
  if (diagnostics.length > 0 || !parsed.success) throw new InputError(diagnostics)

  const inventory: Inventory = parsed.data
  for (const device of inventory.devices) {
    if (device.config !== undefined) device.config = joinConfigs(inventory.configs, device.config)
    if (device.neighbors !== undefined) device.neighbors = joinConfigs(inventory.configs, device.neighbors)
  }
  return {
    inventory,
    file: source.file,
    dir,
    locate: (nodePath) => source.locate(nodePath),
    resolveDeviceFile: (relative) => path.resolve(dir, relative),
  }
}
