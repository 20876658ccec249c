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

/** Words of the `segaudit diff` renderers, per language. */
export const DIFF_LABELS: Record<Lang, {
  title: string
  findings: string
  added: string
  removed: string
  unchanged: string
  findingsAdded: string
  findingsRemoved: string
  flowsOpened: string
  flowsClosed: string
  flows: string
  noChanges: string
  before: string
  after: string
  from: string
  to: string
  services: string
  rule: string
  device: string
  message: string
  sideIncomplete: string
  mayPass: string
}> = {
  en: {
    title: 'segaudit diff',
    findings: 'findings',
    added: 'added',
    removed: 'removed',
    unchanged: 'unchanged',
    findingsAdded: 'Findings added',
    findingsRemoved: 'Findings removed',
    flowsOpened: 'Flows opened',
    flowsClosed: 'Flows closed',
    flows: 'flows',
    noChanges: 'no changes',
    before: 'before',
    after: 'after',
    from: 'from',
    to: 'to',
    services: 'services',
    rule: 'rule',
    device: 'device',
    message: 'message',
    sideIncomplete: 'incomplete: some input could not be read or understood (see segaudit audit)',
    mayPass: 'may pass: a rule on its path could not be decided',
  },
  'zh-CN': {
    title: 'segaudit 变更比对',
    findings: '问题',
    added: '新增',
    removed: '消除',
    unchanged: '未变',
    findingsAdded: '新增问题',
    findingsRemoved: '消除的问题',
    flowsOpened: '新开通的流量',
    flowsClosed: '被阻断的流量',
    flows: '流量',
    noChanges: '无变化',
    before: '变更前',
    after: '变更后',
    from: '源区域',
    to: '目的区域',
    services: '服务',
    rule: '规则',
    device: '设备',
    message: '说明',
    sideIncomplete: '不完整：部分输入无法读取或识别（详见 segaudit audit）',
    mayPass: '可能放行：路径上有无法判定的规则',
  },
}
