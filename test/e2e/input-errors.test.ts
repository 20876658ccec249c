import {describe, expect, it} from 'vitest'
import {segaudit} from './cli.js'

describe('bad input through the real CLI: exit 2, file:line:col, no stack trace', () => {
  it('reports a YAML syntax error at its position', () => {
    const r = segaudit(['audit', 'test/fixtures/e2e/bad-yaml.yaml'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^test\/fixtures\/e2e\/bad-yaml\.yaml:\d+:\d+: error: /m)
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/)
  })

  it('reports every bad reference and enum at once, with hints', () => {
    const r = segaudit(['validate', 'test/fixtures/e2e/bad-refs.yaml'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('test/fixtures/e2e/bad-refs.yaml:7:11: error:')
    expect(r.stderr).toMatch(/intranett/)
    expect(r.stderr).toMatch(/did you mean 'intranet'|did you mean "intranet"|intranet\?/)
    expect(r.stderr).toMatch(/test\/fixtures\/e2e\/bad-refs\.yaml:10:\d+: error: .*laptop|role/)
    expect(r.stdout).toBe('')
  })

  it('names a link end whose interface the device config does not have', () => {
    const r = segaudit(['audit', 'test/fixtures/e2e/bad-link/inventory.yaml'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^test\/fixtures\/e2e\/bad-link\/inventory\.yaml:17:\d+: error: device 'sw1' has no interface 'GigabitEthernet0\/0\/9'/m)
    expect(r.stderr).toContain('hint:')
  })

  it('a missing inventory file is an input error', () => {
    const r = segaudit(['audit', 'test/fixtures/e2e/does-not-exist.yaml'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/does-not-exist\.yaml/)
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/)
  })

  it('an unknown flag value is a usage error (exit 2)', () => {
    const r = segaudit(['audit', 'inventories/sample-city/inventory.yaml', '--fail-on', 'severe'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/severe/)
  })

  it('a malformed --now is a usage error (exit 2)', () => {
    const r = segaudit(['audit', 'inventories/sample-city/inventory.yaml', '--now', '21/11/2026'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--now/)
  })
})
