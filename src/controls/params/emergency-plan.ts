import {z} from 'zod'
import {ImportanceLevel, PolicyDuration} from './common.js'

export const PLAN_FIELDS = ['document', 'approved', 'lastReview', 'drills', 'contacts', 'rto', 'rpo'] as const
export const CONTACT_FIELDS = ['name', 'role', 'phone'] as const

export const EmergencyPlanParams = z.strictObject({
  scope: z.array(ImportanceLevel).describe('Importance levels whose systems must be covered by a plan'),
  coverNetwork: z.boolean().describe('The network itself (covers: [network]) must be covered by a plan'),
  reviewPeriod: PolicyDuration.describe('A plan is reviewed (or approved) again within this period'),
  drillPeriod: PolicyDuration.describe('A plan is drilled within this period'),
  requiredFields: z.array(z.enum(PLAN_FIELDS)).describe('Fields every plan must fill in'),
  contactFields: z.array(z.enum(CONTACT_FIELDS)).describe('Fields every plan contact must fill in'),
})
export type EmergencyPlanParams = z.output<typeof EmergencyPlanParams>
