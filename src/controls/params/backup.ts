import {z} from 'zod'
import {ImportanceLevel, PolicyDuration, perImportance} from './common.js'

/** Where a copy must be: `off-site` is satisfied by a same-city or a remote copy. */
export const COPY_REQUIREMENTS = ['local', 'same-city', 'remote', 'off-site'] as const

export const BackupParams = z.strictObject({
  scope: z.array(ImportanceLevel).describe('Importance levels whose systems need a backup job, e.g. [critical, important]'),
  maxAge: perImportance(PolicyDuration).describe('Oldest acceptable last successful backup, at --now: one duration, or one per importance'),
  requiredCopies: z
    .partialRecord(ImportanceLevel, z.array(z.enum(COPY_REQUIREMENTS)))
    .describe('Copy locations each importance needs: local, same-city, remote, off-site (same-city or remote)'),
  restoreTestPeriod: perImportance(PolicyDuration).describe('A restore test is due this long after the last one'),
  configMaxAge: PolicyDuration.optional().describe('Oldest acceptable device configuration (snapshot time, else file time); absent: not checked'),
})
export type BackupParams = z.output<typeof BackupParams>
