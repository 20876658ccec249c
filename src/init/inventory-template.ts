/** What `segaudit init` writes into `inventory.yaml`. */
export interface InventoryTemplateOptions {
  /** `$schema` reference for editors (path relative to the inventory, or a file URL). */
  schemaRef: string
  /** Policy file the inventory names (with --with-policy); else the `policy:` line stays commented. */
  policy?: string
  /**
   * `commented`: the scaffold users get (every example commented out, so it validates as it is);
   * `active`: the same examples live, which tests load to prove the examples themselves are valid.
   */
  examples: 'commented' | 'active'
}

// Zones use documentation prefixes (RFC 5737) so nothing real is claimed until the user edits them.
const HEADER = `# segaudit inventory (SPEC §2). 清单：网络意图 —— 区域、设备、布线、业务流、管理记录。
# Fill it in, then run:  segaudit validate inventory.yaml  &&  segaudit audit inventory.yaml
# 填写后运行上面两条命令；字段说明见 docs/inventory.md。Lines starting with # are comments (以 # 开头的行是注释).
version: 1
name: 示例单位电子政务网络 (Example e-government network)   # 网络名称，出现在报告中 / shown in reports
`

function policyLines(policy: string | undefined): string {
  const why = '策略包（相对本文件）；缺省为内置 tianjin-egov / policy pack, relative to this file; default: built-in tianjin-egov'
  return policy ? `policy: ${policy}   # ${why}\n` : `# policy: policy.yaml   # ${why}\n`
}

const CONFIGS = `configs: configs/   # 设备配置与邻居表所在目录 / folder of device configs and LLDP/CDP tables
`

const ZONES = `
# 区域 zones —— id: 唯一标识 unique id; kind: intranet | extranet | portal | internet | management | other;
# name: 显示名 display name; prefixes: 该区域的地址段 the address ranges of the zone (longest prefix wins).
# The prefixes below are documentation ranges (RFC 5737): replace them with your own.
# 以下地址段为文档示例地址，请替换为本单位实际地址段。
zones:
  - {id: intranet, kind: intranet, name: 政务内网,     prefixes: [192.0.2.0/24]}      # 与其他区域物理隔离 physically isolated
  - {id: extranet, kind: extranet, name: 政务外网,     prefixes: [198.51.100.0/24]}   # 与门户逻辑隔离 logically isolated from the portal
  - {id: portal,   kind: portal,   name: 政务门户网站, prefixes: [203.0.113.0/24]}    # 对互联网提供服务 serves the Internet
  - {id: internet, kind: internet, name: 互联网,       prefixes: [0.0.0.0/0]}         # 其余地址 everything else
  # - {id: mgmt, kind: management, name: 管理区, prefixes: [192.0.2.240/28]}         # 带外管理 out-of-band management
`

const DEVICES_INTRO = `
# 设备 devices —— role: router | switch | firewall | server | workstation | isolation-gateway;
# vendor: huawei-vrp | huawei-usg | h3c-comware | cisco-ios | cisco-asa | juniper-junos | iptables;
# config / neighbors: 配置文件与 LLDP/CDP 邻居表（相对 configs/）files under configs/ (see configs/README.md);
# zone: 所属区域，主机与交换机必填；边界设备按接口地址归属 home zone, required for hosts and switches;
# mgmt: segaudit collect 使用的管理地址 management address used by collect.
# 取消注释一个示例并删除 [] 即可启用 / uncomment an example and delete the [] to use it.
`

const DEVICE_EXAMPLES = `- id: nw-core-1                  # 内网核心交换机 intranet core switch
  zone: intranet
  role: switch
  vendor: huawei-vrp
  config: nw-core-1.cfg
  neighbors: nw-core-1.lldp.txt
  mgmt: {address: 192.0.2.1, port: 22}
- id: ww-edge-1                  # 外网边界路由器：无 zone，接口按地址归属 edge router, zones from its addresses
  role: router
  vendor: cisco-ios
  config: ww-edge-1.cfg
  neighbors: ww-edge-1.cdp.txt
  mgmt: {address: 198.51.100.1, port: 22}
  exit: true                     # 经批准的互联网出口 an approved Internet exit
- id: ww-fw-1                    # 外网与门户之间的防火墙 firewall between extranet and portal
  role: firewall
  vendor: huawei-usg
  config: ww-fw-1.cfg
  mgmt: {address: 198.51.100.2, port: 22}
- id: gap-1                      # 网闸（需保密部门批准）isolation gateway, only where the policy allows it
  role: isolation-gateway
  interfaces: [{name: eth0, address: 192.0.2.250/24}, {name: eth1, address: 198.51.100.250/24}]
- id: oa-app-1                   # 没有配置文件的主机：在此列出接口 a host without a config: list its interfaces
  zone: intranet
  role: server
  interfaces: [{name: eth0, address: 192.0.2.10/24}]
- id: ww-pc-1                    # 外网终端 extranet workstation
  zone: extranet
  role: workstation
  interfaces: [{name: eth0, address: 198.51.100.21/24}]
`

