import type {z} from 'zod'
import type {ControlId} from '../../model/index.js'
import type {Policy} from '../../policy/types.js'
import {BackupParams} from './backup.js'
import {DeviceHardeningParams} from './device-hardening.js'
import {EmergencyPlanParams} from './emergency-plan.js'
import {TieredAccessParams} from './tiered-access.js'

/**
 * The parameter schema of each control that has one. The policy loader validates
 * `parameters.<control>` against it (errors at the YAML node); the control reads it back with paramsOf.
 */
export const PARAMETER_SCHEMAS = {
  backup: BackupParams,
  'emergency-plan': EmergencyPlanParams,
  'tiered-access': TieredAccessParams,
  'device-hardening': DeviceHardeningParams,
} satisfies Partial<Record<ControlId, z.ZodType>>

export type ParameterisedControl = keyof typeof PARAMETER_SCHEMAS

/** A control's validated parameters, or undefined when the pack has no section for it (the control is off). */
export function paramsOf<C extends ParameterisedControl>(policy: Policy, control: C): z.output<(typeof PARAMETER_SCHEMAS)[C]> | undefined {
  const raw = policy.parameters[control]
  if (raw === undefined) return undefined
  return PARAMETER_SCHEMAS[control].parse(raw) as z.output<(typeof PARAMETER_SCHEMAS)[C]>
}
