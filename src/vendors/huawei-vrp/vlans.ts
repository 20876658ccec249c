import type {SourceRef} from '../../model/index.js'
import type {Block} from './blocks.js'
import {words} from './blocks.js'
import {type ParseContext, unknown} from './context.js'
import {matchesPhrase} from './ignored.js'
import {parseVlanList} from './vlan-list.js'

// Inside `vlan N`: settings that do not change which ports carry the VLAN.
const IGNORED_VLAN_COMMANDS = ['igmp-snooping', 'mld-snooping', 'statistic', 'mac-address', 'undo mac-address', 'dhcp', 'arp', 'management-vlan', 'protocol-transparent', 'l2-multicast', 'multicast-vlan', 'stp', 'loop-detection']

function addVlan(ctx: ParseContext, id: number, ref: SourceRef): void {
  if (!ctx.config.vlans.some((v) => v.id === id)) ctx.config.vlans.push({id, ref})
}

/** `vlan batch 10 20 to 30` */
export function parseVlanBatch(block: Block, ctx: ParseContext): void {
  const ids = parseVlanList(words(block.header).slice(2))
  if (ids === undefined) unknown(ctx, block.header, undefined, 'bad VLAN list')
  else for (const id of ids) addVlan(ctx, id, ctx.rec.ref(block.header))
  for (const line of block.body) unknown(ctx, line, block)
}

/** `vlan N` view with `name` / `description`. */
export function parseVlanBlock(block: Block, ctx: ParseContext): void {
  const ids = parseVlanList(words(block.header).slice(1))
  if (ids === undefined) {
    unknown(ctx, block.header, undefined, 'bad VLAN id')
    for (const line of block.body) unknown(ctx, line, block)
    return
  }
  for (const id of ids) addVlan(ctx, id, ctx.rec.ref(block.header))
  for (const line of block.body) {
    const w = words(line)
    const key = w[0]?.toLowerCase()
    if ((key === 'name' || key === 'description') && w.length > 1) {
      const text = line.text.trim().slice(key.length).trim()
      for (const id of ids) {
        const vlan = ctx.config.vlans.find((v) => v.id === id)
        // `name` is the VLAN's name; a description only fills in when there is none.
        if (vlan && (key === 'name' || vlan.name === undefined)) vlan.name = text
      }
      continue
    }
    if (matchesPhrase(w, IGNORED_VLAN_COMMANDS)) continue
    unknown(ctx, line, block)
  }
}
