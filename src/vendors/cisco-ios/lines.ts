import type {ManagementLine} from '../../model/index.js'
import type {Block} from './blocks.js'
import {type IosContext, intIn, words} from './context.js'
import {isIrrelevantLine} from './ignored.js'

function lineKind(type: string): ManagementLine['kind'] {
  if (type === 'vty') return 'vty'
  if (type === 'con' || type === 'console') return 'console'
  if (type === 'aux') return 'aux'
  return 'other'
}

/** `line vty 0 4`, `line con 0`, `line aux 0` and their transport, ACL, timeout and login. */
export function parseLineBlock(block: Block, ctx: IosContext): void {
  const args = words(block.header).slice(1)
  const type = (args[0] ?? '').toLowerCase()
  const name = [type === 'console' ? 'con' : type, ...args.slice(1)].join(' ')
  const line: ManagementLine = {name, kind: lineKind(type), transports: [], ref: ctx.ref(block.header)}
  for (const child of block.children) {
    const w = words(child).map((x) => x.toLowerCase())
    const ref = ctx.ref(child)
    const [c0, c1, c2] = w
    if (c0 === 'transport' && c1 === 'input') {
      line.transports = w.slice(2)
      if (line.transports.length === 0) ctx.unknown(child, 'transport input without protocols', block.header)
    } else if ((c0 === 'access-class' || (c0 === 'ipv6' && c1 === 'access-class')) && w.length >= 3) {
      const acl = c0 === 'ipv6' ? words(child)[2] : words(child)[1]
      const dir = c0 === 'ipv6' ? w[3] : c2
      if (dir === 'in' && acl !== undefined) {
        if (c0 !== 'ipv6') line.accessAcl = acl
        ctx.cfg.filterBindings.push({kind: 'management', filter: acl, line: `line ${name}`, ref})
      }
    } else if (c0 === 'exec-timeout') {
      const min = intIn(c1, 0, 35791)
      const sec = c2 === undefined ? 0 : intIn(c2, 0, 2147483)
      if (min === undefined || sec === undefined) ctx.unknown(child, 'bad exec-timeout', block.header)
      else line.idleTimeoutMinutes = min + sec / 60
    } else if (c0 === 'login') {
      if (c1 === 'local') line.authMode = 'local'
      else if (c1 === 'authentication') line.authMode = `aaa:${words(child)[2] ?? 'default'}`
      else if (c1 === undefined) line.authMode = 'password'
    } else if (c0 === 'no' && c1 === 'login') line.authMode = 'none'
    else if (c0 === 'no' && c1 === 'exec-timeout') line.idleTimeoutMinutes = 10
    else if (!isIrrelevantLine(w)) ctx.unknown(child, 'unrecognized line command', block.header)
  }
  // Effective defaults: IOS idles out a session after 10 minutes; the vty default transport varies
  // by release (`all` on classic IOS), so assume the permissive one and never miss telnet.
  line.idleTimeoutMinutes ??= 10
  if (line.kind === 'vty' && line.transports.length === 0) line.transports = ['all']
  ctx.cfg.management.lines.push(line)
}
