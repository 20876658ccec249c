import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {iptables} from '../../../src/vendors/iptables/index.js'

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/linux_netfilter', import.meta.url))

/** iptables-save dumps only: the folder also holds nftables rulesets and policy sources. */
function saveFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return saveFiles(p)
    return /^\*(filter|nat|mangle|raw)\s*$/m.test(readFileSync(p, 'latin1')) ? [p] : []
  })
}

describe.skipIf(!existsSync(CORPUS))('iptables corpus sweep', () => {
  it('parses every real iptables-save dump without throwing and reports its recognized share', () => {
    const files = saveFiles(CORPUS)
    expect(files.length).toBeGreaterThanOrEqual(10)
    let lines = 0
    let recognized = 0
    for (const file of files) {
      const cfg = iptables.parseConfig(readFileSync(file), file)
      expect(cfg.coverage.recognized + cfg.coverage.unrecognized.length).toBe(cfg.coverage.lines)
      expect(cfg.interfaces).toEqual([])
      for (const f of cfg.filters) for (const r of f.rules) if (r.action === 'unknown') expect(r.reason).toBeTruthy()
      lines += cfg.coverage.lines
      recognized += cfg.coverage.recognized
      console.log(`${file.slice(CORPUS.length + 1)}: ${cfg.coverage.recognized}/${cfg.coverage.lines}`)
    }
    console.log(`iptables corpus: ${recognized}/${lines} lines recognized (${((100 * recognized) / lines).toFixed(1)}%)`)
    expect(recognized / lines).toBeGreaterThan(0.8)
  })

  it('the Fedora dump: firewalld goto chains flatten, policies and statefulness as loaded', () => {
    const file = join(CORPUS, 'aosp-mirror__platform_external_iptables/iptables_save_ipt-save_dumps_fedora27-iptables')
    if (!existsSync(file)) return
    const cfg = iptables.parseConfig(readFileSync(file), file)
    const fwd = cfg.filters.find((f) => f.name === 'FORWARD')
    expect(fwd?.rules.length).toBeGreaterThan(0)
    expect(fwd?.rules.some((r) => (r.refs?.length ?? 0) > 0)).toBe(true)
  })
})
