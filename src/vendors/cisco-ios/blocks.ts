import {isPromptLine, type SourceLine} from '../common/text.js'

/** A top-level command and the indented lines under it. */
export interface Block {
  header: SourceLine
  children: SourceLine[]
  /** A banner whose closing delimiter never came: its text was not skipped. */
  unterminated?: boolean
}

export interface BlockScan {
  blocks: Block[]
  /** Indented lines with no command above them (pasted fragments). */
  orphans: SourceLine[]
}

// Echoed `show` commands whose output is configuration; any other prompt starts foreign output.
const CONFIG_COMMAND = /[#>]\s*(sh(ow?)?\s+(run|running-config|start|startup-config|conf)|more\s+\S*conf|copy\s+run)/i
const BANNER = /^banner(?:\s+(?:motd|login|exec|incoming|slip-ppp|prompt-timeout|config-save))?\s+(.*)$/i
const MACRO = /^macro name \S+/i
// An indented block header after a closing `!` (hand-edited files) still opens a block.
const STRAY_HEADER = /^\s+(interface|line|router|vlan|ip access-list|ipv6 access-list|object-group) \S/
const CERT_CHAIN = /^crypto\s+(pki|ca)\s+certificate\s+chain\b/i

/** Where a `macro name` body ends: IOS closes it with a lone `@`. */
function macroEnd(lines: SourceLine[], at: number): number {
  for (let i = at + 1; i < lines.length; i++) if (lines[i]?.text.trim() === '@') return i
  return -1
}

/** Lines that are never configuration: blanks, `!` comments, the show-run preamble and `end`. */
function isNoise(line: SourceLine): boolean {
  const t = line.text.trim()
  if (t === '' || t.startsWith('!')) return true
  if (line.indent === 0 && (t === 'end' || t === 'Building configuration...')) return true
  return /^Current configuration\s*:\s*\d+\s*bytes$/i.test(t)
}

/** Where a banner that opens on line `at` ends, or -1 when its delimiter never closes it. */
function bannerEnd(lines: SourceLine[], at: number): number {
  const open = lines[at]
  const body = open === undefined ? undefined : BANNER.exec(open.text.trim())?.[1]
  if (body === undefined || body === '') return -1
  // `show run` prints the delimiter as `^C`; typed configs may use any single character.
  const delim = body.startsWith('^C') ? '^C' : body.charAt(0)
  if (body.slice(delim.length).includes(delim)) return at
  for (let i = at + 1; i < lines.length; i++) if (lines[i]?.text.includes(delim)) return i
  return -1
}

/**
 * Group significant lines into blocks. Banner bodies and certificate hex are consumed
 * here so no later stage (or error message) ever sees them; output of other `show`
 * commands in a saved session transcript is skipped.
 */
export function scanBlocks(lines: SourceLine[], onSignificant: (line: SourceLine) => void): BlockScan {
  const blocks: Block[] = []
  const orphans: SourceLine[] = []
  let current: Block | undefined
  let foreign = false
  let opaque = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === undefined) continue
    if (isPromptLine(line.text)) {
      foreign = !CONFIG_COMMAND.test(line.text)
      current = undefined
      continue
    }
    if (foreign) continue
    if (isNoise(line)) {
      // `show run` prints `!` at column 0 only between blocks, so it closes the open one.
      if (line.indent === 0 && line.text.startsWith('!')) current = undefined
      continue
    }
    if (line.indent > 0 && !(current === undefined && !opaque && STRAY_HEADER.test(line.text))) {
      if (opaque) continue
      onSignificant(line)
      if (current) current.children.push(line)
      else orphans.push(line)
      continue
    }
    onSignificant(line)
    opaque = CERT_CHAIN.test(line.text)
    current = {header: line, children: []}
    blocks.push(current)
    if (MACRO.test(line.text)) {
      const end = macroEnd(lines, i)
      if (end >= 0) {
        i = end
        current = undefined
      }
    } else if (BANNER.test(line.text)) {
      const end = bannerEnd(lines, i)
      if (end >= 0) {
        i = end
        current = undefined
      } else current.unterminated = true
    }
  }
  return {blocks, orphans}
}
