import {createHash} from 'node:crypto'
import type {ControlId, Finding, FindingDraft, Lang, SourceRef} from '../model/index.js'
import type {Policy} from '../policy/types.js'
import {redactLine} from '../vendors/common/redact.js'
import {SourceText} from './source-text.js'

const sources = new SourceText()

/** Stable across runs and line moves: built from what is wrong, never from where it is. */
export function fingerprint(control: ControlId, draft: FindingDraft): string {
  return createHash('sha256')
    .update(`${control}\u0000${draft.rule}\u0000${draft.device ?? ''}\u0000${draft.subject}`)
    .digest('hex')
    .slice(0, 16)
}

function evidenceOf(refs: SourceRef[]): Finding['evidence'] {
  const seen = new Set<string>()
  const out: Finding['evidence'] = []
  for (const r of refs) {
    const k = `${r.file}:${r.line}`
    if (seen.has(k)) continue
    seen.add(k)
    out.push({file: r.file, line: r.line, text: redactLine(r.text ?? sources.line(r.file, r.line))})
  }
  return out
}

/** Apply the policy's severity, texts and references to a control's draft. */
export function finalize(control: ControlId, draft: FindingDraft, policy: Policy, lang: Lang): Finding {
  const rule = policy.rules[draft.rule]
  const f: Finding = {
    fingerprint: fingerprint(control, draft),
    control,
    rule: draft.rule,
    severity: draft.severity ?? rule?.severity ?? 'medium',
    title: rule?.title[lang] ?? draft.rule,
    message: redactLine(draft.message[lang]),
    evidence: evidenceOf(draft.evidence ?? []),
    refs: rule?.refs[lang] ?? [],
    remediation: rule?.remediation[lang] ?? '',
  }
  if (draft.device) f.device = draft.device
  if (draft.zones?.length) f.zones = draft.zones
  if (draft.location) f.location = {file: draft.location.file, line: draft.location.line}
  if (draft.witness) f.witness = draft.witness
  return f
}
