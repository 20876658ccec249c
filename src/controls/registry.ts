import {inputCoverage} from './input-coverage.js'
import {networkApproval} from './network-approval.js'
import {physicalIsolation} from './physical-isolation.js'
import type {Control} from './types.js'

/** Every control the audit runs, in report order. A new control is a file plus a line here. */
export const CONTROLS: Control[] = [physicalIsolation, networkApproval, inputCoverage]
