import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {huaweiUsg} from '../../../src/vendors/huawei-usg/index.js'

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/huawei_usg', import.meta.url))

function configFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return configFiles(p)
    return /\.(cfg|txt)$/.test(name) && !name.endsWith('.md.txt') ? [p] : []
  })
}

describe.skipIf(!existsSync(CORPUS))('huawei-usg corpus sweep', () => {
  const files = existsSync(CORPUS) ? configFiles(CORPUS) : []

  it('parses every real USG config without throwing and reports its recognized share', () => {
    expect(files.length).toBeGreaterThan(0)
    let lines = 0
    let recognized = 0
    for (const file of files) {
      const cfg = huaweiUsg.parseConfig(readFileSync(file), file)
      expect(cfg.coverage.recognized + cfg.coverage.unrecognized.length).toBe(cfg.coverage.lines)
      expect(cfg.hostname).toBeTruthy()
      // One security policy (first); the rest are ACLs guarding management access.
      expect(cfg.filters.filter((f) => f.kind === 'security-policy')).toHaveLength(1)
      expect(cfg.filters[0]?.kind).toBe('security-policy')
      for (const f of cfg.filters.slice(1)) expect(f.kind).toBe('acl')
      expect(cfg.coverage.unrecognized.every((u) => !u.reason?.startsWith('parser error'))).toBe(true)
      lines += cfg.coverage.lines
      recognized += cfg.coverage.recognized
      console.log(`${file.slice(CORPUS.length + 1)}: ${cfg.coverage.recognized}/${cfg.coverage.lines}`)
    }
    console.log(`huawei-usg corpus: ${recognized}/${lines} lines recognized (${((100 * recognized) / lines).toFixed(1)}%)`)
    expect(recognized / lines).toBeGreaterThan(0.8)
  })

  it('models the HRP master and backup alike apart from their own addresses', () => {
    const dir = join(CORPUS, 'abodakhairat5__HCIA-Security-Final-Project')
    const master = huaweiUsg.parseConfig(readFileSync(join(dir, 'USG_hrp_MASTER.cfg')), 'm')
    const backup = huaweiUsg.parseConfig(readFileSync(join(dir, 'USG_hrp_BACKUP.cfg')), 'b')
    expect(master.securityZones.map((z) => z.name)).toEqual(backup.securityZones.map((z) => z.name))
    expect(master.filters[0]?.defaultAction).toBe('permit')
  })

  it('reports the vsys sections of the data-centre pair as not modelled', () => {
    const cfg = huaweiUsg.parseConfig(readFileSync(join(CORPUS, 'Demonkkz__Underlay/real_dc_USG6000_FW1.txt')), 'fw1')
    expect(cfg.hostname).toBe('FW1')
    expect(cfg.coverage.unrecognized.some((u) => u.context?.startsWith('switch vsys'))).toBe(true)
    expect(cfg.securityZones.find((z) => z.name === 'trust')?.interfaces).toEqual(['GigabitEthernet0/0/0', 'GigabitEthernet1/0/1'])
  })
})
