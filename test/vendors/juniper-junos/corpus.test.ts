import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {juniperJunos} from '../../../src/vendors/juniper-junos/index.js'

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/juniper_junos', import.meta.url))

/** Configurations only: ntc-templates show outputs, capirca policies and Python oracles are not. */
function configFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return name === 'networktocode__ntc-templates' || name === 'policy_src' ? [] : configFiles(p)
    return /\.py$/.test(name) ? [] : [p]
  })
}

describe.skipIf(!existsSync(CORPUS))('juniper-junos corpus sweep', () => {
  it('parses every real Junos config without throwing and reports its recognized share', () => {
    const files = configFiles(CORPUS)
    expect(files.length).toBeGreaterThanOrEqual(15)
    let lines = 0
    let recognized = 0
    for (const file of files) {
      const cfg = juniperJunos.parseConfig(readFileSync(file), file)
      expect(cfg.coverage.recognized + cfg.coverage.unrecognized.length).toBe(cfg.coverage.lines)
      expect(cfg.coverage.unrecognized.every((u) => !u.reason?.startsWith('parser error'))).toBe(true)
      for (const f of cfg.filters) for (const r of f.rules) if (r.action === 'unknown') expect(r.reason).toBeTruthy()
      expect(JSON.stringify(cfg)).not.toMatch(/\$[156]\$[^<\s"]+/)
      lines += cfg.coverage.lines
      recognized += cfg.coverage.recognized
      console.log(`${file.slice(CORPUS.length + 1)}: ${cfg.coverage.recognized}/${cfg.coverage.lines}`)
    }
    console.log(`juniper-junos corpus: ${recognized}/${lines} lines recognized (${((100 * recognized) / lines).toFixed(1)}%)`)
    expect(recognized / lines).toBeGreaterThan(0.9)
  })

  it('Batfish firewall-policies: one zone-pair policy permitting everything from trust to untrust', () => {
    const file = join(CORPUS, 'batfish__batfish/testconfigs/firewall-policies')
    if (!existsSync(file)) return
    const cfg = juniperJunos.parseConfig(readFileSync(file), file)
    const policy = cfg.filters.find((f) => f.kind === 'security-policy')
    expect(policy?.rules.map((r) => [r.id, r.action, r.fromZones, r.toZones])).toEqual([['PNAME', 'permit', ['trust'], ['untrust']]])
    expect(cfg.securityZones.map((z) => z.name)).toEqual(['trust', 'untrust'])
  })
})
