import type {Block} from './blocks.js'
import {type IosContext, words} from './context.js'
import {parseVlanList} from './switchport.js'

// VLAN sub-commands with no bearing on which ports share a broadcast domain.
const IRRELEVANT_VLAN_CHILD = /^(state|mtu|said|media|are|ste|backupcrf|parent|ring|bridge|tb-vlan\d|stp|lldp|uni-vlan|et-vlan)\b/

/** `vlan 10` / `vlan 10,20-30` with optional `name X` under it. */
export function parseVlanBlock(block: Block, ctx: IosContext): void {
  const args = words(block.header).slice(1)
  const ids = args.length === 1 && args[0] !== undefined ? parseVlanList(args[0]) : undefined
  if (ids === undefined) {
    ctx.unknown(block.header, 'bad VLAN list')
    for (const child of block.children) ctx.unknown(child, 'line under an unparsed VLAN', block.header)
    return
  }
  ctx.switchEvidence = true
  let name: string | undefined
  for (const child of block.children) {
    const w = words(child)
    if (w[0] === 'name' && w.length > 1) name = child.text.trim().slice(4).trim()
    else if (w[0] === 'private-vlan' || w[0] === 'remote-span') ctx.unknown(child, 'private/remote-span VLANs are not modelled', block.header)
    else if (!IRRELEVANT_VLAN_CHILD.test(w.join(' ')) && w[0] !== 'shutdown' && w.join(' ') !== 'no shutdown')
      ctx.unknown(child, 'unrecognized VLAN command', block.header)
  }
  const ref = ctx.ref(block.header)
  for (const id of ids) {
    const existing = ctx.cfg.vlans.find((v) => v.id === id)
    const vlan = existing ?? {id, ref}
    if (name !== undefined && ids.length === 1) vlan.name = name
    if (!existing) ctx.cfg.vlans.push(vlan)
  }
}
