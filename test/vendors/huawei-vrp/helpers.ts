import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {DeviceConfig, Interface} from '../../../src/model/index.js'
import {huaweiVrp} from '../../../src/vendors/huawei-vrp/index.js'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export const fixturePath = (name: string): string => `${repoRoot}test/fixtures/huawei-vrp/${name}`

/** The public corpus sits beside the repository; absent in a fresh clone. */
export const corpusRoot = fileURLToPath(new URL('../shared/corpus/', `file://${repoRoot}`))
export const corpusPresent = existsSync(corpusRoot)

export function parseFixture(name: string): DeviceConfig {
  return huaweiVrp.parseConfig(readFileSync(fixturePath(name)), `fixtures/${name}`)
}

export function iface(config: DeviceConfig, name: string): Interface {
  const found = config.interfaces.find((i) => i.name === name)
  if (!found) throw new Error(`no interface ${name} in ${config.interfaces.map((i) => i.name).join(', ')}`)
  return found
}
