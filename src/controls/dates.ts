import {addDuration, type Duration, formatDuration} from '../inventory/durations.js'
import {parseIsoDate} from '../inventory/dates.js'

/** `YYYY-MM-DD` of an instant (UTC), for messages about the audit clock. */
export function day(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** The latest of some inventory date texts that is not after `now`; later ones are reported apart. */
export function latestBy(texts: (string | undefined)[], now: Date): {latest?: Date; text?: string; future: string[]} {
  let latest: Date | undefined
  let text: string | undefined
  const future: string[] = []
  for (const t of texts) {
    const d = t === undefined ? undefined : parseIsoDate(t)
    if (!d || t === undefined) continue
    if (d.getTime() > now.getTime()) future.push(t)
    else if (!latest || d > latest) {
      latest = d
      text = t
    }
  }
  return {...(latest ? {latest} : {}), ...(text ? {text} : {}), future}
}

/** Is `last + period` before `now`? Exactly at the limit is still within it. */
export function overdue(last: Date, period: Duration, now: Date): boolean {
  return addDuration(last, period).getTime() < now.getTime()
}

export {formatDuration}
