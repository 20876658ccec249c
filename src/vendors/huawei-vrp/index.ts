import type {VendorParser} from '../types.js'
import {parseVrpConfig} from './config.js'
import {canonicalInterfaceName} from './names.js'
import {parseVrpNeighbors} from './neighbors.js'

/** Huawei VRP (S, CE, AR, NE series): `display current-configuration` and LLDP neighbor output. */
export const huaweiVrp: VendorParser = {
  id: 'huawei-vrp',
  label: 'Huawei VRP',
  parseConfig: parseVrpConfig,
  parseNeighbors: parseVrpNeighbors,
  canonicalInterfaceName,
}
