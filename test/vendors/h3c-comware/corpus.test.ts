import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {h3cComware} from '../../../src/vendors/h3c-comware/index.js'
import {corpusPresent, corpusRoot} from './helpers.js'

const root = join(corpusRoot, 'h3c_comware')

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]))
}

interface ExpectedNeighbor {
  local_interface: string
  neighbor_name?: string
  neighbor_interface?: string
  chassis_id?: string
  mgmt_address?: string
}

if (!corpusPresent) console.log(`corpus not found at ${corpusRoot}: H3C corpus tests skipped`)

describe.skipIf(!corpusPresent)('H3C Comware LLDP parser vs ntc-templates expected parses', () => {
  const files = corpusPresent ? walk(root).filter((f) => /display_lldp.*\.raw$/.test(f)) : []

  it('finds the oracle files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4)
  })

  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', (_label, file) => {
    const expected = (parseYaml(readFileSync(file.replace(/\.raw$/, '.yml'), 'utf8')) as {parsed_sample: ExpectedNeighbor[]}).parsed_sample
    const parse = h3cComware.parseNeighbors
    if (!parse) throw new Error('no neighbor parser')
    const table = parse(readFileSync(file), file)
    expect(table.neighbors).toHaveLength(expected.length)
    expected.forEach((e, i) => {
      const n = table.neighbors[i]
      expect(n?.localInterface).toBe(h3cComware.canonicalInterfaceName(e.local_interface))
      expect(n?.remoteInterface ?? '').toBe(e.neighbor_interface ?? '')
      expect(n?.remoteChassisId ?? '').toBe(e.chassis_id ?? '')
      // ntc keeps "-" for "no name" and cuts names that wrap onto the next line; we join them.
      if (e.neighbor_name === '-') expect(n?.remoteName).toBeUndefined()
      else expect(n?.remoteName?.startsWith(e.neighbor_name ?? '')).toBe(true)
      if (e.mgmt_address !== undefined) expect(n?.remoteMgmtAddress ?? '').toBe(e.mgmt_address)
    })
    expect(table.coverage.unrecognized).toEqual([])
  })
})

describe.skipIf(!corpusPresent)('H3C Comware corpus sweep', () => {
  const files = corpusPresent ? walk(root).filter((f) => !/\.(yml|py|raw)$/.test(f)) : []
  const configs = files.filter((f) => /\.(cfg|txt)$/.test(f))

  it('parses every file without throwing, as config and as neighbor output', () => {
    for (const f of files) {
      const bytes = readFileSync(f)
      expect(() => h3cComware.parseConfig(bytes, f)).not.toThrow()
      expect(() => h3cComware.parseNeighbors?.(bytes, f)).not.toThrow()
    }
  })

  it('recognizes most lines of the real configs', () => {
    let lines = 0
    let recognized = 0
    for (const f of configs) {
      const c = h3cComware.parseConfig(readFileSync(f), f)
      lines += c.coverage.lines
      recognized += c.coverage.recognized
      console.log(`  ${f.slice(root.length + 1)}: ${c.coverage.recognized}/${c.coverage.lines} lines recognized`)
    }
    const share = recognized / lines
    console.log(`H3C Comware corpus: ${recognized}/${lines} significant lines recognized (${(share * 100).toFixed(1)}%) in ${configs.length} configs`)
    expect(configs.length).toBeGreaterThanOrEqual(4)
    expect(share).toBeGreaterThan(0.9)
  })

  it('reads the paging-residue export: hostname, ports, accounts, VTYs', () => {
    const f = configs.find((x) => x.includes('paging-residue'))
    if (!f) return
    const c = h3cComware.parseConfig(readFileSync(f), f)
    expect(c.hostname).toBe('netops_test')
    expect(c.interfaces.filter((i) => i.switchport?.mode === 'access').length).toBeGreaterThan(48)
    expect(c.interfaces.find((i) => i.name === 'GigabitEthernet1/0/44')?.switchport?.vlans).toEqual([1])
    expect(c.accounts.users.map((u) => u.username)).toEqual(['python'])
    expect(c.management.lines.find((l) => l.name === 'vty 0 4')?.transports).toEqual(['ssh'])
    expect(JSON.stringify(c)).not.toContain('$h$6$')
  })
})
