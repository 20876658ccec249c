import type {Filter, FilterRule, PacketMatch} from './filter.js'

/** `eth0` matches only eth0; `eth+` every name starting with `eth`; `+` every name. */
export function interfaceNameMatches(pattern: string, name: string): boolean {
  return pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : pattern === name
}

/**
 * The interfaces of one hop. A name: the packet crosses that interface. `null`: the packet has none
 * on that side (delivered to / sent by the device itself), so `-o x` fails and `! -o x` holds, as in
 * the kernel. Undefined: not known, so a rule testing that side may or may not apply.
 */
export interface HopInterfaces {
  in?: string | null
  out?: string | null
}

type Side = 'in' | 'out'

function sideHolds(names: string[] | undefined, negate: boolean | undefined, iface: string | null | undefined): boolean | undefined {
  if (names === undefined) return true
  if (iface === undefined) return undefined
  const hit = iface !== null && names.some((n) => interfaceNameMatches(n, iface))
  return hit !== Boolean(negate)
}

function withoutInterfaces(match: PacketMatch): PacketMatch {
  const {inInterfaces: _i, inInterfacesNegate: _in, outInterfaces: _o, outInterfacesNegate: _on, ...rest} = match
  return rest
}

/**
 * The filter as one hop sees it: rules whose interface tests fail are dropped, the others lose their
 * interface tests. A rule whose interface side is unknown becomes `unknown` (fail closed).
 */
export function bindFilterInterfaces(filter: Filter, hop: HopInterfaces): Filter {
  const rules: FilterRule[] = []
  for (const rule of filter.rules) {
    const m = rule.match
    const holds: Record<Side, boolean | undefined> = {
      in: sideHolds(m.inInterfaces, m.inInterfacesNegate, hop.in),
      out: sideHolds(m.outInterfaces, m.outInterfacesNegate, hop.out),
    }
    if (holds.in === false || holds.out === false) continue
    const bound: FilterRule = {...rule, match: withoutInterfaces(m)}
    if (holds.in === undefined || holds.out === undefined) {
      bound.action = 'unknown'
      bound.reason = `the rule tests the ${holds.in === undefined ? 'incoming' : 'outgoing'} interface, which is not known for this hop`
    }
    rules.push(bound)
  }
  return {...filter, rules}
}

/** Does any rule test the incoming or outgoing interface (iptables `-i`/`-o`)? */
export function testsInterfaces(filter: Filter): boolean {
  return filter.rules.some((r) => r.match.inInterfaces !== undefined || r.match.outInterfaces !== undefined)
}

/**
 * A filter evaluated without knowing the hop's interfaces: every rule that tests one is `unknown`
 * (never silently applied or skipped). Callers that know the hop bind it first.
 */
export function failClosedOnInterfaces(filter: Filter): Filter {
  return testsInterfaces(filter) ? bindFilterInterfaces(filter, {}) : filter
}
