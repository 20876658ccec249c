/** `waivers.yaml`: silences one finding by fingerprint, with an owner, a reason and an expiry (SPEC §3). */
export function renderWaivers(): string {
  return `# segaudit waivers —— 豁免：按指纹（报告中的 fingerprint）暂时接受某一项问题。
# Waivers silence one finding each, by the fingerprint the report prints, until they expire.
# Use with:  segaudit audit inventory.yaml --waivers waivers.yaml
# 到期的豁免本身会被报告为问题 / an expired waiver is itself reported as a finding.
version: 1
waivers: []
  # - fingerprint: 0123456789abcdef   # 报告中的 fingerprint / the finding's fingerprint
  #   owner: 张三                     # 责任人 who accepts the risk
  #   reason: 门户改版期间临时开放，变更单 CR-2026-001   # 理由 why, with the change ticket
  #   expires: 2026-12-31             # 最后有效日 last day the waiver holds (YYYY-MM-DD)
  #   rule: PI-TRUNK-MIXED            # 可选：核对指纹所属规则 optional check on the fingerprint
`
}
