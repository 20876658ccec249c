/** Inventory dates: `2026-11-20` or a date-time with an offset, `2026-11-20T02:00:00+08:00`. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/

function realDay(year: string, month: string, day: string): boolean {
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  if (m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** The instant a date text names; a bare date is midnight UTC. Undefined when not strict ISO 8601. */
export function parseIsoDate(text: string): Date | undefined {
  const date = DATE.exec(text)
  if (date) {
    const [, y = '', m = '', d = ''] = date
    return realDay(y, m, d) ? new Date(`${text}T00:00:00Z`) : undefined
  }
  const stamp = DATE_TIME.exec(text)
  if (!stamp) return undefined
  const [, y = '', m = '', d = ''] = stamp
  if (!realDay(y, m, d)) return undefined
  const t = new Date(text)
  return Number.isNaN(t.getTime()) ? undefined : t
}

/** Why a text is not an inventory date, as a hint; undefined when it is one. */
export function dateHint(text: string): string | undefined {
  if (parseIsoDate(text)) return undefined
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
    return `add a UTC offset, e.g. ${text.replace(' ', 'T')}+08:00`
  }
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text) || /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(text)) {
    return 'write the date as YYYY-MM-DD with a real day, e.g. 2026-01-10'
  }
  return 'write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+08:00'
}
