import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {tempDir} from './harness.js'

export interface YamlDevice {
  id: string
  vendor: string
  port: number
  neighbors?: boolean
}

/** Writes a minimal inventory file for the CLI. */
export function writeInventory(devices: YamlDevice[], dir = tempDir('segaudit-inv-')): string {
  const lines = ['version: 1', 'zones:', '  - {id: intranet, kind: intranet, prefixes: [10.10.0.0/16]}', 'devices:']
  for (const d of devices) {
    lines.push(`  - id: ${d.id}`, '    zone: intranet', '    role: switch', `    vendor: ${d.vendor}`, `    config: configs/${d.id}.cfg`)
    if (d.neighbors !== false) lines.push(`    neighbors: configs/${d.id}.lldp.txt`)
    lines.push(`    mgmt: {address: 127.0.0.1, port: ${d.port}}`)
  }
  const file = join(dir, 'inventory.yaml')
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}
