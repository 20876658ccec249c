import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseIsoDate} from '../../src/inventory/dates.js'
import {addDuration, DURATION_UNITS, type Duration, durationMs, formatDuration, parseDuration} from '../../src/inventory/durations.js'

const duration = fc.record({value: fc.integer({min: 1, max: 999_999}), unit: fc.constantFrom(...DURATION_UNITS)})
const instant = fc.date({min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true})
const days = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)

describe('parseDuration', () => {
  it('reads every SPEC form', () => {
    expect(['30m', '4h', '1d', '2w', '6mo', '1y'].map(parseDuration)).toEqual([
      {value: 30, unit: 'm'},
      {value: 4, unit: 'h'},
      {value: 1, unit: 'd'},
      {value: 2, unit: 'w'},
      {value: 6, unit: 'mo'},
      {value: 1, unit: 'y'},
    ])
  })

  it('refuses anything else', () => {
    for (const text of ['', '1', 'd', '0d', '01d', '1 d', '1D', '1day', '1.5h', '-1d', '1dd', ' 1d', '1d ', '1m1h']) expect(parseDuration(text)).toBeUndefined()
  })

  it('round-trips formatDuration', () => {
    fc.assert(
      fc.property(duration, (d) => {
        expect(parseDuration(formatDuration(d))).toEqual(d)
      }),
    )
  })

  it('never accepts text that does not format back identically', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 8}), (text) => {
        const d = parseDuration(text)
        if (d) expect(formatDuration(d)).toBe(text)
      }),
    )
  })
})

describe('addDuration', () => {
  it('adds exactly durationMs for fixed-length units', () => {
    const fixed = fc.record({value: fc.integer({min: 1, max: 99_999}), unit: fc.constantFrom('m' as const, 'h' as const, 'd' as const, 'w' as const)})
    fc.assert(
      fc.property(instant, fixed, (date, d) => {
        expect(addDuration(date, d).getTime() - date.getTime()).toBe(durationMs(d))
      }),
    )
  })

  it('follows the UTC calendar for months and years, clamping to the last day of the month', () => {
    const calendar = fc.record({value: fc.integer({min: 1, max: 600}), unit: fc.constantFrom('mo' as const, 'y' as const)})
    fc.assert(
      fc.property(instant, calendar, (date, d) => {
        const result = addDuration(date, d)
        const months = d.unit === 'y' ? d.value * 12 : d.value
        const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months
        expect(result.getUTCFullYear() * 12 + result.getUTCMonth()).toBe(monthIndex)
        expect(result.getUTCDate()).toBe(Math.min(date.getUTCDate(), new Date(days(result)).getUTCDate()))
        expect(result.getTime() % 86_400_000).toBe(date.getTime() % 86_400_000)
        expect(result.getTime()).toBeGreaterThan(date.getTime())
      }),
    )
  })

  it('treats 12mo as 1y and is monotonic in the value', () => {
    fc.assert(
      fc.property(instant, fc.integer({min: 1, max: 50}), (date, n) => {
        expect(addDuration(date, {value: n, unit: 'y'}).getTime()).toBe(addDuration(date, {value: 12 * n, unit: 'mo'}).getTime())
        expect(addDuration(date, {value: n + 1, unit: 'mo'}).getTime()).toBeGreaterThan(addDuration(date, {value: n, unit: 'mo'}).getTime())
      }),
    )
  })

  it('handles the month-end cases people get wrong', () => {
    const at = (iso: string, d: Duration) => addDuration(new Date(iso), d).toISOString()
    expect(at('2026-01-31T00:00:00Z', {value: 1, unit: 'mo'})).toBe('2026-02-28T00:00:00.000Z')
    expect(at('2028-01-31T08:30:00Z', {value: 1, unit: 'mo'})).toBe('2028-02-29T08:30:00.000Z')
    expect(at('2028-02-29T00:00:00Z', {value: 1, unit: 'y'})).toBe('2029-02-28T00:00:00.000Z')
    expect(at('2026-11-30T00:00:00Z', {value: 3, unit: 'mo'})).toBe('2027-02-28T00:00:00.000Z')
  })

  it('orders durations by nominal length', () => {
    expect(durationMs({value: 24, unit: 'h'})).toBe(durationMs({value: 1, unit: 'd'}))
    expect(durationMs({value: 1, unit: 'y'})).toBeGreaterThan(durationMs({value: 11, unit: 'mo'}))
  })
})

describe('parseIsoDate', () => {
  it('accepts dates and date-times with an offset', () => {
    expect(parseIsoDate('2026-11-20')?.toISOString()).toBe('2026-11-20T00:00:00.000Z')
    expect(parseIsoDate('2026-11-20T02:00:00+08:00')?.toISOString()).toBe('2026-11-19T18:00:00.000Z')
    expect(parseIsoDate('2028-02-29T23:59Z')?.toISOString()).toBe('2028-02-29T23:59:00.000Z')
  })

  it('refuses impossible days, missing offsets and other shapes', () => {
    for (const text of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '2026/01/05', '2026-11-20T02:00:00', '2026-11-20 02:00+08:00', '20261120', 'yesterday']) {
      expect(parseIsoDate(text)).toBeUndefined()
    }
  })

  it('agrees with the calendar on every day', () => {
    fc.assert(
      fc.property(fc.integer({min: 1900, max: 2200}), fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 31}), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d
        expect(parseIsoDate(text) !== undefined).toBe(real)
      }),
    )
  })
})
