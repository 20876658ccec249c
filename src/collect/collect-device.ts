import {setTimeout as sleep} from 'node:timers/promises'
import type {ParsedKey} from 'ssh2'
import {connectSsh} from './connect.js'
import type {CredentialStore} from './credentials.js'
import {captureOverExec, captureOverShell, type DeviceCapture} from './device-session.js'
import {dialectFor} from '../vendors/registry.js'
import {DeviceFailure, isDeviceFailure} from './errors.js'
import type {HostKeyPolicy} from './host-keys.js'
import {devicePaths, type ManifestCommand, type ManifestDevice} from './manifest.js'
import {scrubSecrets} from './redact.js'
import type {CollectTarget} from './select.js'
import type {SnapshotWriter} from './snapshot-writer.js'

export interface DeviceRunContext {
  credentials: CredentialStore
  hostKeys: HostKeyPolicy
  writer: SnapshotWriter
  connectTimeoutMs: number
  commandTimeoutMs: number
  retries: number
  /** First retry delay; doubles each time, with jitter so a farm of devices does not retry in step. */
  retryDelayMs: number
  loadKey(file: string, passphrase: string | undefined): ParsedKey
}

function asFailure(error: unknown): DeviceFailure {
  if (isDeviceFailure(error)) return error
  return new DeviceFailure('protocol', error instanceof Error ? error.message : String(error))
}

async function captureOnce(target: CollectTarget, context: DeviceRunContext): Promise<DeviceCapture> {
  const credential = context.credentials.forDevice(target.id)
  const dialect = dialectFor(target.vendor)
  const client = await connectSsh(
    {host: target.mgmt.address, port: target.mgmt.port},
    {credential, hostKeys: context.hostKeys, timeoutMs: context.connectTimeoutMs, loadKey: context.loadKey},
  )
  try {
    const options = {idleTimeoutMs: context.commandTimeoutMs, username: credential.username, enableSecret: credential.enable}
    return dialect.transport === 'shell'
      ? await captureOverShell(client, dialect, options)
      : await captureOverExec(client, dialect, options)
  } finally {
    client.end()
  }
}

/** Collects one device, retrying what a retry can fix; never throws. */
export async function collectDevice(target: CollectTarget, context: DeviceRunContext): Promise<ManifestDevice> {
  const base = {id: target.id, vendor: target.vendor, address: target.mgmt.address, port: target.mgmt.port}
  const paths = devicePaths(target)
  for (let attempt = 1; ; attempt++) {
    const startedAt = new Date().toISOString()
    try {
      const {hostname, captures} = await captureOnce(target, context)
      const commands: ManifestCommand[] = []
      for (const capture of captures) {
        const entry: ManifestCommand = {role: capture.role, command: capture.command}
        if (capture.output) {
          const path = paths[capture.role]
          commands.push({...entry, path, ...(await context.writer.writeDeviceFile(path, capture.output))})
        } else {
          commands.push({...entry, error: capture.error ?? 'no output'})
        }
      }
      const finishedAt = new Date().toISOString()
      return {...base, ...(hostname ? {hostname} : {}), status: 'ok', startedAt, finishedAt, attempts: attempt, commands}
    } catch (error) {
      const failure = asFailure(error)
      if (failure.retryable && attempt <= context.retries) {
        const delay = context.retryDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random())
        await sleep(delay)
        continue
      }
      const secrets = context.credentials.secrets()
      const message = scrubSecrets(failure.message, secrets)
      return {
        ...base,
        status: 'failed',
        startedAt,
        finishedAt: new Date().toISOString(),
        attempts: attempt,
        commands: [],
        error: {kind: failure.kind, message, ...(failure.hint ? {hint: scrubSecrets(failure.hint, secrets)} : {})},
      }
    }
  }
}
