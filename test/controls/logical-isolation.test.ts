import {describe, expect, it} from 'vitest'
import {logicalIsolation} from '../../src/controls/logical-isolation.js'
import type {AuditContext} from '../../src/controls/types.js'
import type {Filter, FilterRule, PacketMatch} from '../../src/model/index.js'
import {sampleContext} from './harness.js'

const ref = (line: number) => ({file: 'configs/ww-edge-1.cfg', line, text: `planted ${line}`})
const host = (address: string) => ({kind: 'prefix' as const, family: 4 as const, address, length: 32})
const net = (address: string, length: number) => ({kind: 'prefix' as const, family: 4 as const, address, length})
const ANY = {kind: 'any' as const}

function rule(id: string, action: FilterRule['action'], match: Partial<PacketMatch>, line: number, reason?: string): FilterRule {
  return {id, action, match: {src: [ANY], dst: [ANY], ...match}, ref: ref(line), ...(reason ? {reason} : {})}
}

function edge(ctx: AuditContext) {
  const cfg = ctx.network.devices.get('ww-edge-1')?.config
  if (!cfg) throw new Error('sample has no ww-edge-1 config')
  const acl = (name: string): Filter => {
    const f = cfg.filters.find((x) => x.name === name)
    if (!f) throw new Error(name)
    return f
  }
  return {cfg, acl}
}

/** The portal firewall behind the edge router: its `security-policy` must let a planted flow through too. */
function portalFw(ctx: AuditContext): Filter {
  const f = ctx.network.devices.get('portal-fw-1')?.config?.filters.find((x) => x.name === 'security-policy')
  if (!f) throw new Error('sample has no portal-fw-1 security-policy')
  return f
}

async function li(ctx: AuditContext) {
  return (await logicalIsolation.run(ctx)).map((d) => ({...d, key: `${d.rule} ${d.subject}`}))
}

