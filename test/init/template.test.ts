import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {renderConfigsReadme} from '../../src/init/configs-readme.js'
import {renderInventory} from '../../src/init/inventory-template.js'
import {renderWaivers} from '../../src/init/waivers-template.js'
import {loadInventory} from '../../src/inventory/load.js'
import {VENDOR_IDS} from '../../src/model/index.js'

async function load(text: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'segaudit-init-'))
  try {
    const file = path.join(dir, 'inventory.yaml')
    await writeFile(file, text)
    return await loadInventory(file, {checkDeviceFiles: false})
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

describe('init inventory template', () => {
  it('as scaffolded: the four standard zones, no devices, every example commented out', async () => {
    const {inventory} = await load(renderInventory({schemaRef: 's.json', examples: 'commented'}))
    expect(inventory.zones.map((z) => `${z.id}:${z.kind}`)).toEqual(['intranet:intranet', 'extranet:extranet', 'portal:portal', 'internet:internet'])
    expect(inventory.devices).toEqual([])
    expect(inventory.policy).toBeUndefined()
  })

  it('the commented examples are themselves valid once uncommented: one device of every role', async () => {
    const {inventory} = await load(renderInventory({schemaRef: 's.json', examples: 'active'}))
    expect(new Set(inventory.devices.map((d) => d.role))).toEqual(new Set(['switch', 'router', 'firewall', 'isolation-gateway', 'server', 'workstation']))
    for (const key of ['flows', 'links', 'systems', 'backups', 'plans'] as const) expect(inventory[key].length, key).toBeGreaterThan(0)
    expect(inventory.access.accounts).toHaveLength(1)
    expect(inventory.access.grants).toHaveLength(1)
  })

  it('starts with the editor schema line and names the policy file when given one', () => {
    const text = renderInventory({schemaRef: '../x/inventory.schema.json', policy: 'policy.yaml', examples: 'commented'})
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../x/inventory.schema.json')
    expect(parse(text).policy).toBe('policy.yaml')
  })

  it('configs README gives every vendor its export commands; waivers example parses', () => {
    const readme = renderConfigsReadme()
    for (const v of VENDOR_IDS) expect(readme).toContain(`| \`${v}\` |`)
    expect(readme).toContain('`display current-configuration`')
    expect(readme).toContain('`show running-config`')
    expect(readme).toContain('`show cdp neighbors detail`')
    expect(readme).toContain('segaudit collect')
    expect(parse(renderWaivers())).toEqual({version: 1, waivers: []})
  })
})
