import {z} from 'zod'
import {type Duration, parseDuration} from '../../inventory/durations.js'
import {DurationText} from '../../inventory/fields.js'
import {DUTIES, IMPORTANCE, type Importance} from '../../inventory/types.js'

/** A policy duration (`1d`, `6mo`), parsed. */
export const PolicyDuration = DurationText.transform((text) => parseDuration(text) as Duration)
export const ImportanceLevel = z.enum(IMPORTANCE)
export const DutyName = z.enum(DUTIES)

/** One value for every importance, or one per importance (`{critical: 2d, important: 7d}`). */
export function perImportance<T extends z.ZodType>(value: T) {
  return z.union([value, z.partialRecord(ImportanceLevel, value)])
}

/** The value of a `perImportance` parameter for one importance, if the policy sets one. */
export function forImportance<T>(param: T | Partial<Record<Importance, T>>, importance: Importance, isValue: (x: unknown) => x is T): T | undefined {
  return isValue(param) ? param : (param as Partial<Record<Importance, T>>)[importance]
}

export const isDuration = (x: unknown): x is Duration => typeof x === 'object' && x !== null && 'unit' in x && 'value' in x
