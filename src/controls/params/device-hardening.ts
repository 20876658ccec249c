import {z} from 'zod'

const SERVICES = ['telnet', 'ssh', 'http', 'https', 'ftp', 'tftp', 'snmp', 'netconf', 'sftp'] as const

export const DeviceHardeningParams = z.strictObject({
  lineKinds: z.array(z.enum(['vty', 'console', 'aux', 'other'])).describe('Login lines that need an idle timeout'),
  maxIdleMinutes: z.number().int().min(1).describe('Longest acceptable idle timeout of a login line, in minutes'),
  maxLoginAttempts: z.number().int().min(1).describe('Most failed logins before lockout'),
  forbiddenServices: z.array(z.enum(SERVICES)).describe('Servers that must not run on a network device (ftp, tftp)'),
  snmpCommunityAcl: z.boolean().describe('SNMP v1/v2c communities must be restricted by an ACL'),
})
export type DeviceHardeningParams = z.output<typeof DeviceHardeningParams>
