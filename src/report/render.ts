import type {Lang} from '../model/index.js'
import {renderJson} from './json.js'
import {renderText} from './text.js'
import type {Report} from './types.js'

export const REPORT_FORMATS = ['text', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** One renderer per format. */
export function renderReport(report: Report, format: ReportFormat, lang: Lang, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report)
    default:
      return renderText(report, lang, color)
  }
}
