import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {DeviceConfig, Filter} from '../../../src/model/index.js'
import {ciscoAsa} from '../../../src/vendors/cisco-asa/index.js'

export function parseFixture(name: string): DeviceConfig {
  const path = fileURLToPath(new URL(`../../fixtures/cisco-asa/${name}`, import.meta.url))
  return ciscoAsa.parseConfig(readFileSync(path), name)
}

export function filterNamed(cfg: DeviceConfig, name: string): Filter {
  const f = cfg.filters.find((x) => x.name === name)
  if (!f) throw new Error(`no filter ${name}`)
  return f
}
