import type {LoadedInventory} from '../inventory/types.js'
import {canonicalInterface} from '../vendors/registry.js'
import {DeviceNames} from './names.js'
import type {ModelDevice, PhysicalLink} from './types.js'

export function linkKey(a: {device: string; interface: string}, b: {device: string; interface: string}): string {
  const x = `${a.device}:${a.interface}`
  const y = `${b.device}:${b.interface}`
  return x < y ? `${x}~${y}` : `${y}~${x}`
}

/** Physical links: inventory cabling records merged with LLDP/CDP adjacencies to known devices. */
export function resolveLinks(loaded: LoadedInventory, devices: Map<string, ModelDevice>): PhysicalLink[] {
  const byKey = new Map<string, PhysicalLink>()
  const add = (link: PhysicalLink) => {
    const k = linkKey(link.a, link.b)
    const existing = byKey.get(k)
    if (!existing) byKey.set(k, link)
    else {
      for (const s of link.sources) if (!existing.sources.includes(s)) existing.sources.push(s)
      existing.refs.push(...link.refs)
    }
  }

  loaded.inventory.links.forEach((l, i) => {
    const a = {device: l.a.device, interface: canonicalInterface(devices.get(l.a.device)?.inv.vendor, l.a.interface)}
    const b = {device: l.b.device, interface: canonicalInterface(devices.get(l.b.device)?.inv.vendor, l.b.interface)}
    add({a, b, sources: ['inventory'], refs: [loaded.locate(['links', i])]})
  })

  const names = new DeviceNames(devices)
  for (const d of devices.values()) {
    const table = d.neighbors
    if (!table) continue
    for (const n of table.neighbors) {
      const remote = names.resolve(n.remoteName) ?? names.resolve(n.remoteMgmtAddress)
      if (!remote || !n.remoteInterface) continue
      const rIf = canonicalInterface(devices.get(remote)?.inv.vendor, n.remoteInterface)
      add({
        a: {device: d.id, interface: n.localInterface},
        b: {device: remote, interface: rIf},
        sources: [table.protocol],
        refs: [n.ref],
      })
    }
  }
  return [...byKey.values()]
}

/** Link ends that name an interface the device does not have (a typo in `links:`). */
export function danglingLinkEnds(
  loaded: LoadedInventory,
  devices: Map<string, ModelDevice>,
): {path: (string | number)[]; message: string; hint: string}[] {
  const problems: {path: (string | number)[]; message: string; hint: string}[] = []
  loaded.inventory.links.forEach((l, i) => {
    ;[l.a, l.b].forEach((end, side) => {
      const d = devices.get(end.device)
      if (!d) return
      const known = d.interfaces.map((x) => x.name)
      // A device without a config or listed interfaces may be cabled on any port name.
      if (known.length === 0) return
      const name = canonicalInterface(d.inv.vendor, end.interface)
      if (known.includes(name)) return
      const near = known.filter((k) => k.toLowerCase().includes(name.replace(/^\D+/, '').toLowerCase())).slice(0, 3)
      problems.push({
        path: ['links', i, side],
        message: `device '${end.device}' has no interface '${end.interface}'`,
        hint: near.length
          ? `did you mean ${near.map((n) => `'${n}'`).join(', ')}?`
          : `use a full interface name from ${d.config ? d.config.file : "the device's interfaces list"}`,
      })
    })
  })
  return problems
}
