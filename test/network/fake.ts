import type {InventoryDevice} from '../../src/inventory/types.js'
import type {Interface, SwitchPort} from '../../src/model/index.js'
import type {ModelDevice, ModelInterface, NetworkModel, PhysicalLink} from '../../src/network/types.js'
import {ZoneIndex} from '../../src/network/zones.js'

const ref = {file: 'x.cfg', line: 1}

export function port(name: string, mode: SwitchPort['mode'], vlans: number[], untagged?: number, extra: Partial<Interface> = {}): Interface {
  return {
    name,
    kind: 'ethernet',
    shutdown: false,
    addresses: [],
    switchport: {mode, vlans: [...vlans].sort((a, b) => a - b), ...(untagged !== undefined ? {untaggedVlan: untagged} : {}), ref, vlanRefs: []},
    ref,
    ...extra,
  }
}

export function l3(name: string, cidr: string | undefined, extra: Partial<Interface> = {}): Interface {
  const [address, len] = (cidr ?? '').split('/')
  return {
    name,
    kind: 'ethernet',
    shutdown: false,
    addresses: cidr ? [{address: address as string, length: Number(len), family: 4, secondary: false, ref}] : [],
    ref,
    ...extra,
  }
}

export function device(id: string, role: InventoryDevice['role'], zone: string | undefined, ifs: Interface[], zi: ZoneIndex): ModelDevice {
  const interfaces: ModelInterface[] = ifs.map((i) => {
    const addresses = i.addresses.map((a) => `${a.address}/${a.length}`)
    return {device: id, name: i.name, config: i, addresses, zones: [...new Set(addresses.flatMap((a) => zi.zoneOfHost(a) ?? []))], shutdown: i.shutdown, ref}
  })
  return {
    id,
    inv: {id, role, ...(zone ? {zone} : {}), interfaces: []},
    interfaces,
    zones: [...new Set([...(zone ? [zone] : []), ...interfaces.flatMap((i) => i.zones)])],
    config: {
      vendor: 'huawei-vrp',
      file: `${id}.cfg`,
      interfaces: ifs,
      vlans: [],
      staticRoutes: [],
      filters: [],
      filterBindings: [],
      securityZones: [],
      accounts: {users: [], enable: []},
      management: {services: [], lines: [], snmp: {communities: [], versions: []}},
      coverage: {file: `${id}.cfg`, lines: 0, recognized: 0, unrecognized: []},
    },
  }
}

export function zoneIndex(): ZoneIndex {
  return new ZoneIndex(
    new Map([
      ['in', {id: 'in', kind: 'intranet', prefixes: ['10.0.0.0/8']}],
      ['ex', {id: 'ex', kind: 'extranet', prefixes: ['172.16.0.0/12']}],
      ['inet', {id: 'inet', kind: 'internet', prefixes: ['0.0.0.0/0']}],
    ]),
    ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
  )
}

export function link(a: string, ai: string, b: string, bi: string): PhysicalLink {
  return {a: {device: a, interface: ai}, b: {device: b, interface: bi}, sources: ['inventory'], refs: [ref]}
}

export function network(devices: ModelDevice[], links: PhysicalLink[], zi: ZoneIndex): NetworkModel {
  return {zones: zi.zones, devices: new Map(devices.map((d) => [d.id, d])), links, l2domains: [], zoneIndex: zi}
}
