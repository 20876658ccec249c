import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {DeviceConfig, Filter, FilterRule} from '../../../src/model/index.js'
import {huaweiUsg} from '../../../src/vendors/huawei-usg/index.js'

export function parseFixture(name: string): DeviceConfig {
  const path = fileURLToPath(new URL(`../../fixtures/huawei-usg/${name}`, import.meta.url))
  return huaweiUsg.parseConfig(readFileSync(path), name)
}

export function policy(cfg: DeviceConfig): Filter {
  const f = cfg.filters.find((x) => x.kind === 'security-policy')
  if (!f) throw new Error('no security policy')
  return f
}

export function rulesNamed(cfg: DeviceConfig, id: string): FilterRule[] {
  return policy(cfg).rules.filter((r) => r.id === id)
}
