import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ciscoIos} from '../../../src/vendors/cisco-ios/index.js'
import {corpusPresent, corpusRoot} from './helpers.js'

/** IOS configuration files of the corpus: running/startup configs, lab configs, session transcripts. */
function configFiles(): string[] {
  const root = join(corpusRoot, 'cisco_ios')
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(p)
    }
  }
  walk(root)
  const isConfig = /\.(cfg|ios)$|_sent\.txt$|show_run|running_config|oxidized\/.*_output\.txt$|N2G\/|testconfigs\//
  return out.filter((p) => isConfig.test(relative(root, p))).sort()
}

describe.skipIf(!corpusPresent)('cisco-ios corpus sweep', () => {
  it('parses every IOS config without throwing and reports the recognized share', () => {
    const files = configFiles()
    expect(files.length).toBeGreaterThan(30)
    let lines = 0
    let recognized = 0
    for (const file of files) {
      const cfg = ciscoIos.parseConfig(readFileSync(file), file)
      expect(cfg.vendor).toBe('cisco-ios')
      expect(cfg.coverage.recognized + cfg.coverage.unrecognized.length).toBe(cfg.coverage.lines)
      expect(cfg.coverage.unrecognized.filter((u) => /internal parser error/.test(u.reason ?? ''))).toEqual([])
      lines += cfg.coverage.lines
      recognized += cfg.coverage.recognized
    }
    const share = ((100 * recognized) / lines).toFixed(1)
    console.log(`cisco-ios corpus: ${files.length} files, ${recognized}/${lines} significant lines recognized (${share}%)`)
    expect(recognized / lines).toBeGreaterThan(0.9)
  })

  it('the Batfish example network parses completely, with its interfaces and ACL bindings', () => {
    const dir = join(corpusRoot, 'cisco_ios/batfish__batfish/example/live/configs')
    for (const f of readdirSync(dir)) {
      const cfg = ciscoIos.parseConfig(readFileSync(join(dir, f)), f)
      expect(cfg.coverage.unrecognized, f).toEqual([])
      expect(cfg.hostname).toBe(f.replace(/\.cfg$/, ''))
      for (const b of cfg.filterBindings) expect(cfg.filters.map((x) => x.name)).toContain(b.filter)
    }
  })
})
