import {z} from 'zod'
import {type Checked, checkAddress, checkCidr, checkEndpointAddress, isHostName, looksLikeAddress} from './addresses.js'
import {dateHint} from './dates.js'
import {parseDuration} from './durations.js'
import type {PortSpan} from './types.js'

/** A string field checked (and canonicalized) by `check`; its complaint and hint become the issue. */
export function checkedText(check: (text: string) => Checked, description: string) {
  return z
    .string()
    .describe(description)
    .transform((text, ctx) => {
      const result = check(text)
      if (result.ok) return result.value
      ctx.addIssue({code: 'custom', message: result.message, params: result.hint ? {hint: result.hint} : undefined})
      return z.NEVER
    })
}

export const Id = z
  .string()
  .regex(/^[^\s:]+$/, {error: 'an id is one word: no spaces and no ":"'})
  .describe('Unique id within its list')

/** A reference to an id declared elsewhere; resolved after the schema (see references.ts). */
export const Ref = z.string().min(1, {error: 'empty reference'})

export const Prefix = checkedText((t) => checkCidr(t, false), 'Network prefix, e.g. 10.10.0.0/16 or 2001:db8::/32')
export const InterfaceAddress = checkedText((t) => checkCidr(t, true), 'Interface address with length, e.g. 10.10.5.10/24')

export const MgmtAddress = checkedText(
  (t) => (looksLikeAddress(t) || !isHostName(t) ? checkAddress(t) : {ok: true, value: t}),
  'Management address (IP or DNS name) used by collect',
)

/** Zone id, device id, address or prefix. Addresses are canonicalized; ids are resolved later. */
function checkEndpoint(text: string): Checked {
  if (text === '') return {ok: false, message: 'empty flow endpoint'}
  return looksLikeAddress(text) ? checkEndpointAddress(text) : {ok: true, value: text}
}

/** One endpoint or a list of them → a list; each entry's problem is reported at the entry. */
export const Endpoints = z
  .union([z.string(), z.array(z.string()).min(1)], {error: 'expected a zone id, device id, address or prefix, or a list of them'})
  .describe('Zone ids, device ids, addresses or prefixes (one or a list)')
  .transform((value, ctx) => {
    const items = typeof value === 'string' ? [value] : value
    return items.map((text, index) => {
      const result = checkEndpoint(text)
      if (result.ok) return result.value
      const path = typeof value === 'string' ? [] : [index]
      ctx.addIssue({code: 'custom', message: result.message, path, params: result.hint ? {hint: result.hint} : undefined})
      return text
    })
  })

export const IsoDate = z
  .string()
  .describe('YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+08:00')
  .superRefine((text, ctx) => {
    const hint = dateHint(text)
    if (hint) ctx.addIssue({code: 'custom', message: `invalid date "${text.slice(0, 40)}"`, params: {hint}})
  })

export const DurationText = z
  .string()
  .describe('Duration: 30m, 4h, 1d, 2w, 6mo or 1y')
  .superRefine((text, ctx) => {
    if (!parseDuration(text)) {
      ctx.addIssue({code: 'custom', message: `invalid duration "${text.slice(0, 40)}"`, params: {hint: 'write a whole number and a unit: 30m, 4h, 1d, 2w, 6mo, 1y'}})
    }
  })

function portSpan(value: number | string): Checked {
  const m = typeof value === 'number' ? /^(\d+)$/.exec(String(value)) : /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value)
  const from = Number(m?.[1])
  const to = m?.[2] === undefined ? from : Number(m[2])
  if (!m || from > 65535 || to > 65535) {
    return {ok: false, message: `invalid port ${JSON.stringify(value).slice(0, 20)}`, hint: 'write a port (443) or a range ("8000-8080") within 0-65535'}
  }
  if (from > to) return {ok: false, message: `port range "${value}" is backwards`, hint: `did you mean "${to}-${from}"?`}
  return {ok: true, value: `${from}-${to}`}
}

export const Port = z
  .union([z.number(), z.string()], {error: 'expected a port number or an "a-b" range'})
  .describe('Port number or "a-b" range')
  .transform((value, ctx): PortSpan => {
    const result = portSpan(value)
    if (!result.ok) {
      ctx.addIssue({code: 'custom', message: result.message, params: result.hint ? {hint: result.hint} : undefined})
      return z.NEVER
    }
    const [from = 0, to = 0] = result.value.split('-').map(Number)
    return {from, to}
  })

/** `device:Interface` — split at the first colon, since interface names carry `/` and even `:`. */
export const LinkEnd = checkedText((t) => {
  const colon = t.indexOf(':')
  if (colon <= 0 || colon === t.length - 1) {
    return {ok: false, message: `invalid link end "${t.slice(0, 60)}"`, hint: 'write device:interface, e.g. nw-core-1:GigabitEthernet0/0/1'}
  }
  return {ok: true, value: t}
}, 'device:interface').transform((t) => {
  const colon = t.indexOf(':')
  return {device: t.slice(0, colon), interface: t.slice(colon + 1)}
})
