import {type DeviceConfig, emptyDeviceConfig} from '../../model/index.js'
import {CoverageRecorder} from '../common/coverage.js'
import {deviceLines} from '../common/text.js'
import {parseAaaBlock, parseLocalUserView} from './aaa.js'
import {finishFilters, parseGlobalFilter} from './acl-bindings.js'
import {newAclTable, parseAclBlock} from './acl.js'
import {type Block, splitBlocks, words} from './blocks.js'
import {type BlockHandler, type ParseContext, startsWithWords, unknown} from './context.js'
import {IGNORED_VIEWS, matchesPhrase} from './ignored.js'
import {parseInterfaceBlock} from './interfaces.js'
import {parseServiceSwitch, parseSnmpAgent, parseUserInterface} from './management.js'
import {parseStaticRoute} from './routes.js'
import {toNeutralInterface} from './switchport.js'
import {parseVlanBatch, parseVlanBlock} from './vlans.js'
import {parseFirewallZone} from './zones.js'

function parseSysname(block: Block, ctx: ParseContext): void {
  const name = words(block.header).slice(1).join(' ')
  if (name === '') unknown(ctx, block.header, undefined, 'sysname without a name')
  else {
    ctx.config.hostname = name
    ctx.config.hostnameRef = ctx.rec.ref(block.header)
  }
  for (const line of block.body) unknown(ctx, line, block)
}

/** Banners and key blocks: recognized, body skipped so no key material reaches a report. */
const skipBody: BlockHandler = () => {}

/** First match wins; parsed views come before the ignore list. */
const HANDLERS: [(w: string[]) => boolean, BlockHandler][] = [
  [(w) => startsWithWords(w, 'sysname'), parseSysname],
  [(w) => startsWithWords(w, 'interface'), parseInterfaceBlock],
  [(w) => startsWithWords(w, 'vlan batch'), parseVlanBatch],
  [(w) => startsWithWords(w, 'vlan') && /^\d/.test(w[1] ?? ''), parseVlanBlock],
  [
    (w) =>
      (startsWithWords(w, 'ip route-static') || startsWithWords(w, 'ipv6 route-static')) &&
      (/^[\d:a-f]+[.:/]/i.test(w[2] ?? '') || w[2]?.toLowerCase() === 'vpn-instance'),
    parseStaticRoute,
  ],
  [(w) => w.length === 1 && startsWithWords(w, 'aaa'), parseAaaBlock],
  [(w) => startsWithWords(w, 'local-user'), parseLocalUserView],
  [(w) => startsWithWords(w, 'user-interface') && !startsWithWords(w, 'user-interface maximum-vty'), parseUserInterface],
  [(w) => startsWithWords(w, 'acl'), parseAclBlock],
  [(w) => startsWithWords(w, 'traffic-filter') && /^(in|out)bound$/i.test(w[1] ?? ''), parseGlobalFilter],
  [(w) => startsWithWords(w, 'firewall zone') && w.length === 3, parseFirewallZone],
  [(w) => startsWithWords(w, 'header'), skipBody],
]

/** A switch: any L2 port config, `vlan batch`, or an SVI. Decides the default of bare Ethernet ports. */
function looksLikeSwitch(blocks: Block[], ctx: ParseContext): boolean {
  if ([...ctx.interfaces.values()].some((i) => i.kind === 'svi' || i.linkType !== undefined)) return true
  return blocks.some((b) => startsWithWords(words(b.header), 'vlan batch'))
}

function dispatch(block: Block, ctx: ParseContext): void {
  const w = words(block.header)
  for (const [test, handle] of HANDLERS) {
    if (test(w)) {
      handle(block, ctx)
      return
    }
  }
  if (startsWithWords(w, 'snmp-agent') || startsWithWords(w, 'undo snmp-agent')) {
    if (parseSnmpAgent(block, ctx)) return
  }
  if (parseServiceSwitch(block, ctx)) return
  if (matchesPhrase(w, IGNORED_VIEWS)) return
  unknown(ctx, block.header, undefined)
  for (const line of block.body) unknown(ctx, line, block)
}

/** Parse one `display current-configuration` (or a saved script of the same commands). Never throws. */
export function parseVrpConfig(input: Uint8Array | string, file: string): DeviceConfig {
  const config = emptyDeviceConfig('huawei-vrp', file)
  const rec = new CoverageRecorder(file)
  const ctx: ParseContext = {rec, config, interfaces: new Map(), acls: newAclTable(), lineAcls: []}
  const {blocks, significant} = splitBlocks(deviceLines(input))
  for (let n = 0; n < significant; n++) rec.count()
  for (const block of blocks) dispatch(block, ctx)
  const switchDevice = looksLikeSwitch(blocks, ctx)
  config.interfaces = [...ctx.interfaces.values()].map((i) => toNeutralInterface(i, switchDevice))
  finishFilters(ctx)
  config.coverage = rec.result()
  return config
}
