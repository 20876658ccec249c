import {z} from 'zod'
import {PolicySchema} from './schema.js'

/** The editor schema for policy packs, from the loader's zod schema (see schemas/policy.schema.json). */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PolicySchema, {io: 'input', target: 'draft-2020-12'}) as Record<string, unknown>
}
