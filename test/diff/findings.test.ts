import {describe, expect, it} from 'vitest'
import {compareFindings} from '../../src/diff/findings.js'
import type {Finding} from '../../src/model/index.js'

function finding(fingerprint: string, line = 1): Finding {
  return {fingerprint, control: 'physical-isolation', rule: 'PI-TRUNK-MIXED', severity: 'critical', title: 't', message: 'm', location: {file: 'a.cfg', line}, evidence: [], refs: [], remediation: ''}
}

describe('compareFindings', () => {
  it('matches by fingerprint: a finding that only moved lines is unchanged', () => {
    const r = compareFindings([finding('a', 10), finding('b')], [finding('a', 12), finding('c')])
    expect(r.added.map((f) => f.fingerprint)).toEqual(['c'])
    expect(r.removed.map((f) => f.fingerprint)).toEqual(['b'])
    expect(r.unchanged).toBe(1)
  })

  it('keeps the order of the audit (severity first) and reports each side as it was', () => {
    const r = compareFindings([], [finding('x'), finding('y')])
    expect(r.added.map((f) => f.fingerprint)).toEqual(['x', 'y'])
    expect(compareFindings([finding('x')], [finding('x')])).toEqual({added: [], removed: [], unchanged: 1})
    expect(compareFindings([], [])).toEqual({added: [], removed: [], unchanged: 0})
  })
})
