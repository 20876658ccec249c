import {describe, expect, it} from 'vitest'
import {segaudit} from '../../e2e/cli.js'

const INV = 'test/fixtures/reach-iptables/inventory.yaml'

interface Check {
  label: string
  verdict: string
  ref: {line: number}
}
function ask(q: string[]): {verdict: string; checks: Check[]} {
  const r = segaudit(['reach', INV, ...q, '--format', 'json'])
  expect(r.stderr).toBe('')
  const flow = JSON.parse(r.stdout).flows[0]
  return {verdict: flow.verdict, checks: flow.paths.flatMap((p: {hops: {checks: Check[]}[]}) => p.hops.flatMap((h) => h.checks))}
}

/**
 * An iptables firewall's rules test interfaces (`-i dmz0`). Each hop must see only the rules of its
 * own interfaces: applied everywhere, `-i dmz0 -j DROP` would wrongly block lan0 → dmz0 too.
 */
describe('iptables interface matches are bound per hop', () => {
  it('extranet → portal tcp/22 passes on the FORWARD policy', () => {
    const {verdict, checks} = ask(['--from', 'extranet', '--to', 'portal', '--proto', 'tcp', '--port', '22'])
    expect(verdict).toBe('open')
    expect(checks.find((c) => c.label.startsWith('FORWARD'))).toMatchObject({verdict: 'permit', ref: {line: 4}})
  })

  it('portal → extranet is dropped by the -i dmz0 rule', () => {
    const {verdict, checks} = ask(['--from', 'portal', '--to', 'extranet', '--proto', 'tcp', '--port', '22'])
    expect(verdict).toBe('blocked')
    expect(checks.find((c) => c.verdict === 'deny')).toMatchObject({ref: {line: 7}})
  })

  it('extranet → portal tcp/23 is blocked in transit (-o dmz0 rule) and at the host (INPUT policy)', () => {
    expect(ask(['--from', 'extranet', '--to', 'portal', '--proto', 'tcp', '--port', '23']).verdict).toBe('blocked')
    expect(ask(['--from', 'extranet', '--to', '203.0.113.10', '--proto', 'tcp', '--port', '23']).verdict).toBe('blocked')
    expect(ask(['--from', 'extranet', '--to', '203.0.113.10', '--proto', 'tcp', '--port', '24']).verdict).toBe('open')
  })
})
