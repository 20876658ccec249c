import type {AddressMatch, Filter, FilterRule, PacketMatch, SourceRef} from '../../model/index.js'
import type {AsaContext, AsaInterface, BoxAccess} from './context.js'

/** The management sessions the ASA itself answers, with their TCP port. */
const PORTS = {ssh: 22, telnet: 23} as const

const any: AddressMatch = {kind: 'any'}

function ownAddresses(ai: AsaInterface): AddressMatch[] {
  return ai.iface.addresses.map((a) => ({kind: 'prefix', family: a.family, address: a.address, length: a.family === 4 ? 32 : 128}))
}

/** Permit one access line's sources to its port on its interface. */
function accessRule(e: BoxAccess, port: number, ifname: string): FilterRule {
  return {
    id: `${e.proto} ${e.nameif}`,
    action: 'permit',
    match: {src: [e.src], dst: [any], protocols: [6], dstPorts: [{from: port, to: port}], inInterfaces: [ifname]},
    ref: e.ref,
  }
}

/**
 * What the ASA answers on its own addresses (`to-the-box`, bound `local`). Access-groups never
 * apply to it: the ASA answers a session only on the address of the interface it arrives on,
 * SSH/Telnet only where an `ssh|telnet … IF` line names that interface, ASDM where `http … IF`
 * does, ICMP by default (or by `icmp permit|deny` lines, not modelled: unknown). Anything else
 * (VPN termination, DHCP, routing protocols, SNMP) is not modelled and stays unknown. Traffic to
 * another interface's address is dropped (the default).
 */
function toTheBox(ctx: AsaContext, zoned: AsaInterface[]): Filter | undefined {
  const rules: FilterRule[] = []
  for (const ai of zoned) {
    if (ai.iface.shutdown || ai.iface.addresses.length === 0) continue
    const nameif = ai.nameif ?? ''
    const here = ai.iface.ref
    const base = (protocols?: number[]): PacketMatch => ({src: [any], dst: ownAddresses(ai), inInterfaces: [ai.iface.name], ...(protocols ? {protocols} : {})})
    for (const proto of ['ssh', 'telnet'] as const) {
      const first = ctx.boxAccess.find((e) => e.proto === proto && e.nameif === nameif)
      const port = PORTS[proto]
      // With an access line the `<proto>-sources` management filter decides who gets in.
      rules.push({
        id: first ? `${nameif} ${proto}` : `${nameif} ${proto} (no ${proto} line)`,
        action: first ? 'permit' : 'deny',
        match: {...base([6]), dstPorts: [{from: port, to: port}]},
        ref: first?.ref ?? here,
      })
    }
    const http = ctx.boxAccess.find((e) => e.proto === 'http' && e.nameif === nameif)
    if (http && ctx.httpServer) {
      const port = ctx.httpServer.port
      rules.push({id: `${nameif} http`, action: 'permit', match: {...base([6]), dstPorts: [{from: port, to: port}]}, ref: http.ref})
    }
    const icmp = ctx.icmpRules.get(nameif)
    const icmpProtocols = [...new Set(ai.iface.addresses.map((a) => (a.family === 4 ? 1 : 58)))]
    rules.push(
      icmp
        ? {id: `${nameif} icmp`, action: 'unknown', match: base(icmpProtocols), ref: icmp, reason: `icmp permit/deny lines for ${nameif} are not modelled`}
        : {id: `${nameif} icmp`, action: 'permit', match: base(icmpProtocols), ref: here},
    )
    rules.push({id: `${nameif} other`, action: 'unknown', match: base(), ref: here, reason: `other services the ASA may answer on ${nameif} (VPN, DHCP, routing protocols, SNMP) are not modelled`})
  }
  const first = zoned[0]
  if (!first) return undefined
  return {name: 'to-the-box', kind: 'security-policy', rules, defaultAction: 'deny', stateful: true, ref: first.iface.ref}
}

/**
 * `<proto>-sources` (ssh, telnet, http): the ASA's source restriction of a management service as a
 * filter (permit each listed source on its interface, default deny), bound as that service's
 * management binding. The reach analysis applies every management filter to tcp 22–23 (SSH and
 * Telnet alike), so the ssh and telnet filters also carry the other service's lines on its port.
 */
function sourceFilters(ctx: AsaContext, byNameif: Map<string, string>): {filter: Filter; line: string; ref: SourceRef}[] {
  const out: {filter: Filter; line: string; ref: SourceRef}[] = []
  const known = ctx.boxAccess.filter((e) => byNameif.has(e.nameif))
  const rulesFor = (proto: BoxAccess['proto'], port: number) => known.filter((e) => e.proto === proto).map((e) => accessRule(e, port, byNameif.get(e.nameif) ?? ''))
  for (const proto of ['ssh', 'telnet'] as const) {
    const own = known.filter((e) => e.proto === proto)
    const first = own[0]
    if (!first) continue
    const other = proto === 'ssh' ? 'telnet' : 'ssh'
    const rules = [...rulesFor(proto, PORTS[proto]), ...rulesFor(other, PORTS[other])]
    out.push({filter: {name: `${proto}-sources`, kind: 'acl', rules, defaultAction: 'deny', stateful: true, ref: first.ref}, line: proto, ref: first.ref})
  }
  const http = known.filter((e) => e.proto === 'http')
  const server = ctx.httpServer
  // Bound only when ASDM listens on 443: the analysis applies an HTTP filter to tcp 80 and 443.
  if (http[0] && server?.port === 443) {
    out.push({filter: {name: 'http-sources', kind: 'acl', rules: rulesFor('http', 443), defaultAction: 'deny', stateful: true, ref: http[0].ref}, line: 'http', ref: http[0].ref})
  }
  return out
}

/** The to-the-box filter and the management source filters, with their bindings. */
export function buildToTheBox(ctx: AsaContext): void {
  const zoned = ctx.interfaces.filter((ai) => ai.nameif !== undefined)
  const byNameif = new Map(zoned.map((ai) => [ai.nameif ?? '', ai.iface.name]))
  for (const e of ctx.boxAccess) {
    if (!byNameif.has(e.nameif)) ctx.rec.unrecognized({no: e.ref.line, text: e.ref.text ?? '', indent: 0}, `no interface is named ${e.nameif}`)
  }
  const box = toTheBox(ctx, zoned)
  if (box) {
    ctx.config.filters.push(box)
    ctx.config.filterBindings.push({kind: 'local', filter: box.name, ref: box.ref})
  }
  for (const {filter, line, ref} of sourceFilters(ctx, byNameif)) {
    ctx.config.filters.push(filter)
    ctx.config.filterBindings.push({kind: 'management', filter: filter.name, line, ref})
  }
}
