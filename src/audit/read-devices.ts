import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import type {DeviceInput} from '../controls/types.js'
import type {LoadedInventory} from '../inventory/types.js'
import type {DeviceFiles} from '../network/build.js'
import {vendorParser} from '../vendors/registry.js'

/** Where a device's files come from: the inventory's folder, or a collected snapshot. */
export type FileResolver = (device: string, kind: 'config' | 'neighbors', relative: string) => string

export function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute
}

function reason(err: unknown): string {
  const code = (err as {code?: string}).code
  if (code === 'ENOENT') return 'file not found'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a directory'
  return code ?? 'read error'
}

/** Read and parse every device file the inventory names; problems become inputs, not exceptions. */
export async function readDevices(
  loaded: LoadedInventory,
  resolve: FileResolver = (_d, _k, rel) => loaded.resolveDeviceFile(rel),
): Promise<{files: Map<string, DeviceFiles>; inputs: DeviceInput[]}> {
  const files = new Map<string, DeviceFiles>()
  const inputs: DeviceInput[] = []
  await Promise.all(
    loaded.inventory.devices.map(async (d, i) => {
      const entry: DeviceFiles = {}
      files.set(d.id, entry)
      for (const kind of ['config', 'neighbors'] as const) {
        const rel = d[kind]
        if (!rel) continue
        const abs = resolve(d.id, kind, rel)
        const base = {device: d.id, kind, file: displayPath(abs), ref: loaded.locate(['devices', i, kind]), ...(d.vendor ? {vendor: d.vendor} : {})}
        const parser = d.vendor ? vendorParser(d.vendor) : undefined
        const parse = kind === 'config' ? parser?.parseConfig : parser?.parseNeighbors
        if (!parser || !parse) {
          inputs.push({...base, status: 'unknown-vendor'})
          continue
        }
        let bytes: Uint8Array
        let takenAt: Date
        try {
          bytes = await readFile(abs)
          takenAt = (await stat(abs)).mtime
        } catch (err) {
          inputs.push({...base, status: 'unreadable', error: reason(err)})
          continue
        }
        try {
          if (kind === 'config') {
            const cfg = parser.parseConfig(bytes, base.file)
            entry.config = cfg
            inputs.push({...base, status: 'parsed', coverage: cfg.coverage, takenAt})
          } else {
            const nb = parser.parseNeighbors?.(bytes, base.file)
            if (nb) entry.neighbors = nb
            inputs.push({...base, status: 'parsed', takenAt, ...(nb ? {coverage: nb.coverage} : {})})
          }
        } catch {
          // Parsers are fuzzed not to throw; if one does, the device is unaudited, never "clean".
          inputs.push({...base, status: 'unreadable', error: `the ${d.vendor} parser failed on this file`})
        }
      }
    }),
  )
  inputs.sort((a, b) => (a.device === b.device ? a.kind.localeCompare(b.kind) : a.device < b.device ? -1 : 1))
  return {files, inputs}
}
