import type {LoadedInventory} from '../inventory/types.js'
import type {DeviceConfig, NeighborTable, SourceRef} from '../model/index.js'
import {canonicalInterface} from '../vendors/registry.js'
import {buildL2Domains} from './l2.js'
import {resolveLinks} from './links.js'
import type {ModelDevice, ModelInterface, NetworkModel} from './types.js'
import {ZoneIndex} from './zones.js'

export interface DeviceFiles {
  config?: DeviceConfig
  neighbors?: NeighborTable
}

/**
 * Build the vendor-neutral network: devices with zoned interfaces, physical links from the
 * inventory and the neighbor tables, and L2 broadcast domains across switches.
 */
export function buildNetwork(
  loaded: LoadedInventory,
  files: Map<string, DeviceFiles>,
  privateRanges: string[],
): NetworkModel {
  const inv = loaded.inventory
  const zones = new Map(inv.zones.map((z) => [z.id, z]))
  const zoneIndex = new ZoneIndex(zones, privateRanges)
  const devices = new Map<string, ModelDevice>()

  inv.devices.forEach((d, di) => {
    const f = files.get(d.id) ?? {}
    const interfaces = new Map<string, ModelInterface>()
    for (const cfgIf of f.config?.interfaces ?? []) {
      const addresses = cfgIf.addresses.map((a) => `${a.address}/${a.length}`)
      interfaces.set(cfgIf.name, {
        device: d.id,
        name: cfgIf.name,
        config: cfgIf,
        addresses,
        zones: uniq(addresses.map((a) => zoneIndex.zoneOfHost(a))),
        shutdown: cfgIf.shutdown,
        ref: cfgIf.ref,
      })
    }
    d.interfaces.forEach((ii, k) => {
      const name = canonicalInterface(d.vendor, ii.name)
      const ref: SourceRef = loaded.locate(['devices', di, 'interfaces', k])
      const existing = interfaces.get(name)
      const addresses = ii.address ? [ii.address] : []
      const m: ModelInterface = existing ?? {device: d.id, name, addresses: [], zones: [], shutdown: false, ref}
      m.addresses = uniq([...m.addresses, ...addresses])
      m.zones = ii.zone ? [ii.zone] : uniq(m.addresses.map((a) => zoneIndex.zoneOfHost(a)))
      if (!existing) m.ref = ref
      interfaces.set(name, m)
    })
    const ifList = [...interfaces.values()]
    devices.set(d.id, {
      id: d.id,
      inv: d,
      ...(f.config ? {config: f.config} : {}),
      ...(f.neighbors ? {neighbors: f.neighbors} : {}),
      interfaces: ifList,
      zones: uniq([d.zone, ...ifList.flatMap((i) => (i.shutdown ? [] : i.zones))]),
    })
  })

  const links = resolveLinks(loaded, devices)
  const network: NetworkModel = {zones, devices, links, l2domains: [], zoneIndex}
  network.l2domains = buildL2Domains(network)
  return network
}

export function uniq<T>(xs: (T | undefined)[]): T[] {
  return [...new Set(xs.filter((x): x is T => x !== undefined))]
}
