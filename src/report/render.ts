import type {RenderContext} from './context.js'
import {renderCsv} from './csv.js'
import {renderHtml} from './html.js'
import {renderJson} from './json.js'
import {renderJunit} from './junit.js'
import {renderMarkdown} from './markdown.js'
import {renderSarif} from './sarif.js'
import {renderText} from './text.js'
import type {Report} from './types.js'

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'html', 'markdown', 'csv'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** One renderer per format. */
export function renderReport(report: Report, format: ReportFormat, ctx: RenderContext): string {
  switch (format) {
    case 'json':
      return renderJson(report)
    case 'sarif':
      return renderSarif(report, ctx)
    case 'junit':
      return renderJunit(report, ctx)
    case 'html':
      return renderHtml(report, ctx)
    case 'markdown':
      return renderMarkdown(report, ctx)
    case 'csv':
      return renderCsv(report)
    case 'text':
      return renderText(report, ctx.lang, ctx.color)
  }
}

export function renderContext(policy: {rules: Record<string, {control: RenderContext['rules'][number]['control']; severity: RenderContext['rules'][number]['severity']; title: Record<string, string>; refs: Record<string, string[]>; remediation: Record<string, string>}>}, lang: RenderContext['lang'], color: boolean): RenderContext {
  return {
    lang,
    color,
    rules: Object.entries(policy.rules).map(([id, r]) => ({
      id,
      control: r.control,
      severity: r.severity,
      title: r.title[lang] ?? id,
      refs: r.refs[lang] ?? [],
      remediation: r.remediation[lang] ?? '',
    })),
  }
}
