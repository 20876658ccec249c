import type {DeviceConfig, NeighborTable, VendorId} from '../model/index.js'

/**
 * What a vendor folder provides. Parsers never throw on any input: problems become
 * `coverage.unrecognized` entries. Bytes go in because real exports carry GBK and NULs.
 */
export interface VendorParser {
  id: VendorId
  /** Human label, e.g. "Huawei VRP". */
  label: string
  parseConfig(input: Uint8Array | string, file: string): DeviceConfig
  /** LLDP/CDP neighbor output in any of the formats the vendor prints. Absent when the vendor has none. */
  parseNeighbors?(input: Uint8Array | string, file: string): NeighborTable
  /** Expand abbreviations so config, neighbor tables and inventory links agree: `GE0/0/1` → `GigabitEthernet0/0/1`. */
  canonicalInterfaceName(name: string): string
}
