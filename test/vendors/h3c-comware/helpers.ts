import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {DeviceConfig, Interface, NeighborTable} from '../../../src/model/index.js'
import {h3cComware} from '../../../src/vendors/h3c-comware/index.js'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export const fixturePath = (name: string): string => `${repoRoot}test/fixtures/h3c-comware/${name}`

/** The public corpus sits beside the repository (`../shared/corpus`); absent in a fresh clone. */
export const corpusRoot = fileURLToPath(new URL('../shared/corpus/', `file://${repoRoot}`))
export const corpusPresent = existsSync(corpusRoot)

export function parseFixture(name: string): DeviceConfig {
  return h3cComware.parseConfig(readFileSync(fixturePath(name)), `fixtures/${name}`)
}

export function parseNeighborFixture(name: string): NeighborTable {
  const parse = h3cComware.parseNeighbors
  if (!parse) throw new Error('h3cComware has no neighbor parser')
  return parse(readFileSync(fixturePath(name)), `fixtures/${name}`)
}

export function iface(config: DeviceConfig, name: string): Interface {
  const found = config.interfaces.find((i) => i.name === name)
  if (!found) throw new Error(`no interface ${name} in ${config.interfaces.map((i) => i.name).join(', ')}`)
  return found
}

/** 1-based line number of the first fixture line containing `needle`. */
export function lineOf(name: string, needle: string): number {
  const lines = readFileSync(fixturePath(name), 'latin1').split(/\r?\n/)
  const i = lines.findIndex((l) => l.includes(needle))
  if (i < 0) throw new Error(`${needle} not in ${name}`)
  return i + 1
}
