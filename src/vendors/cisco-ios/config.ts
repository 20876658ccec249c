import type {DeviceConfig} from '../../model/index.js'
import {deviceLines, type SourceLine} from '../common/text.js'
import {parseEnable, parseUsername} from './accounts.js'
import {parseNamedAclBlock, parseNumberedAclLine} from './acl.js'
import {parseObjectGroup} from './acl-groups.js'
import {buildFilters} from './acl-rules.js'
import {type Block, scanBlocks} from './blocks.js'
import {IosContext, words} from './context.js'
import {isIrrelevantGlobal} from './ignored.js'
import {convertInterfaces, parseInterfaceBlock} from './interfaces.js'
import {parseLineBlock} from './lines.js'
import {deriveLineServices, parseManagementLine} from './management.js'
import {parseStaticRoute} from './routes.js'
import {parseVlanBlock} from './vlans.js'
import {buildZoneFirewall} from './zbf.js'
import {parseZbfBlock, parsePortMap, ZBF_BLOCK} from './zbf-parse.js'

type LineHandler = (line: SourceLine, ctx: IosContext) => string | undefined

/** Single-line global commands: a pattern on the lower-cased text and its handler. */
const LINE_HANDLERS: [RegExp, LineHandler][] = [
  [/^hostname \S+$/, (line, ctx) => {
    ctx.cfg.hostname = words(line)[1]
    ctx.cfg.hostnameRef = ctx.ref(line)
    return undefined
  }],
  [/^(ip|ipv6) route /, parseStaticRoute],
  [/^username /, parseUsername],
  [/^enable (secret|password)\b/, parseEnable],
  [/^access-list /, parseNumberedAclLine],
  [/^ip access-list (logging|resequence|log-update)\b/, () => undefined],
  // Banner bodies were consumed by the block scan; the header alone remains.
  [/^banner\b/, () => undefined],
  // Clearing a list before redefining it leaves the file's definition as the only truth.
  [/^no (ip |ipv6 )?access-list /, () => undefined],
  [/^ip port-map /, parsePortMap],
]

/** Block commands whose children the handler interprets. */
const BLOCK_HANDLERS: [RegExp, (block: Block, ctx: IosContext) => void][] = [
  [/^interface \S/, parseInterfaceBlock],
  [/^vlan [\d,-]+$/, parseVlanBlock],
  [/^line \S/, parseLineBlock],
  [/^(ip access-list (standard|extended) |ipv6 access-list \S+$)/, parseNamedAclBlock],
  [/^object-group /, parseObjectGroup],
  [ZBF_BLOCK, parseZbfBlock],
]

function reportAll(block: Block, ctx: IosContext, reason: string): void {
  ctx.unknown(block.header, reason)
  for (const child of block.children) ctx.unknown(child, reason, block.header)
}

function dispatch(block: Block, ctx: IosContext): void {
  const text = words(block.header).join(' ')
  const low = text.toLowerCase()
  if (block.unterminated) return ctx.unknown(block.header, 'banner without a closing delimiter')
  for (const [re, handler] of BLOCK_HANDLERS) if (re.test(low)) return handler(block, ctx)
  const single = LINE_HANDLERS.find(([re]) => re.test(low))
  const claimed = single !== undefined || parseManagementLine(block.header, ctx)
  if (single) {
    const problem = single[1](block.header, ctx)
    if (problem !== undefined) ctx.unknown(block.header, problem)
  }
  if (claimed) {
    for (const child of block.children) ctx.unknown(child, 'unexpected line under a one-line command', block.header)
    return
  }
  if (isIrrelevantGlobal(words(block.header))) return
  reportAll(block, ctx, 'unrecognized command')
}

/** Parse one `show running-config` (or startup-config, or a saved session holding one). */
export function parseIosConfig(input: Uint8Array | string, file: string): DeviceConfig {
  const ctx = new IosContext(file)
  try {
    const {blocks, orphans} = scanBlocks(deviceLines(input), () => ctx.cov.count())
    for (const line of orphans) ctx.unknown(line, 'indented line outside any block')
    for (const block of blocks) dispatch(block, ctx)
    ctx.cfg.interfaces = convertInterfaces(ctx)
    ctx.cfg.filters = buildFilters(ctx)
    buildZoneFirewall(ctx)
    deriveLineServices(ctx)
  } catch (e) {
    // Parsers never throw (VendorParser contract): an internal fault becomes a coverage entry.
    const message = e instanceof Error ? e.message : String(e)
    ctx.cov.count()
    ctx.unknown({no: 1, text: '', indent: 0}, `internal parser error: ${message}`)
  }
  ctx.cfg.coverage = ctx.cov.result()
  return ctx.cfg
}
