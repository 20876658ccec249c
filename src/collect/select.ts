import type {InventoryDevice, LoadedInventory} from '../inventory/types.js'
import type {VendorId} from '../model/index.js'
import {CollectUsageError} from './errors.js'

/** A device collect can reach: it has a management address and a vendor. */
export type CollectTarget = InventoryDevice & {mgmt: {address: string; port: number}; vendor: VendorId}

/** Every device with `mgmt`, or exactly the ones `--devices` names. */
export function selectTargets(loaded: LoadedInventory, ids?: readonly string[]): CollectTarget[] {
  const devices = loaded.inventory.devices
  const picked = ids?.length ? pick(devices, ids, loaded.file) : devices.filter((d) => d.mgmt)
  for (const device of picked) {
    if (!device.vendor) {
      throw new CollectUsageError(
        `device ${device.id} has mgmt but no vendor in ${loaded.file}`,
        'add vendor: so collect knows how to talk to it',
      )
    }
  }
  if (picked.length === 0) {
    throw new CollectUsageError(`no device in ${loaded.file} has a mgmt address`, 'add mgmt: {address, port} to the devices to collect')
  }
  return picked as CollectTarget[]
}

function pick(devices: InventoryDevice[], ids: readonly string[], file: string): InventoryDevice[] {
  const byId = new Map(devices.map((d) => [d.id, d]))
  return [...new Set(ids)].map((id) => {
    const device = byId.get(id)
    if (!device) throw new CollectUsageError(`--devices: no device "${id}" in ${file}`, 'use the ids of the inventory\'s devices')
    if (!device.mgmt) throw new CollectUsageError(`--devices: device "${id}" has no mgmt address`, 'add mgmt: {address, port} to it')
    return device
  })
}
