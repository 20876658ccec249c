import type {z} from 'zod'
import type {Diagnostic} from '../errors/input-error.js'
import {closest, suggestion} from '../errors/suggest.js'
import type {NodePath, YamlSource} from './yaml-source.js'

type AnySchema = z.core.$ZodType
type Def = {type: string; [key: string]: unknown}

const defOf = (schema: AnySchema): Def => schema._zod.def as unknown as Def

/** Unwrap defaults, optionals and pipes to the schema that describes the written (input) value. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema
  for (let i = 0; i < 20; i++) {
    const def = defOf(current)
    const inner = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as AnySchema | undefined
    if (!inner) return current
    current = inner
  }
  return current
}

/** The schemas that may describe the node at `path` (several below a union). */
function schemasAt(root: AnySchema, nodePath: NodePath): AnySchema[] {
  let current = [unwrap(root)]
  for (const segment of nodePath) {
    const next: AnySchema[] = []
    for (const schema of current) {
      const def = defOf(schema)
      const children =
        def.type === 'object'
          ? [(def.shape as Record<string, AnySchema>)[String(segment)]]
          : def.type === 'array'
            ? [def.element as AnySchema]
            : def.type === 'tuple'
              ? [(def.items as AnySchema[])[Number(segment)]]
              : def.type === 'record'
                ? [def.valueType as AnySchema]
                : def.type === 'union'
                  ? (def.options as AnySchema[]).flatMap((o) => schemasAt(o, [segment]))
                  : []
      for (const child of children) if (child) next.push(unwrap(child))
    }
    current = next
  }
  return current.flatMap((s) => (defOf(s).type === 'union' ? (defOf(s).options as AnySchema[]).map(unwrap) : [s]))
}

/** Keys an object at `path` allows. */
export function keysAt(root: AnySchema, nodePath: NodePath): string[] {
  return schemasAt(root, nodePath).flatMap((s) => {
    const def = defOf(s)
    if (def.type === 'object') return Object.keys(def.shape as object)
    const keyDef = def.type === 'record' ? defOf(def.keyType as AnySchema) : undefined
    return keyDef?.type === 'enum' ? Object.values(keyDef.entries as Record<string, string>).map(String) : []
  })
}

/** The `.describe()` text of the schema at `path`, as a hint. */
function descriptionAt(root: AnySchema, nodePath: NodePath): string | undefined {
  for (const schema of schemasAt(root, nodePath)) {
    const description = (schema as {description?: string}).description
    if (description) return description
  }
  return undefined
}

function valuesAt(root: AnySchema, nodePath: NodePath): string[] {
  return schemasAt(root, nodePath).flatMap((s) => {
    const def = defOf(s)
    if (def.type === 'enum') return Object.values(def.entries as Record<string, string>).map(String)
    if (def.type === 'literal') return (def.values as unknown[]).map(String)
    return []
  })
}

export function valueAt(data: unknown, nodePath: NodePath): unknown {
  let current = data
  for (const segment of nodePath) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string | number, unknown>)[segment]
  }
  return current
}

/** `devices[1].mgmt.port` */
export function pathText(nodePath: NodePath): string {
  return nodePath.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || 'the top level'
}

function kindOf(value: unknown): string {
  if (value === null) return 'nothing (empty value)'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return 'text'
  return `a ${typeof value}`
}

const SECRET_KEY = /pass|secret|community|key|token|credential|cipher/i

function shortText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 40 && !/[\n\r]/.test(value) ? `"${value}"` : undefined
}

function typeHint(expected: string, value: unknown): string | undefined {
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return `write it in quotes: "${String(value)}"`
  if (expected === 'array') return 'write a list: [a, b] or one "- item" per line'
  if (expected === 'object' && value === null) return 'give this key a value, or remove it'
  if (expected === 'number' && typeof value === 'string') return 'write a number without quotes'
  if (expected === 'boolean') return 'write true or false, without quotes'
  return undefined
}

const EXPECTED: Record<string, string> = {string: 'text', number: 'a number', int: 'a whole number', array: 'a list', object: 'a mapping', boolean: 'true or false'}

/** One diagnostic per zod issue, at the offending node, with what is wrong and how to fix it. */
export function issueDiagnostics(issues: readonly z.core.$ZodIssue[], root: AnySchema, data: unknown, source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const issue of issues) {
    const nodePath = issue.path as NodePath
    const where = pathText(nodePath)
    const value = valueAt(data, nodePath)
    const at = source.locate(nodePath)
    const add = (message: string, hint?: string, position = at) => out.push(source.diagnostic(position, message, hint))
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = keysAt(root, nodePath)
        for (const key of issue.keys) {
          const near = closest(key, allowed)
          const hint =
            near !== undefined
              ? `did you mean "${near}"?`
              : SECRET_KEY.test(key)
                ? 'credentials never go in this file; use SEGAUDIT_SSH_* variables or a credentials file'
                : `allowed keys here: ${allowed.join(', ')}`
          add(`unknown key "${key}" in ${where}`, hint, source.locateKey([...nodePath, key]))
        }
        break
      }
      case 'invalid_type': {
        const last = nodePath[nodePath.length - 1]
        if (value === undefined && typeof last === 'string') {
          const values = valuesAt(root, nodePath)
          const parent = pathText(nodePath.slice(0, -1))
          add(`missing required key "${last}" in ${parent}`, values.length ? `add ${last}: one of ${values.join(', ')}` : `add "${last}: …"`)
        } else {
          add(`${where}: expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${kindOf(value)}`, typeHint(issue.expected, value))
        }
        break
      }
      case 'invalid_value': {
        const allowed = issue.values.map(String)
        const shown = shortText(value) ?? kindOf(value)
        const hint = typeof value === 'string' ? suggestion(value, allowed, 'values') : `one of ${allowed.join(', ')}`
        add(`${where}: ${shown} is not one of ${allowed.join(', ')}`, hint.startsWith('known') ? undefined : hint)
        break
      }
      case 'too_small':
        if (issue.origin === 'string') add(`${where} must not be empty`)
        else if (issue.origin === 'array') add(`${where} needs at least ${issue.minimum} item(s)`, descriptionAt(root, nodePath))
        else add(`${where} must be ≥ ${issue.minimum}`)
        break
      case 'too_big':
        if (issue.origin === 'array') add(`${where} has more than ${issue.maximum} item(s)`, descriptionAt(root, nodePath))
        else add(`${where} must be ≤ ${issue.maximum}`)
        break
      case 'invalid_key': {
        const key = String(nodePath[nodePath.length - 1])
        const inner = issue.issues[0]?.message
        add(`invalid key ${shortText(key) ?? ''} in ${pathText(nodePath.slice(0, -1))}`, inner, source.locateKey(nodePath))
        break
      }
      case 'custom': {
        const hint = (issue.params as {hint?: string} | undefined)?.hint
        add(`${where}: ${issue.message}`, hint)
        break
      }
      default:
        add(`${where}: ${issue.message}`)
    }
  }
  return out
}
