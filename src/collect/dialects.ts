import type {VendorId} from '../model/index.js'
import type {Dialect} from './dialect.js'
import {dialect as ciscoAsa} from '../vendors/cisco-asa/dialect.js'
import {dialect as ciscoIos} from '../vendors/cisco-ios/dialect.js'
import {dialect as h3cComware} from '../vendors/h3c-comware/dialect.js'
import {dialect as huaweiUsg} from '../vendors/huawei-usg/dialect.js'
import {dialect as huaweiVrp} from '../vendors/huawei-vrp/dialect.js'
import {dialect as iptables} from '../vendors/iptables/dialect.js'
import {dialect as juniperJunos} from '../vendors/juniper-junos/dialect.js'

/** One registry line per vendor. */
const DIALECTS: Record<VendorId, Dialect> = {
  'huawei-vrp': huaweiVrp,
  'huawei-usg': huaweiUsg,
  'h3c-comware': h3cComware,
  'cisco-ios': ciscoIos,
  'cisco-asa': ciscoAsa,
  'juniper-junos': juniperJunos,
  iptables,
}

export function dialectFor(vendor: VendorId): Dialect {
  return DIALECTS[vendor]
}
