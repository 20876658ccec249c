import type {LoadedInventory} from '../inventory/types.js'
import type {ControlId, FindingDraft} from '../model/index.js'
import type {NetworkModel} from '../network/types.js'
import type {Policy} from '../policy/types.js'

/** What every control reads: the model and the policy, never vendor text. */
export interface AuditContext {
  inventory: LoadedInventory
  policy: Policy
  network: NetworkModel
  /** The clock for every date-based rule (`--now`). */
  now: Date
}

export interface Control {
  id: ControlId
  run(ctx: AuditContext): FindingDraft[] | Promise<FindingDraft[]>
}
