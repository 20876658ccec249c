import type {Report} from './types.js'

/** SPEC §4, exactly: the report object is already the JSON document. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
