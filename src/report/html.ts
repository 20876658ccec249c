import {CONTROL_IDS, SEVERITIES} from '../model/index.js'
import type {RenderContext} from './context.js'
import {LABELS} from './labels.js'
import type {Report} from './types.js'

function h(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

const STYLE = `body{font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:70rem;color:#222}
h1{font-size:1.4rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem}
.f{border-left:4px solid #999;padding:.3rem .8rem;margin:.8rem 0;background:#fafafa}.critical{border-color:#a00}.high{border-color:#d33}
.medium{border-color:#d90}.low{border-color:#39c}.info{border-color:#999}code{background:#eee;padding:0 .2rem}.dim{color:#666}`

/** A self-contained HTML page (no scripts, no external resources). */
export function renderHtml(report: Report, ctx: RenderContext): string {
  const L = LABELS[ctx.lang]
  const parts = [
    `<!doctype html><html lang="${ctx.lang}"><head><meta charset="utf-8"><title>segaudit ${h(report.inventory)}</title><style>${STYLE}</style></head><body>`,
    `<h1>segaudit — ${h(L.status[report.status])}</h1><p class="dim">${h(report.inventory)} · ${h(report.policy.id)} v${h(report.policy.version)} · ${h(report.now.slice(0, 10))}</p>`,
    `<table><tr>${SEVERITIES.map((s) => `<th>${h(L.severity[s])}</th>`).join('')}</tr><tr>${SEVERITIES.map((s) => `<td>${report.summary[s]}</td>`).join('')}</tr></table>`,
  ]
  for (const control of CONTROL_IDS) {
    const fs = report.findings.filter((f) => f.control === control)
    if (!fs.length) continue
    parts.push(`<h2>${h(L.controls[control] ?? control)} <span class="dim">(${control})</span></h2>`)
    for (const f of fs) {
      const ev = f.evidence.map((e) => `<li><code>${h(`${e.file}:${e.line}`)}</code> <code>${h(e.text)}</code></li>`).join('')
      parts.push(
        `<div class="f ${f.severity}"><b>${h(L.severity[f.severity])}</b> <code>${h(f.rule)}</code> ${h(f.device ?? '')} — <b>${h(f.title)}</b><p>${h(f.message)}</p>` +
          (f.location ? `<p>${h(L.at)} <code>${h(`${f.location.file}:${f.location.line}`)}</code></p>` : '') +
          (ev ? `<ul>${ev}</ul>` : '') +
          `<p class="dim">${h(L.ref)}: ${h(f.refs.join('; '))}<br>${h(L.fix)}: ${h(f.remediation)}</p></div>`,
      )
    }
  }
  if (!report.findings.length) parts.push(`<p>${h(L.noFindings)}</p>`)
  parts.push('</body></html>\n')
  return parts.join('\n')
}
