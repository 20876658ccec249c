import type {ControlId, Lang, Severity} from '../model/index.js'

/** What renderers may know beyond the report: the language, colour, and the policy's rule list. */
export interface RenderContext {
  lang: Lang
  color: boolean
  /** Every rule of the policy, so JUnit/SARIF can list rules that passed too. */
  rules: {id: string; control: ControlId; severity: Severity; title: string; refs: string[]; remediation: string}[]
}
