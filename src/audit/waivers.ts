import path from 'node:path'
import {z} from 'zod'
import {type Diagnostic, InputError} from '../errors/input-error.js'
import {parseIsoDate} from '../inventory/dates.js'
import {displayPath, documentData, readYamlSource, type YamlSource} from '../inventory/yaml-source.js'
import {issueDiagnostics} from '../inventory/zod-issues.js'
import type {Finding, FindingDraft, SourceRef} from '../model/index.js'
import {RULE_ID} from '../policy/schema.js'
import {say} from '../controls/text.js'

const DAY_MS = 24 * 60 * 60 * 1000

export const WaiverSchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/, {error: 'a fingerprint is the 16 hex digits the report shows'}),
  owner: z.string().min(1).describe('Who answers for the waived finding'),
  reason: z.string().min(1).describe('Why the finding is accepted for now'),
  expires: z
    .string()
    .refine((t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && parseIsoDate(t) !== undefined, {error: 'expected a date YYYY-MM-DD', params: {hint: 'write the last day the waiver holds, e.g. 2026-12-31'}})
    .describe('Last day the waiver holds (YYYY-MM-DD)'),
  rule: z.string().regex(RULE_ID, {error: 'rule ids are UPPER-KEBAB, e.g. TA-WEAK-SECRET'}).optional().describe('The rule of the finding, as a check on the fingerprint'),
})
export type Waiver = z.output<typeof WaiverSchema>

export const WaiversFileSchema = z.strictObject({version: z.literal(1).optional(), waivers: z.array(WaiverSchema)})

export interface LoadedWaivers {
  file: string
  waivers: Waiver[]
  /** Where waiver `i` starts (file:line:col). */
  at(i: number): SourceRef
}

function duplicates(waivers: Waiver[], source: YamlSource): Diagnostic[] {
  const first = new Map<string, number>()
  const out: Diagnostic[] = []
  waivers.forEach((w, i) => {
    const seen = first.get(w.fingerprint)
    if (seen === undefined) first.set(w.fingerprint, i)
    else out.push(source.diagnostic(source.locate(['waivers', i, 'fingerprint']), `fingerprint ${w.fingerprint} is already waived at line ${source.locate(['waivers', seen]).line}`, 'keep one waiver per finding'))
  })
  return out
}

/** Read a waivers file (`--waivers`): bad input is an InputError at its node (exit 2). */
export async function loadWaivers(file: string): Promise<LoadedWaivers> {
  const source = await readYamlSource(path.resolve(file), displayPath(file))
  if (source.syntax.length) throw new InputError(source.syntax)
  const built = documentData(source)
  if ('error' in built) throw new InputError([built.error])
  const parsed = WaiversFileSchema.safeParse(built.data)
  if (!parsed.success) throw new InputError(issueDiagnostics(parsed.error.issues, WaiversFileSchema, built.data, source))
  const dup = duplicates(parsed.data.waivers, source)
  if (dup.length) throw new InputError(dup)
  return {file: source.file, waivers: parsed.data.waivers, at: (i) => source.locate(['waivers', i])}
}

/** A waiver holds through its expiry day (UTC) and is expired from the next day on. */
export function isExpired(w: Waiver, now: Date): boolean {
  return now.getTime() >= (parseIsoDate(w.expires) as Date).getTime() + DAY_MS
}

export interface WaiverOutcome {
  /** The findings still reported: waived ones removed, expired waivers' findings kept. */
  findings: Finding[]
  waived: number
  /** WV-EXPIRED and WV-UNMATCHED drafts, for the `waivers` control. */
  drafts: FindingDraft[]
}

/** Silence findings by fingerprint; expired and unmatched waivers become findings themselves. */
export function applyWaivers(findings: Finding[], loaded: LoadedWaivers, now: Date): WaiverOutcome {
  const byFingerprint = new Map(findings.map((f) => [f.fingerprint, f]))
  const silenced = new Set<string>()
  const drafts: FindingDraft[] = []
  loaded.waivers.forEach((w, i) => {
    const ref = loaded.at(i)
    const f = byFingerprint.get(w.fingerprint)
    const subject = `waiver:${w.fingerprint}`
    if (!f || (w.rule !== undefined && w.rule !== f.rule)) {
      const other = f ? say(`（该指纹对应的是 ${f.rule}，不是 ${w.rule}）`, ` (that fingerprint is a ${f.rule} finding, not ${w.rule})`) : say('', '')
      drafts.push({rule: 'WV-UNMATCHED', subject, location: ref, evidence: [ref], message: say(`豁免 ${w.fingerprint}（负责人 ${w.owner}）未匹配本次审计的任何问题${other['zh-CN']}。`, `Waiver ${w.fingerprint} (owner ${w.owner}) matches no finding of this audit${other.en}.`)})
      return
    }
    if (isExpired(w, now)) {
      drafts.push({rule: 'WV-EXPIRED', subject, ...(f.device ? {device: f.device} : {}), location: ref, evidence: [ref], message: say(`${f.rule} 问题 ${w.fingerprint} 的豁免已于 ${w.expires} 到期（负责人 ${w.owner}），该问题重新计入。`, `The waiver of ${f.rule} finding ${w.fingerprint} expired on ${w.expires} (owner ${w.owner}); the finding counts again.`)})
      return
    }
    silenced.add(w.fingerprint)
  })
  return {findings: findings.filter((f) => !silenced.has(f.fingerprint)), waived: silenced.size, drafts}
}
