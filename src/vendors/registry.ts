import type {Dialect} from '../collect/dialect.js'
import type {VendorId} from '../model/index.js'
import {ciscoAsa} from './cisco-asa/index.js'
import {dialect as ciscoAsaDialect} from './cisco-asa/dialect.js'
import {ciscoIos} from './cisco-ios/index.js'
import {dialect as ciscoIosDialect} from './cisco-ios/dialect.js'
import {h3cComware} from './h3c-comware/index.js'
import {dialect as h3cComwareDialect} from './h3c-comware/dialect.js'
import {huaweiUsg} from './huawei-usg/index.js'
import {dialect as huaweiUsgDialect} from './huawei-usg/dialect.js'
import {huaweiVrp} from './huawei-vrp/index.js'
import {dialect as huaweiVrpDialect} from './huawei-vrp/dialect.js'
import {iptables} from './iptables/index.js'
import {dialect as iptablesDialect} from './iptables/dialect.js'
import {juniperJunos} from './juniper-junos/index.js'
import {dialect as juniperJunosDialect} from './juniper-junos/dialect.js'
import type {VendorParser} from './types.js'

/** What a vendor folder contributes: its parser, and its CLI dialect for `collect`. */
interface Vendor {
  parser: VendorParser
  dialect: Dialect
}

/** One line per vendor: adding a vendor is a folder plus a line here. */
const VENDORS: Record<VendorId, Vendor> = {
  'huawei-vrp': {parser: huaweiVrp, dialect: huaweiVrpDialect},
  'huawei-usg': {parser: huaweiUsg, dialect: huaweiUsgDialect},
  'h3c-comware': {parser: h3cComware, dialect: h3cComwareDialect},
  'cisco-ios': {parser: ciscoIos, dialect: ciscoIosDialect},
  'cisco-asa': {parser: ciscoAsa, dialect: ciscoAsaDialect},
  'juniper-junos': {parser: juniperJunos, dialect: juniperJunosDialect},
  iptables: {parser: iptables, dialect: iptablesDialect},
}

export function vendorParser(id: VendorId): VendorParser | undefined {
  return VENDORS[id]?.parser
}

/** How `collect` talks to a device of this vendor. */
export function dialectFor(id: VendorId): Dialect {
  return VENDORS[id].dialect
}

export function supportedVendors(): VendorId[] {
  return Object.keys(VENDORS) as VendorId[]
}

/** Canonical interface name on a device of this vendor (identity for hosts and unknown vendors). */
export function canonicalInterface(vendor: VendorId | undefined, name: string): string {
  const parser = vendor ? VENDORS[vendor]?.parser : undefined
  return parser ? parser.canonicalInterfaceName(name) : name
}
