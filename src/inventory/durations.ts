/** Inventory durations (SPEC §2): `30m 4h 1d 2w 6mo 1y`. */
export const DURATION_UNITS = ['m', 'h', 'd', 'w', 'mo', 'y'] as const
export type DurationUnit = (typeof DURATION_UNITS)[number]

export interface Duration {
  value: number
  unit: DurationUnit
}

const DURATION = /^([1-9]\d{0,5})(mo|m|h|d|w|y)$/

const MINUTE = 60_000
const FIXED_MS: Record<Exclude<DurationUnit, 'mo' | 'y'>, number> = {
  m: MINUTE,
  h: 60 * MINUTE,
  d: 24 * 60 * MINUTE,
  w: 7 * 24 * 60 * MINUTE,
}

/** `4h` → {value: 4, unit: 'h'}; undefined for anything else (no spaces, no zero, no leading zeros). */
export function parseDuration(text: string): Duration | undefined {
  const m = DURATION.exec(text)
  if (!m) return undefined
  return {value: Number(m[1]), unit: m[2] as DurationUnit}
}

export function formatDuration(d: Duration): string {
  return `${d.value}${d.unit}`
}

/**
 * Nominal length for comparing durations (an RPO against a backup interval): a month counts 30 days,
 * a year 365. Use addDuration for deadlines, which follows the calendar.
 */
export function durationMs(d: Duration): number {
  if (d.unit === 'mo') return d.value * 30 * FIXED_MS.d
  if (d.unit === 'y') return d.value * 365 * FIXED_MS.d
  return d.value * FIXED_MS[d.unit]
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
}

/**
 * `date + d`. Months and years follow the UTC calendar and clamp to the month's last day
 * (Jan 31 + 1mo = Feb 28/29), so "reviewed within 1y" means the same calendar date next year.
 */
export function addDuration(date: Date, d: Duration): Date {
  if (d.unit !== 'mo' && d.unit !== 'y') return new Date(date.getTime() + durationMs(d))
  const months = d.unit === 'y' ? d.value * 12 : d.value
  const total = date.getUTCMonth() + months
  const year = date.getUTCFullYear() + Math.floor(total / 12)
  const month = total % 12
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month))
  const result = new Date(date.getTime())
  result.setUTCFullYear(year, month, day)
  return result
}
