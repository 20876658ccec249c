import {deviceLogins} from './access-logins.js'
import {managementPlane} from './access-management.js'
import {accessRecords} from './access-records.js'
import {paramsOf} from './params/index.js'
import type {Control} from './types.js'

/** Tianjin Art. 20(2) (分级授权); GB/T 22239 8.1.4.1–8.1.4.2, 8.1.5: records, device logins, management plane. */
export const tieredAccess: Control = {
  id: 'tiered-access',
  run(ctx) {
    const p = paramsOf(ctx.policy, 'tiered-access')
    if (!p) return []
    return [...accessRecords(ctx, p), ...deviceLogins(ctx, p), ...managementPlane(ctx, p)]
  },
}
