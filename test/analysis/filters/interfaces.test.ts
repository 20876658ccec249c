import {describe, expect, it} from 'vitest'
import {compileFilter, evaluateFilter} from '../../../src/analysis/filters/index.js'
import type {Packet} from '../../../src/analysis/packetset/index.js'
import {bindFilterInterfaces, type Filter} from '../../../src/model/index.js'

const ref = {file: 'fw.rules', line: 1}
// `-A FORWARD -i dmz0 -j DROP` then policy ACCEPT.
const forward: Filter = {
  name: 'FORWARD',
  kind: 'chain',
  family: 4,
  rules: [{id: '1', action: 'deny', match: {src: [{kind: 'any'}], dst: [{kind: 'any'}], inInterfaces: ['dmz0']}, ref}],
  defaultAction: 'permit',
  stateful: false,
  ref,
}
const packet: Packet = {family: 4, src: '172.20.1.10', dst: '203.0.113.10', protocol: 6, srcPort: 40000, dstPort: 22, state: 'new'}

describe('interface tests that are not bound to a hop fail closed', () => {
  it('compiled and reference verdicts are unknown, never permit or deny', () => {
    expect(compileFilter(forward).decidingRule(packet).verdict).toBe('unknown')
    expect(evaluateFilter(forward, packet).verdict).toBe('unknown')
  })

  it('bound to a hop, the rule applies only on its interface', () => {
    const fromLan = bindFilterInterfaces(forward, {in: 'lan0', out: 'dmz0'})
    const fromDmz = bindFilterInterfaces(forward, {in: 'dmz0', out: 'lan0'})
    expect(compileFilter(fromLan).decidingRule(packet).verdict).toBe('permit')
    expect(compileFilter(fromDmz).decidingRule(packet)).toMatchObject({verdict: 'deny', ref})
    expect(evaluateFilter(fromLan, packet).verdict).toBe('permit')
    expect(evaluateFilter(fromDmz, packet).verdict).toBe('deny')
  })
})
