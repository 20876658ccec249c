import {backup} from './backup.js'
import {deviceHardening} from './device-hardening.js'
import {emergencyPlan} from './emergency-plan.js'
import {inputCoverage} from './input-coverage.js'
import {logicalIsolation} from './logical-isolation.js'
import {networkApproval} from './network-approval.js'
import {physicalIsolation} from './physical-isolation.js'
import {tieredAccess} from './tiered-access.js'
import type {Control} from './types.js'

/** Every control the audit runs, in report order. A new control is a file plus a line here. */
export const CONTROLS: Control[] = [
  physicalIsolation,
  logicalIsolation,
  backup,
  tieredAccess,
  emergencyPlan,
  networkApproval,
  deviceHardening,
  inputCoverage,
]
