import type {Lang, Severity} from '../model/index.js'

/** Every word the renderers print themselves, per language. */
export const LABELS: Record<Lang, {
  severity: Record<Severity, string>
  status: Record<'pass' | 'fail' | 'incomplete', string>
  findings: string
  noFindings: string
  devices: string
  configs: string
  recognized: string
  at: string
  ref: string
  fix: string
  evidence: string
  witness: string
  controls: Record<string, string>
}> = {
  en: {
    severity: {critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO'},
    status: {pass: 'PASS', fail: 'FAIL', incomplete: 'INCOMPLETE'},
    findings: 'finding(s)',
    noFindings: 'no findings',
    devices: 'devices',
    configs: 'config files',
    recognized: 'lines recognized',
    at: 'at',
    ref: 'ref',
    fix: 'fix',
    evidence: 'evidence',
    witness: 'witness',
    controls: {
      'physical-isolation': 'Physical isolation',
      'logical-isolation': 'Logical isolation',
      backup: 'Backup',
      'tiered-access': 'Tiered access',
      'emergency-plan': 'Emergency plans',
      'network-approval': 'Network approval',
      'device-hardening': 'Device hardening',
      'input-coverage': 'Input coverage',
      waivers: 'Waivers',
    },
  },
  'zh-CN': {
    severity: {critical: '严重', high: '高', medium: '中', low: '低', info: '提示'},
    status: {pass: '通过', fail: '不通过', incomplete: '不完整'},
    findings: '项问题',
    noFindings: '未发现问题',
    devices: '台设备',
    configs: '个配置文件',
    recognized: '行已识别',
    at: '位置',
    ref: '依据',
    fix: '整改',
    evidence: '证据',
    witness: '示例报文',
    controls: {
      'physical-isolation': '物理隔离',
      'logical-isolation': '逻辑隔离',
      backup: '数据备份',
      'tiered-access': '分级授权',
      'emergency-plan': '应急预案',
      'network-approval': '网络审批',
      'device-hardening': '设备加固',
      'input-coverage': '输入完整性',
      waivers: '豁免',
    },
  },
}
