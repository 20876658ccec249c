import type {ModelDevice} from './types.js'

/** Lower-cased name without a DNS domain: `NW-Core-1.city.gov.cn` → `nw-core-1`. */
function key(name: string): string {
  const n = name.trim().toLowerCase()
  return n.includes('.') && !/^\d+\.\d+\.\d+\.\d+$/.test(n) ? (n.split('.')[0] ?? n) : n
}

/** Finds inventory devices by id, inventory name, configured hostname or management address. */
export class DeviceNames {
  private readonly byName = new Map<string, string>()

  constructor(devices: Map<string, ModelDevice>) {
    for (const d of devices.values()) {
      this.byName.set(key(d.id), d.id)
      if (d.inv.name) this.byName.set(key(d.inv.name), d.id)
      if (d.inv.mgmt) this.byName.set(d.inv.mgmt.address, d.id)
    }
    // Hostnames last: an id or inventory name wins over a (possibly wrong) configured hostname.
    for (const d of devices.values()) {
      const h = d.config?.hostname
      if (h && !this.byName.has(key(h))) this.byName.set(key(h), d.id)
    }
  }

  resolve(name: string | undefined): string | undefined {
    return name ? this.byName.get(key(name)) : undefined
  }

  /** Is this name one the inventory knows by id or inventory name (not merely a hostname)? */
  knows(name: string, devices: Map<string, ModelDevice>): boolean {
    const k = key(name)
    for (const d of devices.values()) if (key(d.id) === k || (d.inv.name && key(d.inv.name) === k)) return true
    return false
  }
}