describe('logical-isolation', () => {
  it('compliant sample: no finding', async () => {
    expect((await li(await sampleContext())).map((d) => d.key)).toEqual([])
  })

  it('LI-EXCESS-FLOW: a specific permit beyond the approved flows, at its line, with a witness it decides', async () => {
    const ctx = await sampleContext()
    const ssh = {src: [net('172.20.10.0', 28)], dst: [host('203.0.113.20')], protocols: [6], dstPorts: [{from: 22, to: 22}]}
    edge(ctx).acl('EXTRANET-IN').rules.splice(5, 0, rule('55', 'permit', ssh, 501))
    portalFw(ctx).rules.unshift({...rule('publish-ssh', 'permit', ssh, 601), fromZones: ['untrust'], toZones: ['dmz']})
    const found = await li(ctx)
    expect(found.map((d) => d.key).sort()).toEqual(['LI-EXCESS-FLOW rule:EXTRANET-IN:55', 'LI-EXCESS-FLOW rule:security-policy:publish-ssh'])
    found.sort((a, b) => a.key.localeCompare(b.key))
    expect(found[0]).toMatchObject({device: 'ww-edge-1', location: {line: 501}, zones: ['extranet', 'portal'], witness: {dst: '203.0.113.20', proto: 'tcp', dport: 22}})
  })

  it('LI-ANY-PERMIT: a permit with an any source that no approved flow covers', async () => {
    const ctx = await sampleContext()
    const rules = edge(ctx).acl('INTERNET-IN').rules
    const dns = {dst: [host('203.0.113.10')], protocols: [17], dstPorts: [{from: 53, to: 53}]}
    rules.splice(rules.length - 1, 0, rule('65', 'permit', dns, 502))
    portalFw(ctx).rules.unshift({...rule('dns', 'permit', dns, 602), fromZones: ['untrust'], toZones: ['dmz']})
    const found = await li(ctx)
    expect(found.map((d) => d.key).sort()).toEqual(['LI-ANY-PERMIT rule:INTERNET-IN:65', 'LI-ANY-PERMIT rule:security-policy:dns'])
    expect(found[0]?.witness).toMatchObject({dst: '203.0.113.10', proto: 'udp', dport: 53})
  })

  it('an any-source permit inside an approved flow is fine', async () => {
    // INTERNET-IN's `permit tcp any host 203.0.113.10 eq www` is the approved `web` flow.
    const found = await li(await sampleContext())
    expect(found.filter((d) => d.rule === 'LI-ANY-PERMIT')).toEqual([])
  })

  it('LI-DEFAULT-PERMIT: a boundary filter that permits what no rule matches', async () => {
    const ctx = await sampleContext()
    const f = edge(ctx).acl('PORTAL-IN')
    f.rules.pop()
    f.defaultAction = 'permit'
    f.defaultRef = ref(503)
    const found = await li(ctx)
    expect(found.map((d) => d.rule)).toContain('LI-DEFAULT-PERMIT')
    expect(found.find((d) => d.rule === 'LI-DEFAULT-PERMIT')).toMatchObject({subject: 'default:PORTAL-IN', location: {line: 503}})
  })

  it('LI-SHADOWED: a rule covered only by two earlier rules together, with the other action', async () => {
    const ctx = await sampleContext()
    edge(ctx).acl('EXTRANET-IN').rules.unshift(
      rule('1', 'deny', {dst: [net('198.18.0.0', 16)], protocols: [6]}, 511),
      rule('2', 'deny', {dst: [net('198.19.0.0', 16)], protocols: [6]}, 512),
      rule('3', 'permit', {dst: [net('198.18.0.0', 15)], protocols: [6]}, 513),
    )
    const found = await li(ctx)
    const s = found.find((d) => d.rule === 'LI-SHADOWED')
    expect(s).toMatchObject({subject: 'rule:EXTRANET-IN:3', location: {line: 513}})
    expect(s?.evidence?.map((e) => e.line)).toEqual([513, 511, 512])
    expect(found.map((d) => d.rule)).not.toContain('LI-REDUNDANT')
  })

  it('LI-REDUNDANT: a rule that repeats an earlier one with the same action', async () => {
    const ctx = await sampleContext()
    const rules = edge(ctx).acl('INTERNET-IN').rules
    rules.splice(4, 0, rule('45', 'permit', {dst: [host('203.0.113.10')], protocols: [6], dstPorts: [{from: 443, to: 443}]}, 504))
    expect((await li(ctx)).map((d) => d.key)).toEqual(['LI-REDUNDANT rule:INTERNET-IN:45'])
  })

  it('LI-UNDEFINED-OBJECT and LI-UNDECIDED: an unreadable rule never counts as deny', async () => {
    const ctx = await sampleContext()
    edge(ctx).acl('EXTRANET-IN').rules.splice(5, 0, rule('56', 'unknown', {}, 505, 'address-set WEB is not defined'))
    const found = await li(ctx)
    expect(found.map((d) => d.key).sort()).toEqual([
      'LI-UNDECIDED undecided:extranet>internet',
      'LI-UNDECIDED undecided:extranet>portal',
      'LI-UNDEFINED-OBJECT rule:EXTRANET-IN:56',
    ])
    expect(found.find((d) => d.subject === 'undecided:extranet>portal')).toMatchObject({device: 'ww-edge-1', location: {line: 505}})
  })

  it('LI-UNDEFINED-OBJECT: an ACL bound to an interface but never defined', async () => {
    const ctx = await sampleContext()
    edge(ctx).cfg.filterBindings.push({kind: 'interface', filter: 'NOPE', interface: 'GigabitEthernet0/0/1', direction: 'out', ref: ref(506)})
    const found = await li(ctx)
    expect(found.map((d) => d.rule)).toContain('LI-UNDEFINED-OBJECT')
    expect(found.find((d) => d.rule === 'LI-UNDEFINED-OBJECT')?.location?.line).toBe(506)
  })

  it('LI-NO-FILTER: the boundary router loses its inbound ACL on the extranet side', async () => {
    const ctx = await sampleContext()
    const {cfg} = edge(ctx)
    cfg.filterBindings = cfg.filterBindings.filter((b) => !(b.kind === 'interface' && b.filter === 'EXTRANET-IN'))
    const found = await li(ctx)
    const nf = found.filter((d) => d.rule === 'LI-NO-FILTER').map((d) => d.subject)
    expect(nf).toEqual(['no-filter:extranet>portal', 'no-filter:extranet>internet'])
    expect(found.find((d) => d.rule === 'LI-NO-FILTER')?.witness).toMatchObject({src: expect.stringMatching(/^172\.20\./), dst: expect.stringMatching(/^203\.0\.113\./)})
  })

  it('LI-BROKEN-FLOW: an approved flow no rule lets through', async () => {
    const ctx = await sampleContext()
    edge(ctx).acl('PORTAL-IN').rules.shift()
    const found = await li(ctx)
    expect(found.map((d) => d.key)).toEqual(['LI-BROKEN-FLOW flow:push'])
    expect(found[0]?.witness).toMatchObject({src: '203.0.113.20', dst: '172.20.5.5', dport: 8443})
  })
})
