import {createRequire} from 'node:module'
import {CONTROLS} from '../controls/registry.js'
import type {AuditContext, DeviceInput} from '../controls/types.js'
import {InputError} from '../errors/input-error.js'
import {loadSnapshot} from '../collect/snapshot.js'
import {loadInventory} from '../inventory/load.js'
import type {LoadedInventory} from '../inventory/types.js'
import {type Finding, type Lang, SEVERITIES, type Severity} from '../model/index.js'
import {buildNetwork} from '../network/build.js'
import {danglingLinkEnds} from '../network/links.js'
import type {NetworkModel} from '../network/types.js'
import {loadPolicy} from '../policy/load.js'
import type {Policy} from '../policy/types.js'
import type {AuditStatus, Report} from '../report/types.js'
import {loadBaseline, markBaseline} from './baseline.js'
import {finalize} from './finalize.js'
import {type FileResolver, displayPath, readDevices} from './read-devices.js'
import {applyWaivers, loadWaivers} from './waivers.js'

export interface AuditOptions {
  inventory: string
  policy?: string
  now: Date
  lang: Lang
  failOn: Severity | 'none'
  /** Audit a collected snapshot's files instead of the inventory's (`--snapshot DIR`). */
  snapshot?: string
  /** `--waivers FILE`: findings silenced by fingerprint until their expiry. */
  waivers?: string
  /** `--baseline REPORT.json`: findings already known are marked and do not fail the audit. */
  baseline?: string
}

export interface AuditRun {
  report: Report
  network: NetworkModel
  loaded: LoadedInventory
  policy: Policy
  inputs: DeviceInput[]
}

const pkg = createRequire(import.meta.url)('../../package.json') as {version: string}
export const TOOL_VERSION = pkg.version

/** Load everything the audit needs; bad input throws InputError (exit 2). */
export async function loadModel(opts: Pick<AuditOptions, 'inventory' | 'policy' | 'snapshot'>) {
  const snapshot = opts.snapshot ? loadSnapshot(opts.snapshot) : undefined
  const loaded = await loadInventory(opts.inventory, {checkDeviceFiles: !snapshot})
  const {policy} = await loadPolicy(opts.policy ?? loaded.inventory.policy, opts.policy ? process.cwd() : loaded.dir)
  const resolve: FileResolver | undefined = snapshot ? (_d, _k, rel) => snapshot.resolveDeviceFile(rel) : undefined
  const {files, inputs} = await readDevices(loaded, resolve)
  const configTakenAt = new Map<string, Date>()
  for (const i of inputs) if (i.kind === 'config' && i.takenAt) configTakenAt.set(i.device, i.takenAt)
  // A snapshot's manifest knows when each device was collected; a file's mtime is only a fallback.
  for (const d of snapshot?.manifest.devices ?? []) if (d.status === 'ok') configTakenAt.set(d.id, new Date(d.finishedAt))
  const privateRanges = (policy.parameters['network-approval']?.privateRanges as string[] | undefined) ?? []
  const network = buildNetwork(loaded, files, privateRanges)
  const dangling = danglingLinkEnds(loaded, network.devices)
  if (dangling.length) {
    throw new InputError(
      dangling.map((p) => {
        const at = loaded.locate(p.path)
        return {file: at.file, line: at.line, col: at.col ?? 1, message: p.message, hint: p.hint}
      }),
    )
  }
  return {loaded, policy, network, inputs, configTakenAt}
}

export function statusOf(findings: Finding[], inputs: DeviceInput[], policy: Policy, failOn: Severity | 'none'): AuditStatus {
  const strict = policy.parameters['input-coverage']?.incompleteOnUnrecognized !== false
  const incomplete = inputs.some(
    (i) => i.status !== 'parsed' || (strict && (i.coverage?.unrecognized.length ?? 0) > 0),
  )
  if (incomplete) return 'incomplete'
  if (failOn === 'none') return 'pass'
  const limit = SEVERITIES.indexOf(failOn)
  return findings.some((f) => !f.baseline && SEVERITIES.indexOf(f.severity) <= limit) ? 'fail' : 'pass'
}

export async function runAudit(opts: AuditOptions): Promise<AuditRun> {
  const {loaded, policy, network, inputs, configTakenAt} = await loadModel(opts)
  const waivers = opts.waivers ? await loadWaivers(opts.waivers) : undefined
  const baseline = opts.baseline ? await loadBaseline(opts.baseline) : undefined
  const ctx: AuditContext = {inventory: loaded, policy, network, now: opts.now, inputs, configTakenAt}
  let findings: Finding[] = []
  for (const control of CONTROLS) {
    for (const draft of await control.run(ctx)) findings.push(finalize(control.id, draft, policy, opts.lang))
  }
  let waived: number | undefined
  if (waivers) {
    const outcome = applyWaivers(findings, waivers, opts.now)
    findings = [...outcome.findings, ...outcome.drafts.map((d) => finalize('waivers', d, policy, opts.lang))]
    waived = outcome.waived
  }
  if (baseline) markBaseline(findings, baseline)
  findings.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      a.control.localeCompare(b.control) ||
      a.rule.localeCompare(b.rule) ||
      (a.device ?? '').localeCompare(b.device ?? '') ||
      a.fingerprint.localeCompare(b.fingerprint),
  )
  const summary = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>
  const report: Report = {
    schema: 'segaudit/report@1',
    tool: {name: 'segaudit', version: TOOL_VERSION},
    inventory: displayPath(loaded.file.startsWith('/') ? loaded.file : `${process.cwd()}/${loaded.file}`),
    policy: {id: policy.id, version: policy.version},
    now: opts.now.toISOString(),
    status: statusOf(findings, inputs, policy, opts.failOn),
    summary,
    ...(waived !== undefined ? {waived} : {}),
    findings,
    coverage: inputs
      .filter((i) => i.kind === 'config')
      .map((i) => ({
        device: i.device,
        file: i.file,
        vendor: i.vendor ?? '',
        lines: i.coverage?.lines ?? 0,
        recognized: i.coverage?.recognized ?? 0,
        unrecognized: i.coverage?.unrecognized.length ?? 0,
      })),
  }
  return {report, network, loaded, policy, inputs}
}
