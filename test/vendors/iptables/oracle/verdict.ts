/**
 * segaudit's verdict for one probed flow: the opening packet through the firewall, and its return
 * traffic back, each decided by the reference evaluator and by the compiled packet sets.
 */
import {compileFilter, evaluateFilter} from '../../../../src/analysis/filters/index.js'
import type {Packet, PacketState} from '../../../../src/analysis/packetset/index.js'
import {bindFilterInterfaces, type DeviceConfig, type Filter, type HopInterfaces} from '../../../../src/model/index.js'
import {chainFilterName} from '../../../../src/vendors/iptables/index.js'
import type {Probe} from './lab.js'

export type FlowVerdict = 'open' | 'blocked' | 'unknown'

export interface Hop {
  chain: 'FORWARD' | 'INPUT' | 'OUTPUT'
  interfaces: HopInterfaces
}

export interface FlowPlan {
  probe: Probe
  /** Hop of the opener's packets, hop of the replies. */
  there: Hop
  back: Hop
}

const PROTO = {tcp: 6, udp: 17, icmp: 1} as const

/** The opening packet, its reply, and for TCP the opener's next packet (the ACK completing the handshake). */
function packets(p: Probe): {there: Packet; back: Packet; onward?: Packet} {
  const protocol = p.proto === 'icmp' && p.family === 6 ? 58 : PROTO[p.proto]
  const make = (src: string, dst: string, state: PacketState, sport: number, dport: number, icmpType: number): Packet =>
    p.proto === 'icmp'
      ? {family: p.family, src, dst, protocol, icmpType, icmpCode: 0, state}
      : {family: p.family, src, dst, protocol, srcPort: sport, dstPort: dport, state}
  const [request, reply] = p.family === 6 ? [128, 129] : [8, 0]
  const there = make(p.src, p.dst, 'new', p.sport, p.dport, request)
  const back = make(p.dst, p.src, 'established', p.dport, p.sport, reply)
  return p.proto === 'tcp' ? {there, back, onward: {...there, state: 'established'}} : {there, back}
}

/** Bound filters are compiled once per (chain, interfaces) and reused across probes. */
export class ModelJudge {
  private readonly compiled = new Map<string, ReturnType<typeof compileFilter>>()
  private readonly bound = new Map<string, Filter>()

  constructor(private readonly config: DeviceConfig) {}

  private filterFor(hop: Hop, family: 4 | 6): Filter {
    const key = `${family} ${hop.chain} ${hop.interfaces.in} ${hop.interfaces.out}`
    let f = this.bound.get(key)
    if (!f) {
      const name = chainFilterName(hop.chain, family)
      const filter = this.config.filters.find((x) => x.name === name)
      if (!filter) throw new Error(`parser produced no filter ${name}`)
      f = bindFilterInterfaces(filter, hop.interfaces)
      this.bound.set(key, f)
      this.compiled.set(key, compileFilter(f))
    }
    return f
  }

  /** Verdict of one hop by both evaluators; they must agree with each other. */
  hop(hop: Hop, packet: Packet): 'permit' | 'deny' | 'unknown' {
    const filter = this.filterFor(hop, packet.family)
    const reference = evaluateFilter(filter, packet).verdict
    const compiled = this.compiled.get(`${packet.family} ${hop.chain} ${hop.interfaces.in} ${hop.interfaces.out}`)
    if (!compiled) throw new Error('not compiled')
    const byRule = compiled.decidingRule(packet).verdict
    const bySets = compiled.permitted.contains(packet) ? 'permit' : compiled.denied.contains(packet) ? 'deny' : 'unknown'
    if (reference !== byRule || byRule !== bySets) {
      throw new Error(`evaluators disagree on ${JSON.stringify(packet)} at ${hop.chain}: reference ${reference}, decidingRule ${byRule}, sets ${bySets}`)
    }
    return reference
  }

  flow(plan: FlowPlan): FlowVerdict {
    const {there, back, onward} = packets(plan.probe)
    const verdicts = [this.hop(plan.there, there), this.hop(plan.back, back)]
    if (onward) verdicts.push(this.hop(plan.there, onward))
    if (verdicts.includes('deny')) return 'blocked'
    return verdicts.every((v) => v === 'permit') ? 'open' : 'unknown'
  }
}
