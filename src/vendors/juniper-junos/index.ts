import type {VendorParser} from '../types.js'
import {parseJunosConfig} from './parse.js'

export const juniperJunos: VendorParser = {
  id: 'juniper-junos',
  label: 'Juniper Junos',
  parseConfig: parseJunosConfig,
  // Junos prints full names everywhere (`ge-0/0/0`, `ge-0/0/0.0`): nothing to expand.
  canonicalInterfaceName: (name: string) => name.trim(),
}
