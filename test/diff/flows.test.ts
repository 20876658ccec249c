import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {loadModel} from '../../src/audit/run.js'
import {compareFlows, witnessRecord} from '../../src/diff/flows.js'
import type {NetworkModel} from '../../src/network/types.js'

const SAMPLE = path.resolve(import.meta.dirname, '../../inventories/sample-city')
const ACL_LINE = ' permit tcp 172.20.10.0 0.0.0.15 host 203.0.113.20 eq 443\n'

let dir: string
let before: NetworkModel
let after: NetworkModel

/** sample-city with one line planted in the edge router's extranet ACL and SSH added to the portal firewall's publish rule: extranet → portal SSH. */
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'segaudit-flows-'))
  cpSync(SAMPLE, dir, {recursive: true})
  const cfg = path.join(dir, 'configs/ww-edge-1.cfg')
  const text = readFileSync(cfg, 'utf8')
  expect(text).toContain(ACL_LINE)
  writeFileSync(cfg, text.replace(ACL_LINE, ` permit tcp 172.20.0.0 0.0.255.255 host 203.0.113.20 eq 22\n${ACL_LINE}`))
  // The portal firewall behind the edge router must let it through too: its publish rule gains ssh.
  const fw = path.join(dir, 'configs/portal-fw-1.cfg')
  const fwText = readFileSync(fw, 'utf8')
  expect(fwText).toContain('  service https\n')
  writeFileSync(fw, fwText.replace('  service https\n', '  service https ssh\n'))
  before = (await loadModel({inventory: path.join(SAMPLE, 'inventory.yaml')})).network
  after = (await loadModel({inventory: path.join(dir, 'inventory.yaml')})).network
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('compareFlows', () => {
  it('identical networks: nothing opened or closed', () => {
    expect(compareFlows(before, before)).toEqual({opened: [], closed: []})
  })

  it('a planted permit opens exactly that service between exactly that zone pair, with a witness of it', () => {
    const {opened, closed} = compareFlows(before, after)
    expect(closed).toEqual([])
    expect(opened).toHaveLength(1)
    const [flow] = opened
    expect(flow).toMatchObject({from: 'extranet', to: 'portal', services: ['tcp/22'], verdict: 'open'})
    expect(flow?.witness).toMatchObject({dst: '203.0.113.20', proto: 'tcp', dport: 22})
    expect(String(flow?.witness.src)).toMatch(/^172\.20\./)
  })

  it('the reverse change closes it', () => {
    const {opened, closed} = compareFlows(after, before)
    expect(opened).toEqual([])
    expect(closed.map((f) => [f.from, f.to, f.services])).toEqual([['extranet', 'portal', ['tcp/22']]])
  })

  it('witness records use the keys of a flows file', () => {
    expect(witnessRecord({family: 4, src: '10.0.0.1', dst: '10.0.0.2', protocol: 1, icmpType: 8, icmpCode: 0, state: 'new'})).toEqual({src: '10.0.0.1', dst: '10.0.0.2', proto: 'icmp', icmpType: 8, icmpCode: 0})
    expect(witnessRecord({family: 4, src: '10.0.0.1', dst: '10.0.0.2', protocol: 47, state: 'new'})).toEqual({src: '10.0.0.1', dst: '10.0.0.2', proto: 47})
  })
})
