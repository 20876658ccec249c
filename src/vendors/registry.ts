import type {VendorId} from '../model/index.js'
import {ciscoAsa} from './cisco-asa/index.js'
import {ciscoIos} from './cisco-ios/index.js'
import {h3cComware} from './h3c-comware/index.js'
import {huaweiUsg} from './huawei-usg/index.js'
import {huaweiVrp} from './huawei-vrp/index.js'
import {iptables} from './iptables/index.js'
import {juniperJunos} from './juniper-junos/index.js'
import type {VendorParser} from './types.js'

/** One line per vendor: adding a vendor is a folder plus a line here. */
const PARSERS: Partial<Record<VendorId, VendorParser>> = {
  'huawei-vrp': huaweiVrp,
  'huawei-usg': huaweiUsg,
  'h3c-comware': h3cComware,
  'cisco-ios': ciscoIos,
  'cisco-asa': ciscoAsa,
  'juniper-junos': juniperJunos,
  iptables,
}

export function vendorParser(id: VendorId): VendorParser | undefined {
  return PARSERS[id]
}

export function supportedVendors(): VendorId[] {
  return Object.keys(PARSERS) as VendorId[]
}

/** Canonical interface name on a device of this vendor (identity for hosts and unknown vendors). */
export function canonicalInterface(vendor: VendorId | undefined, name: string): string {
  const parser = vendor ? PARSERS[vendor] : undefined
  return parser ? parser.canonicalInterfaceName(name) : name
}
