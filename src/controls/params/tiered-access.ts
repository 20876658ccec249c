import {z} from 'zod'
import {ZONE_KINDS} from '../../inventory/types.js'
import {DutyName} from './common.js'

const PROTOCOLS = ['telnet', 'http', 'https', 'ssh', 'ftp', 'tftp', 'sftp', 'netconf'] as const
const STORAGE = ['plaintext', 'reversible', 'hash', 'unknown'] as const

const Privilege = z.strictObject({
  maxLevel: z.number().int().min(0).max(15).describe('Highest numeric privilege level (Huawei/Cisco 0-15) a login of this duty may have'),
  roles: z.array(z.string().min(1)).describe('Device roles (H3C user-role) a login of this duty may have'),
})

export const TieredAccessParams = z.strictObject({
  separatedDuties: z.array(DutyName).describe('Duties that must be held by different accounts (三员分立), each by at least one'),
  dutyPrivilege: z.partialRecord(DutyName, Privilege).describe('What a device login may be allowed, per duty of its account'),
  defaultAccounts: z.array(z.string().min(1)).describe('Vendor default or generic account names that must not exist on a device'),
  weakSecretStorage: z.array(z.enum(STORAGE)).describe('Secret storage kinds that count as weak (plaintext, reversible)'),
  forbiddenProtocols: z.array(z.enum(PROTOCOLS)).describe('Management protocols that must not be enabled (telnet, http)'),
  managementZoneKinds: z.array(z.enum(ZONE_KINDS)).describe('Zone kinds management logins may come from'),
  ownManagementSubnet: z.boolean().describe('Also allow the subnet of the device\'s own inventory management address'),
})
export type TieredAccessParams = z.output<typeof TieredAccessParams>
