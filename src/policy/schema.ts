import {z} from 'zod'
import {ZONE_KINDS} from '../inventory/types.js'
import {CONTROL_IDS, SEVERITIES} from '../model/index.js'
import type {Policy} from './types.js'

/** Rule ids are UPPER-KEBAB: `PI-SHARED-DEVICE`. */
export const RULE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/

const I18nText = z.strictObject({'zh-CN': z.string().min(1), en: z.string().min(1)})
const I18nList = z.strictObject({'zh-CN': z.array(z.string().min(1)), en: z.array(z.string().min(1))})
const ZoneKind = z.enum(ZONE_KINDS)

const PolicyRule = z.strictObject({
  control: z.enum(CONTROL_IDS),
  severity: z.enum(SEVERITIES),
  refs: I18nList.describe('Regulation articles the rule enforces'),
  title: I18nText,
  remediation: I18nText,
})

export const PolicySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {error: 'a policy id is lower-kebab, e.g. tianjin-egov'}),
    version: z.union([z.string().min(1), z.number()], {error: 'expected a version, e.g. "1"'}).transform(String),
    name: I18nText,
    isolation: z.strictObject({
      physical: z.array(z.strictObject({zone: ZoneKind, from: z.array(ZoneKind).min(1)})).default([]),
      allowIsolationGateways: z.boolean().default(false),
      logical: z.array(z.tuple([ZoneKind, ZoneKind]).describe('a pair of zone kinds, e.g. [extranet, portal]')).default([]),
    }),
    // Free-form per control here; each control validates its own section.
    parameters: z
      .partialRecord(z.enum(CONTROL_IDS), z.record(z.string(), z.unknown()))
      .default({})
      .describe('Per-control parameters, keyed by control id'),
    rules: z.record(z.string().regex(RULE_ID, {error: 'rule ids are UPPER-KEBAB, e.g. PI-SHARED-DEVICE'}), PolicyRule).describe('Rules keyed by UPPER-KEBAB id'),
  })
  .meta({title: 'segaudit policy pack', description: 'segaudit policy pack (SPEC §3)'})

type AssertAssignable<T extends U, U> = T
export type ParsedPolicy = AssertAssignable<z.output<typeof PolicySchema>, Policy>
