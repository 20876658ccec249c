import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {type Diagnostic, InputError} from '../errors/input-error.js'
import {displayPath, documentData, readYamlSource} from '../inventory/yaml-source.js'
import {issueDiagnostics} from '../inventory/zod-issues.js'
import {parameterDiagnostics} from './parameters.js'
import {PolicySchema} from './schema.js'
import type {LoadedPolicy} from './types.js'

export const BUILTIN_POLICY = 'builtin:tianjin-egov'

/** `policies/tianjin-egov.yaml` of the package: two folders up from both src/policy and dist/policy. */
export function builtinPolicyPath(): string {
  return fileURLToPath(new URL('../../policies/tianjin-egov.yaml', import.meta.url))
}

const POLICY_KEYS = Object.keys(PolicySchema.shape)

/**
 * Load a policy pack: `file` relative to `inventoryDir` (the inventory's `policy:`) or to the current
 * folder (`--policy`); without a file, the built-in tianjin-egov pack.
 */
export async function loadPolicy(file?: string, inventoryDir?: string): Promise<LoadedPolicy> {
  const builtin = file === undefined
  const absolute = builtin ? builtinPolicyPath() : path.resolve(inventoryDir ?? process.cwd(), file)
  if (builtin && !existsSync(absolute)) {
    throw new InputError([{file: BUILTIN_POLICY, line: 1, col: 1, message: `the built-in policy pack is missing (${absolute})`, hint: 'reinstall segaudit, or pass --policy FILE'}])
  }
  const shown = builtin ? displayPath(absolute) : inventoryDir && !path.isAbsolute(file) ? displayPath(absolute) : displayPath(file)
  const source = await readYamlSource(absolute, shown)
  if (source.syntax.length > 0) throw new InputError(source.syntax)
  const built = documentData(source)
  if ('error' in built) throw new InputError([built.error])

  const data = built.data
  const keys = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : []
  const inventoryLike = !keys.includes('rules') && (keys.includes('zones') || keys.includes('devices'))
  if (inventoryLike || !keys.some((k) => POLICY_KEYS.includes(k))) {
    const hint = inventoryLike ? 'this looks like an inventory; pass it as INVENTORY, not as the policy' : 'a policy pack has id, version, name, isolation, parameters and rules'
    throw new InputError([source.diagnostic(source.locate([]), `${source.file} is not a segaudit policy pack`, hint)])
  }
  const parsed = PolicySchema.safeParse(data)
  if (!parsed.success) {
    const diagnostics: Diagnostic[] = issueDiagnostics(parsed.error.issues, PolicySchema, data, source)
    throw new InputError(diagnostics)
  }
  const parameters = parameterDiagnostics(parsed.data, data, source)
  if (parameters.length > 0) throw new InputError(parameters)
  return {policy: parsed.data, file: builtin ? BUILTIN_POLICY : source.file}
}
