import type {VendorParser} from '../types.js'
import {canonicalInterfaceName} from './names.js'
import {parseAsaConfig} from './parse.js'

export const ciscoAsa: VendorParser = {
  id: 'cisco-asa',
  label: 'Cisco ASA',
  parseConfig: parseAsaConfig,
  canonicalInterfaceName,
}
