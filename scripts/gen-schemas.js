// Writes schemas/*.schema.json from the compiled loaders (run via `npm run schemas`, which builds first).
import {mkdir, writeFile} from 'node:fs/promises'
import {inventoryJsonSchema} from '../dist/inventory/json-schema.js'
import {policyJsonSchema} from '../dist/policy/json-schema.js'

const out = new URL('../schemas/', import.meta.url)
await mkdir(out, {recursive: true})
const schemas = {'inventory.schema.json': inventoryJsonSchema(), 'policy.schema.json': policyJsonSchema()}
for (const [name, schema] of Object.entries(schemas)) {
  await writeFile(new URL(name, out), `${JSON.stringify(schema, null, 2)}\n`)
  console.log(`wrote schemas/${name}`)
}
