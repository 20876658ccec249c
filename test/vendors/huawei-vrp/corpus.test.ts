import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {huaweiVrp} from '../../../src/vendors/huawei-vrp/index.js'
import {corpusPresent, corpusRoot} from './helpers.js'

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

const root = join(corpusRoot, 'huawei_vrp')
/** Running configs and config scripts: text files that set a sysname (displays of other commands do not). */
const configs = corpusPresent
  ? walk(root).filter((f) => /\.(cfg|txt)$/.test(f) && /^\s*sysname\s/m.test(readFileSync(f, 'latin1')))
  : []

describe.skipIf(!corpusPresent)('Huawei VRP corpus sweep', () => {
  it('finds the corpus configs', () => {
    expect(configs.length).toBeGreaterThan(20)
  })

  it('parses every VRP config without throwing and reports the recognized-line share', () => {
    const bySet = new Map<string, {lines: number; recognized: number; files: number}>()
    for (const file of configs) {
      const c = huaweiVrp.parseConfig(readFileSync(file), relative(root, file))
      expect(c.hostname, file).toBeTruthy()
      expect(c.coverage.recognized).toBeLessThanOrEqual(c.coverage.lines)
      for (const u of c.coverage.unrecognized) expect(u.line, file).toBeGreaterThan(0)
      const set = relative(root, file).split('/')[0] ?? ''
      const s = bySet.get(set) ?? {lines: 0, recognized: 0, files: 0}
      s.lines += c.coverage.lines
      s.recognized += c.coverage.recognized
      s.files++
      bySet.set(set, s)
    }
    let lines = 0
    let recognized = 0
    for (const [set, s] of bySet) {
      lines += s.lines
      recognized += s.recognized
      console.log(`huawei-vrp corpus ${set}: ${s.files} files, ${s.recognized}/${s.lines} lines recognized (${((100 * s.recognized) / s.lines).toFixed(1)}%)`)
    }
    console.log(`huawei-vrp corpus total: ${recognized}/${lines} lines recognized (${((100 * recognized) / lines).toFixed(1)}%)`)
    expect(recognized / lines).toBeGreaterThan(0.85)
  })

  it('extracts real facts from a real switch (Core_SW2 of the eNSP campus)', () => {
    const file = configs.find((f) => f.endsWith('Core_SW2.cfg'))
    if (!file) throw new Error('Core_SW2.cfg missing from the corpus')
    const c = huaweiVrp.parseConfig(readFileSync(file), 'Core_SW2.cfg')
    expect(c.hostname).toBe('Core_SW2')
    expect(c.interfaces.find((i) => i.name === 'GigabitEthernet0/0/5')?.switchport).toMatchObject({mode: 'trunk', vlans: [1, 20, 40, 70, 100]})
    expect(c.interfaces.find((i) => i.name === 'GigabitEthernet0/0/6')?.switchport).toMatchObject({mode: 'hybrid', vlans: [1]})
    expect(c.interfaces.find((i) => i.name === 'Vlanif83')?.addresses[0]).toMatchObject({address: '10.0.2.6', length: 30})
    expect(c.accounts.users.find((u) => u.username === 'admin')?.secret?.storage).toBe('plaintext')
  })
})
