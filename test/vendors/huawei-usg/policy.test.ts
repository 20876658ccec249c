import {describe, expect, it} from 'vitest'
import {parseFixture, policy, rulesNamed} from './fixture.js'

describe('huawei-usg conversion: security-policy', () => {
  const cfg = parseFixture('objects.cfg')
  const filter = policy(cfg)

  it('is one stateful, globally bound filter with the default deny', () => {
    expect(cfg.coverage.unrecognized).toEqual([])
    expect(filter).toMatchObject({kind: 'security-policy', stateful: true, defaultAction: 'deny'})
    expect(cfg.filterBindings).toEqual([{kind: 'global', filter: filter.name, ref: filter.ref}])
  })

  it('reads A LEN, mask, predefined services and zones', () => {
    const [r] = rulesNamed(cfg, 'by-length')
    expect(r).toMatchObject({
      action: 'permit',
      fromZones: ['extranet'],
      toZones: ['portal'],
      match: {
        src: [{kind: 'prefix', family: 4, address: '172.20.10.0', length: 28}],
        dst: [{kind: 'prefix', family: 4, address: '203.0.113.20', length: 32}],
        protocols: [6],
        dstPorts: [{from: 443, to: 443}],
      },
    })
    expect(rulesNamed(cfg, 'by-mask')[0]?.match.src).toEqual([{kind: 'prefix', family: 4, address: '172.20.11.0', length: 24}])
    expect(rulesNamed(cfg, 'by-mask')[0]?.match.protocols).toBeUndefined()
  })

  it('reads wildcards, keeping non-contiguous ones, and non-contiguous masks', () => {
    expect(rulesNamed(cfg, 'by-wildcard')[0]?.match.src).toEqual([
      {kind: 'prefix', family: 4, address: '172.20.12.0', length: 24},
      {kind: 'wildcard', address: '10.0.0.0', wildcard: '0.255.0.255'},
    ])
    expect(rulesNamed(cfg, 'by-wildcard')[0]?.fromZones).toBeUndefined()
    expect(rulesNamed(cfg, 'by-mask-noncontiguous')[0]?.match.src).toEqual([
      {kind: 'wildcard', address: '10.0.1.0', wildcard: '0.255.0.255'},
    ])
  })

  it('reads ranges, A/LEN and inline protocol services', () => {
    expect(rulesNamed(cfg, 'by-range-and-slash')[0]?.match).toEqual({
      src: [{kind: 'range', family: 4, first: '172.20.13.1', last: '172.20.13.9'}],
      dst: [{kind: 'prefix', family: 4, address: '203.0.113.0', length: 25}],
      protocols: [17],
      dstPorts: [{from: 53, to: 53}],
    })
  })

  it('expands nested address-sets and service-sets into one rule per service item', () => {
    const rules = rulesNamed(cfg, 'by-sets')
    expect(rules[0]?.fromZones).toEqual(['extranet', 'untrust'])
    for (const r of rules) {
      expect(r.match.dst).toEqual([
        {kind: 'prefix', family: 4, address: '203.0.113.10', length: 32},
        {kind: 'prefix', family: 4, address: '203.0.113.16', length: 28},
        {kind: 'range', family: 4, first: '203.0.113.100', last: '203.0.113.110'},
        {kind: 'prefix', family: 6, address: '2001:db8:5::', length: 64},
      ])
    }
    expect(rules.map((r) => [r.match.protocols, r.match.srcPorts, r.match.dstPorts, r.match.icmpTypes])).toEqual([
      [[6], undefined, [{from: 80, to: 80}, {from: 443, to: 443}], undefined],
      [[6], [{from: 1024, to: 65535}], [{from: 8000, to: 8080}], undefined],
      [[6], undefined, [{from: 53, to: 53}], undefined],
      [[17], undefined, [{from: 53, to: 53}], undefined],
      [[1], undefined, undefined, [{type: 8}]],
    ])
    // the object lines that make up the rule are cited
    expect(rules[0]?.refs?.some((r) => r.text === 'address 0 address-set web-servers')).toBe(true)
  })

  it('skips a disabled rule and keeps rule order', () => {
    expect(rulesNamed(cfg, 'switched-off')).toEqual([])
    const order = [...new Set(filter.rules.map((r) => r.id))]
    expect(order.slice(0, 6)).toEqual(['by-length', 'by-mask', 'by-wildcard', 'by-mask-noncontiguous', 'by-range-and-slash', 'by-sets'])
  })

  it('leaves intrazone traffic open after the user rules (not governed by the default policy)', () => {
    expect(filter.rules.slice(-2).map((r) => [r.id, r.action, r.fromZones, r.toZones])).toEqual([
      ['intrazone:extranet', 'permit', ['extranet'], ['extranet']],
      ['intrazone:portal', 'permit', ['portal'], ['portal']],
    ])
  })
})

describe('huawei-usg conversion: default action', () => {
  const cfg = parseFixture('default-action.cfg')

  it('applies `default action permit` and, with intrazone control on, no intrazone permits', () => {
    const f = policy(cfg)
    expect(f.defaultAction).toBe('permit')
    expect(f.defaultRef?.text).toBe('default action permit')
    expect(f.rules.map((r) => r.id)).toEqual(['allow-web'])
    expect(cfg.coverage.unrecognized).toEqual([])
  })

  it('defaults to deny with no security-policy view at all', () => {
    const f = policy(parseFixture('zones.cfg'))
    expect(f.defaultAction).toBe('deny')
    expect(f.rules.every((r) => r.id.startsWith('intrazone:'))).toBe(true)
  })
})

describe('huawei-usg conversion: rules that cannot be read fail closed', () => {
  const cfg = parseFixture('unknown-rules.cfg')
  const f = policy(cfg)

  it('never drops a rule: each becomes one unknown rule with a reason', () => {
    const byId = Object.fromEntries(f.rules.map((r) => [r.id, r]))
    for (const id of ['timed', 'missing-set', 'mac-member', 'odd-service', 'no-action', 'strange-option']) {
      expect(byId[id]?.action, id).toBe('unknown')
      expect(byId[id]?.reason, id).toBeTruthy()
    }
    expect(byId.timed?.reason).toMatch(/time-range/)
    expect(byId['missing-set']?.reason).toMatch(/nowhere/)
    expect(byId['odd-service']?.reason).toMatch(/quake-arena/)
  })

  it('over-approximates an unknown rule: the unread field matches anything, read ones stay', () => {
    const byId = Object.fromEntries(f.rules.map((r) => [r.id, r]))
    expect(byId['missing-set']?.match).toEqual({
      src: [{kind: 'any'}],
      dst: [{kind: 'prefix', family: 4, address: '10.3.0.0', length: 16}],
    })
    expect(byId.timed?.match).toMatchObject({protocols: [6], dstPorts: [{from: 22, to: 22}]})
  })

  it('reports unknown commands and destination NAT as unrecognized lines', () => {
    const texts = cfg.coverage.unrecognized.map((u) => u.text)
    expect(texts).toContain('frobnicate everything')
    expect(texts).toContain('bogus-policy-command 1')
    expect(texts.some((t) => t.startsWith('nat server'))).toBe(true)
    expect(cfg.coverage.unrecognized.find((u) => u.text === 'frobnicate everything')?.context).toBe('rule name strange-option')
  })
})
