/**
 * Where each packet header field lives among the BDD variables. Bits are most significant first,
 * so a prefix constrains a run of consecutive variables from the top of its field and the
 * "always take the 0 branch" walk yields the numerically lowest value.
 */

export type FieldName = 'family' | 'state' | 'protocol' | 'dstIp' | 'srcIp' | 'dstPort' | 'srcPort' | 'icmpType' | 'icmpCode'

export interface Field {
  readonly name: FieldName
  /** Variable index of the most significant bit. */
  readonly offset: number
  readonly width: number
}

export const FIELD_WIDTHS: Readonly<Record<FieldName, number>> = {
  family: 1, // 0 = IPv4, 1 = IPv6
  state: 1, // 0 = new, 1 = established
  protocol: 8,
  // IPv4 addresses occupy the top 32 bits of the same 128 variables; the low 96 stay free.
  dstIp: 128,
  srcIp: 128,
  dstPort: 16,
  srcPort: 16,
  icmpType: 8,
  icmpCode: 8,
}

/** The default order; docs/packet-sets.md explains it. */
export const DEFAULT_ORDER: readonly FieldName[] = [
  'family',
  'state',
  'protocol',
  'dstIp',
  'srcIp',
  'dstPort',
  'srcPort',
  'icmpType',
  'icmpCode',
]

export class Layout {
  readonly fields: Readonly<Record<FieldName, Field>>
  readonly varCount: number

  constructor(readonly order: readonly FieldName[] = DEFAULT_ORDER) {
    const names = Object.keys(FIELD_WIDTHS) as FieldName[]
    if (order.length !== names.length || !names.every((n) => order.includes(n))) {
      throw new Error(`packet field order must list each of ${names.join(', ')} once`)
    }
    const fields = {} as Record<FieldName, Field>
    let offset = 0
    for (const name of order) {
      fields[name] = {name, offset, width: FIELD_WIDTHS[name]}
      offset += FIELD_WIDTHS[name]
    }
    this.fields = fields
    this.varCount = offset
  }

  /** The IPv4 view of an address field: its top 32 variables. */
  ipv4(field: Field): Field {
    return {name: field.name, offset: field.offset, width: 32}
  }
}
