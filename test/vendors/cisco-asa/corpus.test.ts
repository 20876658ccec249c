import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import type {AddressMatch, PortRange} from '../../../src/model/index.js'
import {networkOf, parseAddress} from '../../../src/net/address.js'
import {ciscoAsa} from '../../../src/vendors/cisco-asa/index.js'

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/cisco_asa', import.meta.url))
const NTC = join(CORPUS, 'networktocode__ntc-templates')

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? allFiles(p) : [p]
  })
}

/** Expected parses (.yml/.py), READMEs and `show` outputs other than running-config are not configs. */
const isConfig = (p: string) => !/\.(yml|py|md)$/.test(p) && !/show_(access-list|arp)/.test(p)

describe.skipIf(!existsSync(CORPUS))('cisco-asa corpus sweep', () => {
  it('parses every corpus file without throwing and reports the recognized share of the configs', () => {
    let lines = 0
    let recognized = 0
    for (const file of allFiles(CORPUS)) {
      const cfg = ciscoAsa.parseConfig(readFileSync(file), file)
      expect(cfg.coverage.recognized + cfg.coverage.unrecognized.length).toBe(cfg.coverage.lines)
      expect(cfg.coverage.unrecognized.every((u) => !u.reason?.startsWith('parser error'))).toBe(true)
      if (!isConfig(file) || file.endsWith('.yaml')) continue
      lines += cfg.coverage.lines
      recognized += cfg.coverage.recognized
      console.log(`${file.slice(CORPUS.length + 1)}: ${cfg.coverage.recognized}/${cfg.coverage.lines}`)
    }
    console.log(`cisco-asa corpus: ${recognized}/${lines} config lines recognized (${((100 * recognized) / lines).toFixed(1)}%)`)
    expect(recognized / lines).toBeGreaterThan(0.9)
  })

  it('reads the Batfish security-level test config (inside implicit 100)', () => {
    const cfg = ciscoAsa.parseConfig(readFileSync(join(CORPUS, 'batfish__batfish/testconfigs/asa-security-level')), 'x')
    expect(cfg.securityZones.map((z) => [z.name, z.level])).toEqual([
      ['all-trust', 100],
      ['inside', 100],
      ['some-trust', 45],
      ['outside', 1],
    ])
  })
})

interface NtcNetwork {
  name: string
  type: string
  host: string
  network: string
  netmask: string
  prefix_length: string
  start_ip: string
  end_ip: string
}

/** Append one ACL entry per object and read back what the parser expanded it to. */
function expandThroughAcl(raw: string, entries: string[]) {
  const text = `${raw}\n${entries.map((e) => `access-list ORACLE extended ${e}`).join('\n')}\n`
  const cfg = ciscoAsa.parseConfig(text, 'oracle')
  return cfg.filters.find((f) => f.name === 'ORACLE')?.rules ?? []
}

describe.skipIf(!existsSync(NTC))('cisco-asa object expansion against the ntc-templates oracle', () => {
  it('expands every `object network` as the expected parse says', () => {
    const dir = join(NTC, 'show_running-config_object_network')
    const raw = readFileSync(join(dir, 'cisco_asa_show_running-config_object_network.raw'), 'utf8')
    const expected = (parseYaml(readFileSync(join(dir, 'cisco_asa_show_running-config_object_network.yml'), 'utf8')) as {parsed_sample: NtcNetwork[]}).parsed_sample
    const rules = expandThroughAcl(raw, expected.map((e) => `permit ip object ${e.name} any`))
    expect(rules.length).toBe(expected.length)
    expected.forEach((e, i) => {
      const rule = rules[i]
      if (e.type === 'fqdn') {
        expect(rule?.action, e.name).toBe('unknown')
        return
      }
      let want: AddressMatch
      if (e.type === 'host') {
        const p = parseAddress(e.host)
        want = {kind: 'prefix', family: p?.family ?? 4, address: p?.address ?? '', length: p?.family === 6 ? 128 : 32}
      } else if (e.type === 'range') {
        const a = parseAddress(e.start_ip)
        want = {kind: 'range', family: a?.family ?? 4, first: a?.address ?? '', last: parseAddress(e.end_ip)?.address ?? ''}
      } else {
        const p = parseAddress(e.network)
        const length = e.prefix_length ? Number(e.prefix_length) : (e.netmask.split('.').map(Number).reduce((n, o) => n + o.toString(2).replace(/0/g, '').length, 0))
        want = {kind: 'prefix', family: p?.family ?? 4, address: networkOf(p?.address ?? '', length, p?.family ?? 4), length}
      }
      expect(rule?.action, e.name).toBe('permit')
      expect(rule?.match.src, e.name).toEqual([want])
    })
  })

  it('expands service-object ports and nested/typed service groups as the expected parse says', () => {
    const dir = join(NTC, 'show_running-config_object-group_service')
    const raw = readFileSync(join(dir, 'show_running-config_object-group_service.raw'), 'utf8')
    const expected = (parseYaml(readFileSync(join(dir, 'show_running-config_object-group_service.yml'), 'utf8')) as {parsed_sample: Record<string, string>[]}).parsed_sample
    const ports = (op: string | undefined, a: string | undefined, b: string | undefined): PortRange[] | undefined => {
      if (!op) return undefined
      const n = Number(a)
      if (op === 'eq') return [{from: n, to: n}]
      if (op === 'range') return [{from: n, to: Number(b)}]
      if (op === 'gt') return [{from: n + 1, to: 65535}]
      if (op === 'lt') return [{from: 0, to: n - 1}]
      throw new Error(op)
    }
    const three = expected.filter((e) => e.name === 'three')
    const want = three.map((e) => ({
      protocols: [17],
      srcPorts: ports(e.src_operator, e.src_port_start, e.src_port_end),
      dstPorts: ports(e.dst_operator, e.dst_port_start, e.dst_port_end),
    }))
    const [rules3, rules4, rules5, rules1] = ['three', 'four', 'five', 'one'].map((g) => expandThroughAcl(raw, [`permit object-group ${g} any any`]))
    const terms = (rs: typeof rules3) => (rs ?? []).map((r) => ({protocols: r.match.protocols, srcPorts: r.match.srcPorts, dstPorts: r.match.dstPorts}))
    expect(terms(rules3)).toEqual(want)
    // `four` is `group-object three`
    expect(terms(rules4)).toEqual(want)
    // typed group: tcp, eq 445 and eq netbios-ssn (139)
    expect(terms(rules5)).toEqual([{protocols: [6], srcPorts: undefined, dstPorts: [{from: 445, to: 445}, {from: 139, to: 139}]}])
    // `one` names service objects the fragment does not define: fail closed
    expect(rules1?.map((r) => r.action)).toEqual(['unknown'])
  })
})
