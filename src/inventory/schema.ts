import {z} from 'zod'
import {VENDOR_IDS} from '../model/index.js'
import {DurationText, Endpoints, Id, InterfaceAddress, IsoDate, LinkEnd, MgmtAddress, Port, Prefix, Ref} from './fields.js'
import {DEVICE_ROLES, DUTIES, IMPORTANCE, type Inventory, ZONE_KINDS} from './types.js'

/** SPEC §2. Strict objects: an unknown key is an error (with a "did you mean" hint from load.ts). */
const Zone = z.strictObject({
  id: Id,
  kind: z.enum(ZONE_KINDS),
  name: z.string().optional(),
  prefixes: z.array(Prefix).default([]),
})

const Interface = z.strictObject({
  name: z.string().min(1),
  address: InterfaceAddress.optional(),
  zone: Ref.optional().describe('Overrides the zone the address implies'),
})

const Device = z.strictObject({
  id: Id,
  name: z.string().optional(),
  zone: Ref.optional().describe('Home zone; required for hosts and switches'),
  role: z.enum(DEVICE_ROLES),
  vendor: z.enum(VENDOR_IDS).optional().describe('Required when config is given'),
  config: z.string().min(1).optional().describe('Config file, relative to the inventory folder joined with configs:'),
  neighbors: z.string().min(1).optional().describe('LLDP/CDP neighbor output file'),
  mgmt: z
    .strictObject({
      address: MgmtAddress,
      port: z.int().min(1).max(65535).default(22),
    })
    .optional(),
  interfaces: z.array(Interface).default([]),
  exit: z.boolean().optional().describe('An approved Internet exit (network-approval)'),
})

const Flow = z.strictObject({
  id: Id,
  from: Endpoints,
  to: Endpoints,
  proto: z.enum(['tcp', 'udp', 'icmp', 'any']),
  ports: z.array(Port).default([]).describe('Destination ports; empty means every port'),
  why: z.string().optional(),
})

const Link = z
  .tuple([LinkEnd, LinkEnd], {error: 'a link is a pair [device:interface, device:interface]'})
  .describe('write a link as [device:interface, device:interface]')
  .transform(([a, b]) => ({a, b}))

const InfoSystem = z.strictObject({
  id: Id,
  name: z.string().optional(),
  zone: Ref,
  importance: z.enum(IMPORTANCE),
  classification: Ref.optional().describe('One of access.levels'),
  hosts: z.array(Ref).default([]),
})

const Backup = z.strictObject({
  system: Ref,
  interval: DurationText.optional(),
  lastSuccess: IsoDate.optional(),
  copies: z.array(z.strictObject({location: z.enum(['local', 'same-city', 'remote']), site: z.string().optional()})).default([]),
  lastRestoreTest: IsoDate.optional(),
})

const Plan = z.strictObject({
  id: Id,
  title: z.string().min(1),
  document: z.string().optional(),
  covers: z.array(Ref).default([]).describe('System ids, or "network"'),
  approved: IsoDate.optional(),
  lastReview: IsoDate.optional(),
  drills: z.array(IsoDate).default([]),
  contacts: z.array(z.strictObject({name: z.string().min(1), role: z.string().optional(), phone: z.string().optional()})).default([]),
  rto: DurationText.optional(),
  rpo: DurationText.optional(),
})

const Account = z.strictObject({
  id: Id,
  name: z.string().optional(),
  clearance: Ref.optional().describe('One of access.levels'),
  duties: z.array(z.enum(DUTIES)).default([]),
  logins: z.array(z.strictObject({device: Ref, username: z.string().min(1)})).default([]),
  shared: z.boolean().optional(),
})

const Access = z.strictObject({
  levels: z.array(Id).default([]).describe('Classification levels, lowest first'),
  accounts: z.array(Account).default([]),
  grants: z.array(z.strictObject({account: Ref, system: Ref, access: z.enum(['admin', 'write', 'read'])})).default([]),
})

export const InventorySchema = z
  .strictObject({
    version: z.literal(1),
    name: z.string().optional(),
    policy: z.string().min(1).optional().describe('Policy pack, relative to this file; default: built-in tianjin-egov'),
    configs: z.string().optional().describe('Base folder for device files, relative to this file'),
    zones: z.array(Zone).default([]),
    devices: z.array(Device).default([]),
    flows: z.array(Flow).default([]),
    links: z.array(Link).default([]),
    systems: z.array(InfoSystem).default([]),
    backups: z.array(Backup).default([]),
    plans: z.array(Plan).default([]),
    access: Access.default({levels: [], accounts: [], grants: []}),
  })
  .meta({title: 'segaudit inventory', description: 'segaudit inventory file (SPEC §2), version 1'})

// Compile-time: what the schema produces must be the fixed Inventory type.
type AssertAssignable<T extends U, U> = T
export type ParsedInventory = AssertAssignable<z.output<typeof InventorySchema>, Inventory>
