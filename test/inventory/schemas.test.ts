import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {inventoryJsonSchema} from '../../src/inventory/json-schema.js'
import {policyJsonSchema} from '../../src/policy/json-schema.js'

const SCHEMAS = path.resolve(import.meta.dirname, '../../schemas')

/** What scripts/gen-schemas.js writes. */
const rendered = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`

describe('published JSON Schemas', () => {
  it('schemas/inventory.schema.json equals the loader schema (run `npm run schemas` after changing it)', async () => {
    expect(await readFile(path.join(SCHEMAS, 'inventory.schema.json'), 'utf8')).toBe(rendered(inventoryJsonSchema()))
  })

  it('schemas/policy.schema.json equals the loader schema', async () => {
    expect(await readFile(path.join(SCHEMAS, 'policy.schema.json'), 'utf8')).toBe(rendered(policyJsonSchema()))
  })

  it('describes the SPEC §2 keys, strictly', () => {
    const schema = inventoryJsonSchema() as {properties: Record<string, unknown>; required: string[]; additionalProperties: boolean}
    expect(Object.keys(schema.properties)).toEqual(['version', 'name', 'policy', 'configs', 'zones', 'devices', 'flows', 'links', 'systems', 'backups', 'plans', 'access'])
    expect(schema.required).toEqual(['version'])
    expect(schema.additionalProperties).toBe(false)
  })
})
