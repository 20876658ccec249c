import {type DeviceConfig, emptyDeviceConfig} from '../../model/index.js'
import {CoverageRecorder} from '../common/coverage.js'
import {deviceLines} from '../common/text.js'
import {parseAaa} from './accounts.js'
import {parseAcl} from './acl.js'
import {ref, type UsgContext, unknown} from './context.js'
import {isIrrelevant} from './ignored.js'
import {parseInterface} from './interfaces.js'
import {parseApi, parseServerSwitch, parseSnmp, parseUserInterface} from './management.js'
import {buildSecurityPolicy} from './policy.js'
import {parseStaticRoute} from './routes.js'
import {buildTree, type ConfigNode, descendants, startsWith} from './tree.js'
import {parseZone} from './zones.js'

/** Parse a USG `display current-configuration` (root system; vsys sections are reported). */
export function parseUsgConfig(input: Uint8Array | string, file: string): DeviceConfig {
  const config = emptyDeviceConfig('huawei-usg', file)
  const rec = new CoverageRecorder(file)
  const ctx: UsgContext = {
    rec,
    config,
    addressSets: new Map(),
    serviceSets: new Map(),
    policies: [],
    globalServices: new Map(),
    interfaceServices: [],
  }
  const tree = buildTree(deviceLines(input), rec)
  for (const node of tree.root) {
    try {
      topLevel(ctx, node)
    } catch (err) {
      // A parser bug must not lose the file: report the view and carry on.
      unknown(ctx, node, `parser error: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  for (const s of ctx.interfaceServices) if (ctx.globalServices.get(s.name) === false) s.enabled = false
  const policy = buildSecurityPolicy(ctx, config.securityZones.map((z) => z.name))
  config.filters.unshift(policy)
  config.filterBindings.push({kind: 'global', filter: policy.name, ref: policy.ref})
  for (const {line, vsys} of tree.trailing) {
    if (/^switch\s+vsys\b/i.test(line.text.trim())) continue
    rec.unrecognized(
      line,
      vsys ? 'virtual system (vsys) configuration is not modelled: only the root system is' : 'configuration after return',
      vsys ? `switch vsys ${vsys}` : undefined,
    )
  }
  // `switch vsys` headers are counted and recognized: their content is reported line by line.
  config.coverage = rec.result()
  return config
}

function topLevel(ctx: UsgContext, node: ConfigNode): void {
  const w = node.words
  const k = (w[0] ?? '').toLowerCase()
  if (k === 'sysname' && w[1]) {
    ctx.config.hostname = w.slice(1).join(' ')
    ctx.config.hostnameRef = ref(ctx, node)
  } else if (k === 'interface' && w[1]) parseInterface(ctx, node)
  else if (startsWith(node, 'firewall zone')) parseZone(ctx, node)
  else if (startsWith(node, 'ip route-static')) parseStaticRoute(ctx, node, 4)
  else if (startsWith(node, 'ipv6 route-static')) parseStaticRoute(ctx, node, 6)
  else if (startsWith(node, 'ip address-set') && w[2]) collectSet(ctx, node, 'address')
  else if (startsWith(node, 'ip service-set') && w[2] && !startsWith(node, 'ip service-set predefined')) collectSet(ctx, node, 'service')
  else if (k === 'security-policy' && w.length === 1) ctx.policies.push(node)
  else if (k === 'aaa' && w.length === 1) parseAaa(ctx, node)
  else if (k === 'acl' && w[1]) parseAcl(ctx, node)
  else if (k === 'user-interface' && w[1]) parseUserInterface(ctx, node)
  else if (parseServerSwitch(ctx, node)) allNested(ctx, node)
  else if (k === 'snmp-agent') parseSnmp(ctx, node)
  else if (k === 'api' && w.length === 1) parseApi(ctx, node)
  else if (startsWith(node, 'vlan batch')) vlanBatch(ctx, node)
  else if (k === 'nat-policy') natPolicy(ctx, node)
  else if (startsWith(node, 'nat server')) unknown(ctx, node, 'destination NAT (nat server) is not modelled')
  else if (startsWith(node, 'policy interzone') || startsWith(node, 'firewall packet-filter default')) {
    unknown(ctx, node, 'USG2000/5000 interzone packet filter is not modelled')
    for (const d of descendants(node)) unknown(ctx, d, 'USG2000/5000 interzone packet filter is not modelled', node)
  } else if (!isIrrelevant(node)) {
    unknown(ctx, node)
    for (const d of descendants(node)) unknown(ctx, d, 'inside an unrecognized view', node)
  }
}

/** Commands that take no view: any nested line is unexpected. */
function allNested(ctx: UsgContext, node: ConfigNode): void {
  for (const d of descendants(node)) unknown(ctx, d, 'unexpected nested command', node)
}

/** `ip address-set N type object|group` / `ip service-set N type object|group`: members kept for lazy resolution. */
function collectSet(ctx: UsgContext, node: ConfigNode, kind: 'address' | 'service'): void {
  const name = node.words[2] ?? ''
  const member = kind === 'address' ? 'address' : 'service'
  const def = {name, members: [] as {node: ConfigNode; words: string[]}[], ref: ref(ctx, node)}
  for (const c of node.children) {
    const ck = (c.words[0] ?? '').toLowerCase()
    if (ck === member) def.members.push({node: c, words: c.words.slice(1)})
    else if (ck !== 'description') unknown(ctx, c, `unrecognized ${kind}-set command`, node)
    for (const d of c.children) unknown(ctx, d, 'unexpected nested command', node)
  }
  ;(kind === 'address' ? ctx.addressSets : ctx.serviceSets).set(name, def)
}

function vlanBatch(ctx: UsgContext, node: ConfigNode): void {
  const w = node.words.slice(2)
  for (let i = 0; i < w.length; i++) {
    const from = Number(w[i])
    if (!/^\d+$/.test(w[i] ?? '')) continue
    const to = w[i + 1]?.toLowerCase() === 'to' && /^\d+$/.test(w[i + 2] ?? '') ? Number(w[i + 2]) : from
    if (to !== from) i += 2
    for (let v = from; v <= to && v <= 4094; v++) {
      if (!ctx.config.vlans.some((x) => x.id === v)) ctx.config.vlans.push({id: v, ref: ref(ctx, node)})
    }
  }
}

/** Source NAT never widens reach (policies match pre-NAT addresses); destination NAT would, so it is reported. */
function natPolicy(ctx: UsgContext, node: ConfigNode): void {
  for (const d of descendants(node)) {
    const t = d.words.join(' ').toLowerCase()
    if (t.startsWith('action destination-nat') || t.startsWith('action nat-server')) {
      unknown(ctx, d, 'destination NAT is not modelled', node)
    }
  }
}
