import type {SourceRef} from './source.js'

/**
 * How a secret is stored in the config. The secret itself is never kept in the model:
 * only its kind, so no report, log or error can leak it.
 */
export type SecretStorage = 'plaintext' | 'reversible' | 'hash' | 'unknown'

export interface LocalUser {
  username: string
  /** Numeric privilege (Huawei 0–15, Cisco 0–15) when the config gives one. */
  privilege?: number
  /** Role names (H3C `authorization-attribute user-role`, Huawei `manager-user` class…). */
  roles: string[]
  /** Access services allowed for the account: ssh, telnet, terminal, http, https, ftp… */
  services: string[]
  secret?: {storage: SecretStorage; ref: SourceRef}
  ref: SourceRef
}

export interface EnableSecret {
  level?: number
  storage: SecretStorage
  ref: SourceRef
}

export interface AccountModel {
  users: LocalUser[]
  enable: EnableSecret[]
}

export type ManagementServiceName = 'telnet' | 'ssh' | 'http' | 'https' | 'ftp' | 'tftp' | 'snmp' | 'netconf' | 'sftp'

export interface ManagementService {
  name: ManagementServiceName
  enabled: boolean
  ref: SourceRef
}

/** A VTY/console/user-interface block. */
export interface ManagementLine {
  /** e.g. `vty 0 4`, `con 0`. */
  name: string
  kind: 'vty' | 'console' | 'aux' | 'other'
  /** Inbound protocols allowed: ssh, telnet, all, none. */
  transports: string[]
  /** ACL restricting who may connect (name or number). */
  accessAcl?: string
  idleTimeoutMinutes?: number
  /** `authentication-mode aaa|password|none`, `login local`… */
  authMode?: string
  ref: SourceRef
}

export interface SnmpCommunity {
  /** Redacted unless it is a well-known default ('public', 'private'), which is reported as such. */
  isDefault: boolean
  access: 'ro' | 'rw' | 'unknown'
  acl?: string
  ref: SourceRef
}

export interface ManagementPlane {
  services: ManagementService[]
  lines: ManagementLine[]
  snmp: {communities: SnmpCommunity[]; versions: string[]}
  /** Login failure limit (attempts) when configured. */
  loginFailureLimit?: {attempts: number; ref: SourceRef}
}
