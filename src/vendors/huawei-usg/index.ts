import type {VendorParser} from '../types.js'
import {canonicalInterfaceName} from './names.js'
import {parseUsgConfig} from './parse.js'

export const huaweiUsg: VendorParser = {
  id: 'huawei-usg',
  label: 'Huawei USG',
  parseConfig: parseUsgConfig,
  canonicalInterfaceName,
}
