import type {LoadedInventory} from '../inventory/types.js'
import type {ControlId, Coverage, FindingDraft, SourceRef} from '../model/index.js'
import type {NetworkModel} from '../network/types.js'
import type {Policy} from '../policy/types.js'

/** What every control reads: the model and the policy, never vendor text. */
export interface AuditContext {
  inventory: LoadedInventory
  policy: Policy
  network: NetworkModel
  /** The clock for every date-based rule (`--now`). */
  now: Date
  /** How each device file was read: the basis of `input-coverage`. */
  inputs: DeviceInput[]
  /** When each device's configuration was taken: the snapshot manifest's time, else the file's mtime. */
  configTakenAt: Map<string, Date>
}

/** One device file as the audit read it. */
export interface DeviceInput {
  device: string
  kind: 'config' | 'neighbors'
  /** Display path (relative to the working directory). */
  file: string
  vendor?: string
  status: 'parsed' | 'unreadable' | 'unknown-vendor'
  /** Why it could not be read (never contains file contents). */
  error?: string
  coverage?: Coverage
  /** When the file was taken (collection time or modification time). */
  takenAt?: Date
  /** Where the inventory names the file. */
  ref: SourceRef
}

export interface Control {
  id: ControlId
  run(ctx: AuditContext): FindingDraft[] | Promise<FindingDraft[]>
}
