import {z} from 'zod'
import {InventorySchema} from './schema.js'

/**
 * The editor schema for inventory files: the input side of the loader's own zod schema, so the two
 * cannot drift (schemas/inventory.schema.json is generated from this; a test keeps it in sync).
 */
export function inventoryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(InventorySchema, {io: 'input', target: 'draft-2020-12'}) as Record<string, unknown>
}
