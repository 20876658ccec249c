/** VLAN id lists as Comware writes them: `10 20 to 30 40`; `all` means 1–4094. */
export type VlanList = number[] | 'all'

export const MAX_VLAN = 4094

function vlanId(tok: string | undefined): number | undefined {
  if (tok === undefined || !/^\d{1,4}$/.test(tok)) return undefined
  const n = Number(tok)
  return n >= 1 && n <= MAX_VLAN ? n : undefined
}

/** Parses the whole token list or returns undefined (a bad token means we did not understand the line). */
export function parseVlanList(tokens: readonly string[]): VlanList | undefined {
  if (tokens.length === 1 && tokens[0]?.toLowerCase() === 'all') return 'all'
  if (tokens.length === 0) return undefined
  const out: number[] = []
  for (let i = 0; i < tokens.length; i++) {
    const from = vlanId(tokens[i])
    if (from === undefined) return undefined
    if (tokens[i + 1]?.toLowerCase() === 'to') {
      const to = vlanId(tokens[i + 2])
      if (to === undefined || to < from) return undefined
      for (let v = from; v <= to; v++) out.push(v)
      i += 2
    } else out.push(from)
  }
  return out
}

export function expandVlanList(list: VlanList): number[] {
  if (list !== 'all') return list
  return Array.from({length: MAX_VLAN}, (_, i) => i + 1)
}

export function singleVlan(tok: string | undefined): number | undefined {
  return vlanId(tok)
}
