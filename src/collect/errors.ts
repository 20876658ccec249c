/** Why one device could not be collected. The kind decides whether a retry can help. */
export type FailureKind =
  | 'host-key-unknown'
  | 'host-key-changed'
  | 'host-key-revoked'
  | 'auth'
  | 'credentials'
  | 'connect'
  | 'timeout'
  | 'disconnected'
  | 'prompt'
  | 'command-rejected'
  | 'exec-refused'
  | 'protocol'

// Retrying these would hammer a login (lockouts) or ignore a security verdict.
const FINAL: ReadonlySet<FailureKind> = new Set([
  'host-key-unknown',
  'host-key-changed',
  'host-key-revoked',
  'auth',
  'credentials',
  'command-rejected',
  'exec-refused',
])

/** A device-level failure: recorded in the manifest, never stops the other devices. */
export class DeviceFailure extends Error {
  override readonly name = 'DeviceFailure'
  readonly kind: FailureKind
  /** One line telling the operator what to do. */
  readonly hint?: string

  constructor(kind: FailureKind, message: string, hint?: string) {
    super(message)
    this.kind = kind
    if (hint) this.hint = hint
  }

  get retryable(): boolean {
    return !FINAL.has(this.kind)
  }
}

export function isDeviceFailure(error: unknown): error is DeviceFailure {
  return error instanceof DeviceFailure
}

/** Bad flags, unreadable known_hosts or credentials file, a locked output folder: exit 2. */
export class CollectUsageError extends Error {
  override readonly name = 'CollectUsageError'
  readonly hint?: string

  constructor(message: string, hint?: string) {
    super(message)
    if (hint) this.hint = hint
  }
}

export function isCollectUsageError(error: unknown): error is CollectUsageError {
  return error instanceof CollectUsageError
}
