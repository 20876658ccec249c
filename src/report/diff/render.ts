import type {DiffReport} from '../../diff/types.js'
import type {Lang} from '../../model/index.js'
import {renderDiffMarkdown} from './markdown.js'
import {renderDiffText} from './text.js'

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const
export type DiffFormat = (typeof DIFF_FORMATS)[number]

/** One renderer per format; JSON is the report object itself (docs/diff.md). */
export function renderDiff(report: DiffReport, format: DiffFormat, lang: Lang, color: boolean): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`
    case 'markdown':
      return renderDiffMarkdown(report, lang)
    case 'text':
      return renderDiffText(report, lang, color)
  }
}
