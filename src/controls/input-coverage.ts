import type {FindingDraft} from '../model/index.js'
import {say} from './text.js'
import type {Control} from './types.js'

/** Nothing is silently dropped: unreadable files, unknown vendors and unrecognized lines are findings. */
export const inputCoverage: Control = {
  id: 'input-coverage',
  run(ctx) {
    const max = Number(ctx.policy.parameters['input-coverage']?.maxEvidence ?? 20)
    const out: FindingDraft[] = []
    for (const input of ctx.inputs) {
      if (input.status === 'unreadable') {
        out.push({
          rule: 'IC-UNREADABLE',
          subject: `${input.kind}:${input.device}`,
          device: input.device,
          location: input.ref,
          evidence: [input.ref],
          message: say(`无法读取 ${input.device} 的文件 ${input.file}：${input.error ?? ''}`, `Cannot read ${input.file} of ${input.device}: ${input.error ?? ''}`),
        })
      } else if (input.status === 'unknown-vendor') {
        out.push({
          rule: 'IC-UNKNOWN-VENDOR',
          subject: `${input.kind}:${input.device}`,
          device: input.device,
          location: input.ref,
          evidence: [input.ref],
          message: say(
            `${input.device} 的厂商 ${input.vendor ?? '(未指定)'} 暂不支持解析 ${input.kind === 'config' ? '配置' : '邻居表'}，该设备未被审计。`,
            `${input.device}: vendor ${input.vendor ?? '(none)'} has no ${input.kind === 'config' ? 'configuration' : 'neighbor-table'} parser; the device was not audited.`,
          ),
        })
      } else if (input.coverage && input.coverage.unrecognized.length > 0) {
        const un = input.coverage.unrecognized
        const first = un[0]
        out.push({
          rule: 'IC-UNRECOGNIZED',
          subject: `${input.kind}:${input.device}`,
          device: input.device,
          ...(first ? {location: {file: first.file, line: first.line, text: first.text}} : {}),
          evidence: un.slice(0, max).map((u) => ({file: u.file, line: u.line, text: u.text})),
          message: say(
            `${input.file} 中有 ${un.length} 行无法识别（共 ${input.coverage.lines} 行）${un.length > max ? `，仅列出前 ${max} 行` : ''}。`,
            `${input.file} has ${un.length} unrecognized line(s) of ${input.coverage.lines}${un.length > max ? `; the first ${max} are listed` : ''}.`,
          ),
        })
      }
    }
    return out
  },
}