const FLOWS = `
# 批准的跨区业务流 approved cross-zone flows —— from/to: 区域、设备、地址或地址段 zone, device, address or prefix;
# proto: tcp | udp | icmp | any; ports: 目的端口或 a-b 范围 destination ports or ranges; why: 用途 purpose.
`
const FLOW_EXAMPLES = `- {id: web,     from: internet,         to: [203.0.113.10], proto: tcp, ports: [80, 443], why: 公众访问门户网站}
- {id: publish, from: 198.51.100.0/28,  to: 203.0.113.20,   proto: tcp, ports: [443],     why: 门户内容发布}
`

const LINKS = `
# 物理布线 cabling records —— [设备:接口, 设备:接口] [device:interface, device:interface]
`
const LINK_EXAMPLES = `- [nw-core-1:GigabitEthernet0/0/1, oa-app-1:eth0]
`

const SYSTEMS = `
# 信息系统 information systems —— importance: critical | important | general;
# classification: access.levels 中的一级 one of access.levels; hosts: 承载该系统的设备 devices hosting it.
`
const SYSTEM_EXAMPLES = `- {id: oa, name: 协同办公系统, zone: intranet, importance: important, classification: confidential, hosts: [oa-app-1]}
`

const BACKUPS = `
# 备份 backups —— interval: 30m 4h 1d 2w 6mo 1y; copies.location: local | same-city | remote (同城/异地);
# lastSuccess / lastRestoreTest: 最近一次成功备份与恢复测试的日期 dates of the last backup and restore test.
`
const BACKUP_EXAMPLES = `- system: oa
  interval: 1d
  lastSuccess: 2026-01-01T02:00:00+08:00
  copies: [{location: local, site: 本地机房}, {location: remote, site: 异地灾备中心}]
  lastRestoreTest: 2026-01-01
`

const PLANS = `
# 应急预案 emergency plans —— covers: 系统 id 或 network; approved/lastReview/drills: 批准、评审、演练日期;
# contacts: 联系人 contacts; rto/rpo: 恢复时间与恢复点目标 recovery time and point objectives.
`
const PLAN_EXAMPLES = `- id: ep-network
  title: 网络安全事件应急预案
  document: docs/ep-network.pdf
  covers: [network, oa]
  approved: 2026-01-10
  lastReview: 2026-01-10
  drills: [2026-05-20]
  contacts: [{name: 张三, role: 应急负责人, phone: "000-0000-0000"}]
  rto: 4h
  rpo: 24h
`

const ACCESS = `
# 分级授权 tiered access —— levels: 密级，由低到高 classification levels, lowest first;
# duties: system-admin | security-admin | audit-admin | operator | user (三员分立 separate admins);
# logins: 该账号在设备上的用户名 the account's usernames on devices; grants.access: admin | write | read.
access:
  levels: [public, internal, confidential, secret]
`
const ACCOUNT_EXAMPLES = `- id: sysadmin1
  name: 系统管理员
  clearance: confidential
  duties: [system-admin]
  logins: [{device: nw-core-1, username: sysadmin1}]
`
const GRANT_EXAMPLES = `- {account: sysadmin1, system: oa, access: admin}
`

/** Indent a block; comment it out unless the examples are active. */
function block(text: string, indent: string, mode: InventoryTemplateOptions['examples']): string {
  const prefix = mode === 'active' ? indent : `${indent}# `
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n')
    .concat('\n')
}

/** `key:` followed by its examples, or `key: []` with the examples commented out. */
function list(key: string, examples: string, indent: string, mode: InventoryTemplateOptions['examples']): string {
  return `${indent}${key}:${mode === 'active' ? '' : ' []'}\n${block(examples, `${indent}  `, mode)}`
}

export function renderInventory(opts: InventoryTemplateOptions): string {
  const m = opts.examples
  return [
    `# yaml-language-server: $schema=${opts.schemaRef}\n`,
    HEADER,
    policyLines(opts.policy),
    CONFIGS,
    ZONES,
    DEVICES_INTRO,
    list('devices', DEVICE_EXAMPLES, '', m),
    FLOWS,
    list('flows', FLOW_EXAMPLES, '', m),
    LINKS,
    list('links', LINK_EXAMPLES, '', m),
    SYSTEMS,
    list('systems', SYSTEM_EXAMPLES, '', m),
    BACKUPS,
    list('backups', BACKUP_EXAMPLES, '', m),
    PLANS,
    list('plans', PLAN_EXAMPLES, '', m),
    ACCESS,
    list('accounts', ACCOUNT_EXAMPLES, '  ', m),
    list('grants', GRANT_EXAMPLES, '  ', m),
  ].join('')
}
