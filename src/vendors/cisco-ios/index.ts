import type {VendorParser} from '../types.js'
import {parseIosConfig} from './config.js'
import {canonicalInterfaceName} from './names.js'
import {parseIosNeighbors} from './neighbors.js'

/** Cisco IOS / IOS-XE: `show running-config` and `show cdp|lldp neighbors [detail]`. */
export const ciscoIos: VendorParser = {
  id: 'cisco-ios',
  label: 'Cisco IOS / IOS-XE',
  parseConfig: parseIosConfig,
  parseNeighbors: parseIosNeighbors,
  canonicalInterfaceName,
}
