import type {SourceRef, Vlan} from '../../model/index.js'
import {parseVlanList, expandVlanList, singleVlan} from './vlan-list.js'
import type {BlockHandler, Statement} from './walker.js'

/** VLANs by id; a later `vlan N` block adds its name to the VLAN a range declared. */
export class VlanTable {
  private readonly byId = new Map<number, Vlan>()

  /** `vlan 10`, `vlan 10 to 20`, `vlan 10 20 30`: returns the view handler, or undefined when the list is bad. */
  open(s: Statement, ref: SourceRef): BlockHandler | undefined {
    const list = parseVlanList(s.words.slice(1))
    if (!list) return undefined
    const ids = expandVlanList(list)
    for (const id of ids) if (!this.byId.has(id)) this.byId.set(id, {id, ref})
    const single = ids.length === 1 ? this.byId.get(ids[0] ?? 0) : undefined
    return {
      child: (c) => {
        const key = c.words[0]?.toLowerCase()
        if (key === 'name' && single && c.words.length > 1) {
          single.name = c.text.replace(/^name\s+/i, '')
          return true
        }
        // `description` is prose; the rest shapes neither membership nor addressing.
        return key === 'description' || IRRELEVANT.has(key ?? '') || isVlanPortList(c)
      },
    }
  }

  has(id: number): boolean {
    return this.byId.has(id)
  }

  list(): Vlan[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id)
  }
}

const IRRELEVANT = new Set(['igmp-snooping', 'mld-snooping', 'arp', 'dhcp', 'undo', 'voice-vlan', 'multicast-vlan', 'private-vlan', 'l2vpn', 'stp', 'protocol-vlan', 'ip-subnet-vlan', 'mac-vlan', 'vlan-mapping', 'flooding'])

/**
 * Comware 5 can also list access ports in VLAN view (`port GigabitEthernet1/0/1 to GigabitEthernet1/0/4`).
 * The same membership is printed under each interface as `port access vlan`, so this line adds nothing.
 */
function isVlanPortList(c: Statement): boolean {
  return c.words[0]?.toLowerCase() === 'port' && c.words.length >= 2 && singleVlan(c.words[1]) === undefined
}
