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

/**
 * The rules an ingress filter applies to forwarded traffic. Every one of them tests "has an
 * outgoing interface"; the last rule, `to-the-box`, passes what is addressed to the ASA itself
 * (access-groups never filter it; the `to-the-box` filter bound `local` decides it).
 */
export function forwardedRules(filter: Filter): Filter['rules'] {
  const last = filter.rules[filter.rules.length - 1]
  if (last?.id !== 'to-the-box' || last.action !== 'permit' || last.match.outInterfacesNegate !== true) throw new Error(`${filter.name}: no to-the-box rule last`)
  const rest = filter.rules.slice(0, -1)
  for (const r of rest) if (r.match.outInterfaces?.join() !== '+' || r.match.outInterfacesNegate) throw new Error(`${filter.name} ${r.id}: not restricted to forwarded traffic`)
  return rest
}
