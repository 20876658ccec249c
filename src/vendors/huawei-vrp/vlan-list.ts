/** `10 20 to 30`, `all` → VLAN ids; undefined when a token is not part of a VLAN list. */
export function parseVlanList(tokens: string[]): number[] | undefined {
  if (tokens.length === 1 && tokens[0]?.toLowerCase() === 'all') return range(1, 4094)
  const out: number[] = []
  for (let i = 0; i < tokens.length; i++) {
    const a = vlanId(tokens[i])
    if (a === undefined) return undefined
    if (tokens[i + 1]?.toLowerCase() === 'to') {
      const b = vlanId(tokens[i + 2])
      if (b === undefined || b < a) return undefined
      out.push(...range(a, b))
      i += 2
    } else out.push(a)
  }
  return out.length > 0 ? out : undefined
}

export function vlanId(token: string | undefined): number | undefined {
  if (token === undefined || !/^\d{1,4}$/.test(token)) return undefined
  const n = Number(token)
  return n >= 1 && n <= 4094 ? n : undefined
}

function range(a: number, b: number): number[] {
  const out: number[] = []
  for (let v = a; v <= b; v++) out.push(v)
  return out
}

/** Ascending, deduplicated. */
export function sortedUnique(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((x, y) => x - y)
}
