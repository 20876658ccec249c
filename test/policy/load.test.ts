import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {BUILTIN_POLICY, builtinPolicyPath, loadPolicy} from '../../src/policy/load.js'
import {diagnosticsOf, tempFile} from '../inventory/helpers.js'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/policy')
const ROOT = path.resolve(import.meta.dirname, '../..')

describe('loadPolicy', () => {
  it('loads a valid pack into the Policy shape', async () => {
    const loaded = await loadPolicy(path.join(FIXTURES, 'valid.yaml'))
    expect(loaded.file).toBe(path.relative(process.cwd(), path.join(FIXTURES, 'valid.yaml')))
    expect(loaded.policy).toMatchObject({
      id: 'test-pack',
      version: '1',
      name: {'zh-CN': '测试策略', en: 'Test pack'},
      isolation: {physical: [{zone: 'intranet', from: ['extranet', 'portal', 'internet']}], allowIsolationGateways: false, logical: [['extranet', 'portal']]},
      parameters: {backup: {maxAge: '2d', restoreTestPeriod: '1y'}, 'emergency-plan': {reviewPeriod: '1y'}},
    })
    expect(Object.keys(loaded.policy.rules)).toEqual(['PI-SHARED-DEVICE', 'BK-NO-OFFSITE'])
    expect(loaded.policy.rules['BK-NO-OFFSITE']).toEqual({
      control: 'backup',
      severity: 'high',
      refs: {'zh-CN': ['天津市电子政务管理办法 第二十条'], en: ['Art. 20(1)']},
      title: {'zh-CN': '缺少异地备份', en: 'No off-site backup copy'},
      remediation: {'zh-CN': '增加异地备份', en: 'Add a remote copy'},
    })
  })

  it('resolves a relative path against the inventory folder', async () => {
    const loaded = await loadPolicy('valid.yaml', FIXTURES)
    expect(loaded.policy.id).toBe('test-pack')
  })

  it('reports every problem at its node with a fix', async () => {
    const diagnostics = await diagnosticsOf(loadPolicy(path.join(FIXTURES, 'errors.yaml')))
    expect(diagnostics.map((d) => [d.line, d.col, d.message, d.hint])).toEqual([
      [1, 5, 'id: a policy id is lower-kebab, e.g. tianjin-egov', undefined],
      [3, 29, 'unknown key "fr" in name', 'allowed keys here: zh-CN, en'],
      [5, 38, 'isolation.physical[0].from[0]: "extranett" is not one of intranet, extranet, portal, internet, management, other', 'did you mean "extranet"?'],
      [6, 27, 'isolation.allowIsolationGateways: expected true or false, got text', 'write true or false, without quotes'],
      [7, 13, 'isolation.logical[0] needs at least 2 item(s)', 'a pair of zone kinds, e.g. [extranet, portal]'],
      [9, 3, 'unknown key "bakup" in parameters', 'did you mean "backup"?'],
      [11, 3, 'invalid key "pi-shared-device" in rules', 'rule ids are UPPER-KEBAB, e.g. PI-SHARED-DEVICE'],
      [
        18,
        14,
        'rules.LI-ANY.control: "logical-isolaton" is not one of physical-isolation, logical-isolation, backup, tiered-access, emergency-plan, network-approval, device-hardening, input-coverage, waivers',
        'did you mean "logical-isolation"?',
      ],
      [19, 15, 'rules.LI-ANY.severity: "severe" is not one of critical, high, medium, low, info', undefined],
      [20, 11, 'missing required key "en" in rules.LI-ANY.refs', 'add "en: …"'],
      [21, 12, 'missing required key "en" in rules.LI-ANY.title', 'add "en: …"'],
      [23, 5, 'unknown key "extra" in rules.LI-ANY', 'allowed keys here: control, severity, refs, title, remediation'],
    ])
  })

  it('says so when given an inventory, a list or a missing file', async () => {
    const inventory = await tempFile('inv.yaml', 'version: 1\nzones: []\n')
    const [asInventory] = await diagnosticsOf(loadPolicy(inventory))
    expect(asInventory?.message).toMatch(/is not a segaudit policy pack/)
    expect(asInventory?.hint).toMatch(/looks like an inventory/)
    const [list] = await diagnosticsOf(loadPolicy(await tempFile('p.yaml', '- a\n')))
    expect(list?.message).toMatch(/is not a segaudit policy pack/)
    const [missing] = await diagnosticsOf(loadPolicy('no-such-pack.yaml', FIXTURES))
    expect(missing).toMatchObject({line: 1, col: 1, message: expect.stringMatching(/^file not found: .*no-such-pack\.yaml$/)})
    const [syntax] = await diagnosticsOf(loadPolicy(await tempFile('p.yaml', 'id: x\nrules:\n  A: {control: backup\n')))
    expect(syntax?.message).toMatch(/^YAML syntax:/)
  })

  it('defaults to the built-in pack at <package>/policies/tianjin-egov.yaml', async () => {
    expect(builtinPolicyPath()).toBe(path.join(ROOT, 'policies/tianjin-egov.yaml'))
    expect(fileURLToPath(new URL('../../policies/tianjin-egov.yaml', pathToFileURL(path.join(ROOT, 'dist/policy/load.js'))))).toBe(builtinPolicyPath())
  })

  it.skipIf(!existsSync(path.join(ROOT, 'policies/tianjin-egov.yaml')))('loads the built-in pack, or points into it', async () => {
    // The pack's content is the lead's; this checks that the default path is used and errors point into the file.
    const result = await loadPolicy().then(
      (loaded) => ({loaded}),
      (error: unknown) => ({error}),
    )
    if ('loaded' in result) {
      expect(result.loaded.file).toBe(BUILTIN_POLICY)
      expect(Object.keys(result.loaded.policy.rules).length).toBeGreaterThan(0)
    } else {
      const diagnostics = (result.error as {diagnostics: {file: string}[]}).diagnostics
      expect(diagnostics.every((d) => d.file.endsWith(path.join('policies', 'tianjin-egov.yaml')))).toBe(true)
    }
  })
})
