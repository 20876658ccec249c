import type {VendorParser} from '../types.js'
import {parseComwareConfig} from './config.js'
import {canonicalInterfaceName} from './names.js'
import {parseComwareNeighbors} from './neighbors.js'

/** H3C Comware 5 and 7 (also sold as HPE/HP Comware). */
export const h3cComware: VendorParser = {
  id: 'h3c-comware',
  label: 'H3C Comware',
  parseConfig: parseComwareConfig,
  parseNeighbors: parseComwareNeighbors,
  canonicalInterfaceName,
}
