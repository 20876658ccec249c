import {z} from 'zod'
import {PARAMETER_SCHEMAS, type ParameterisedControl} from '../controls/params/index.js'
import type {Diagnostic} from '../errors/input-error.js'
import type {YamlSource} from '../inventory/yaml-source.js'
import {issueDiagnostics} from '../inventory/zod-issues.js'
import type {Policy} from './types.js'

/**
 * Each control's `parameters.<control>` section against the control's own schema, reported at the
 * YAML node. A pack with rules for a control must give that control its parameters: thresholds come
 * from the pack, never from code.
 */
export function parameterDiagnostics(policy: Policy, data: unknown, source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = []
  const present: Partial<Record<ParameterisedControl, z.ZodType>> = {}
  for (const control of Object.keys(PARAMETER_SCHEMAS) as ParameterisedControl[]) {
    if (policy.parameters[control] !== undefined) {
      present[control] = PARAMETER_SCHEMAS[control]
      continue
    }
    const rule = Object.entries(policy.rules).find(([, r]) => r.control === control)?.[0]
    if (rule) {
      out.push(source.diagnostic(source.locate(['rules', rule, 'control']), `rule ${rule} belongs to ${control}, but the pack has no parameters.${control}`, `add a parameters.${control} section (copy it from policies/tianjin-egov.yaml)`))
    }
  }
  const wrapped = z.object({parameters: z.object(present)})
  const parsed = wrapped.safeParse({parameters: (data as {parameters?: unknown}).parameters})
  if (!parsed.success) out.push(...issueDiagnostics(parsed.error.issues, wrapped, data, source))
  return out
}
