import type {SecurityZone, SourceRef} from '../../model/index.js'
import {canonicalInterfaceName} from './names.js'
import type {BlockHandler, Statement} from './walker.js'

/** A `zone-pair security source A destination B` view and the ACLs it applies, in order. */
export interface ZonePair {
  from: string
  to: string
  acls: {acl: string; family?: 4 | 6; ref: SourceRef}[]
  /** `object-policy apply ip|ipv6 NAME`, in order. */
  objectPolicies: {name: string; family: 4 | 6; ref: SourceRef}[]
  ref: SourceRef
}

/** `security-zone name X` with `import interface IF [vlan …]`. */
export function openSecurityZone(s: Statement, ref: (s: Statement) => SourceRef, zones: SecurityZone[]): BlockHandler | undefined {
  const low = s.words.map((w) => w.toLowerCase())
  if (low[1] !== 'name' || s.words[2] === undefined || s.words.length !== 3) return undefined
  const name = s.words[2]
  let zone = zones.find((z) => z.name === name)
  if (!zone) {
    zone = {name, interfaces: [], ref: ref(s)}
    zones.push(zone)
  }
  const z = zone
  return {
    child: (c) => {
      const w = c.words.map((x) => x.toLowerCase())
      if (w[0] === 'import' && w[1] === 'interface' && c.words[2] !== undefined) {
        // `import interface X vlan 10` narrows the zone to VLANs on a bridge port; the port still joins the zone.
        if (w.length > 3 && w[3] !== 'vlan') return false
        const itf = canonicalInterfaceName(c.words[2])
        if (!z.interfaces.includes(itf)) z.interfaces.push(itf)
        return true
      }
      if (w[0] === 'priority' && /^\d+$/.test(w[1] ?? '')) {
        z.level = Number(w[1])
        return true
      }
      return w[0] === 'description'
    },
  }
}

/** `zone-pair security source A destination B` with `packet-filter [ipv6] N|name X`. */
export function openZonePair(s: Statement, ref: (s: Statement) => SourceRef, pairs: ZonePair[]): BlockHandler | undefined {
  const low = s.words.map((w) => w.toLowerCase())
  if (low[1] !== 'security' || low[2] !== 'source' || low[4] !== 'destination' || s.words.length !== 6) return undefined
  const pair: ZonePair = {from: s.words[3] ?? '', to: s.words[5] ?? '', acls: [], objectPolicies: [], ref: ref(s)}
  pairs.push(pair)
  return {
    child: (c) => {
      const w = c.words.map((x) => x.toLowerCase())
      if (w[0] === 'description') return true
      if (w[0] === 'object-policy' && w[1] === 'apply' && (w[2] === 'ip' || w[2] === 'ipv6') && c.words[3] !== undefined && w.length === 4) {
        pair.objectPolicies.push({name: c.words[3], family: w[2] === 'ipv6' ? 6 : 4, ref: ref(c)})
        return true
      }
      if (w[0] !== 'packet-filter') return false
      let i = 1
      let family: 4 | 6 | undefined
      if (w[i] === 'ipv6') {
        family = 6
        i++
      }
      if (w[i] === 'name') i++
      const acl = c.words[i]
      if (acl === undefined || i + 1 !== c.words.length) return false
      const entry: ZonePair['acls'][number] = {acl, ref: ref(c)}
      if (family !== undefined) entry.family = family
      pair.acls.push(entry)
      return true
    },
  }
}
