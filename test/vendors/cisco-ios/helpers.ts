import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {DeviceConfig, Interface, NeighborTable} from '../../../src/model/index.js'
import {ciscoIos} from '../../../src/vendors/cisco-ios/index.js'

const here = dirname(fileURLToPath(import.meta.url))
export const repoRoot = resolve(here, '../../..')
export const corpusRoot = resolve(repoRoot, '../shared/corpus')
export const corpusPresent = existsSync(join(corpusRoot, 'cisco_ios'))

export function fixture(name: string): Buffer {
  return readFileSync(join(repoRoot, 'test/fixtures/cisco-ios', name))
}

export function parseFixture(name: string): DeviceConfig {
  return ciscoIos.parseConfig(fixture(name), name)
}

export function neighborsOf(name: string): NeighborTable {
  const parse = ciscoIos.parseNeighbors
  if (!parse) throw new Error('cisco-ios has no neighbor parser')
  return parse(fixture(name), name)
}

export function iface(cfg: DeviceConfig, name: string): Interface {
  const found = cfg.interfaces.find((i) => i.name === name)
  if (!found) throw new Error(`no interface ${name} in ${cfg.file}`)
  return found
}

export function range(from: number, to: number): number[] {
  return Array.from({length: to - from + 1}, (_, i) => from + i)
}
