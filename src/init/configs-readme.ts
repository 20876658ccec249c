import {dialectFor} from '../vendors/registry.js'
import {VENDOR_IDS} from '../model/index.js'

/** The export commands come from the collect dialects, so the README says what `collect` would run. */
function vendorRows(): string {
  return VENDOR_IDS.map((vendor) => {
    const d = dialectFor(vendor)
    const pager = d.pagingOff.map((c) => `\`${c}\``).join(' / ') || '—'
    const neighbors = d.commands.neighbors ? `\`${d.commands.neighbors}\`` : '— (无 LLDP/CDP none)'
    return `| \`${vendor}\` | ${pager} | \`${d.commands.config}\` | ${neighbors} |`
  }).join('\n')
}

export function renderConfigsReadme(): string {
  return `# configs/ — 设备配置与邻居表 device configs and neighbor tables

每台设备在 \`inventory.yaml\` 中的 \`config:\` 与 \`neighbors:\` 文件放在此目录（路径相对 \`configs/\`）。
Every device's \`config:\` and \`neighbors:\` file named in \`inventory.yaml\` lives here (paths relative to \`configs/\`).

## 自动采集 Collect automatically

\`\`\`sh
segaudit collect inventory.yaml --out snapshots/
segaudit audit inventory.yaml --snapshot snapshots/latest
\`\`\`

\`collect\` 通过 SSH 登录每台配置了 \`mgmt:\` 的设备，执行下表命令，保存为带日期的快照。
凭据来自 ssh-agent 或环境变量 \`SEGAUDIT_SSH_USER\` / \`SEGAUDIT_SSH_PASSWORD\` / \`SEGAUDIT_SSH_KEY\`，绝不写入清单。
\`collect\` logs in over SSH to every device with \`mgmt:\`, runs the commands below and stores a dated
snapshot. Credentials come from ssh-agent or the environment, never from the inventory.

## 手工导出 Export by hand

先关闭分页，再执行配置命令与邻居命令，将完整输出分别保存为一个文本文件（UTF-8 或 GBK 均可；
提示符与分页残留会被忽略）。
Turn paging off, run the config command and the neighbor command, and save each complete output as
one text file (UTF-8 or GBK; prompts and pager residue are tolerated).

| vendor | 关闭分页 paging off | 配置 config | 邻居 neighbors |
|---|---|---|---|
${vendorRows()}

也接受详细输出 Detailed outputs are accepted too: Cisco IOS \`show lldp neighbors detail\`,
Huawei \`display lldp neighbor\`, H3C \`display lldp neighbor-information verbose\`.

例如 For example:

\`\`\`
<nw-core-1> screen-length 0 temporary
<nw-core-1> display current-configuration      → configs/nw-core-1.cfg
<nw-core-1> display lldp neighbor brief        → configs/nw-core-1.lldp.txt
\`\`\`

配置中的口令密文与团体字不会出现在任何报告中；但请像对待配置本身一样保管此目录。
Secrets in configs never reach a report, but keep this folder as safe as the configs themselves.
`
}
