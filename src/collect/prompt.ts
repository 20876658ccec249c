/** A CLI prompt learned from the first one the device prints; later prompts must name the same host. */
export interface LearnedPrompt {
  /** `HUAWEI`, `R1`, `admin@srx1`. */
  hostname: string
  /** True when `line` (the unterminated last line) is this device's prompt, in any view or mode. */
  matches(line: string): boolean
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

interface PromptShape {
  /** Recognizes a first prompt and captures the hostname. */
  first: RegExp
  /** The same shape for a known hostname (any view: `[name-GigabitEthernet0/0/1]`, `name(config)#`). */
  known(name: string): RegExp
}

const SHAPES: PromptShape[] = [
  // VRP / Comware / USG: <name> user view, [name] system view, `~`/`*` markers on VRP 8, HRP_M/HRP_S on USG pairs.
  {
    // Logins land in user view, so the whole bracketed text of the first prompt is the name.
    first: /^(?:HRP_[MSA])?(?:<([^\s<>]+)>|\[[~*]?([^\s[\]~*]+)\])\s?$/,
    known: (name) => new RegExp(`^(?:HRP_[MSA])?[<[][~*]?${escapeRegExp(name)}(?:-[^\\s<>[\\]]*)?[>\\]]\\s?$`),
  },
  // Junos: user@host> operational, user@host# configuration.
  {
    first: /^([\w.-]+@[\w.-]+)[>#%]\s?$/,
    known: (name) => new RegExp(`^${escapeRegExp(name)}[>#%]\\s?$`),
  },
  // IOS / ASA: name> user mode, name# privileged, name(config-if)#.
  {
    first: /^([A-Za-z0-9][\w.\-/:]*?)(?:\([^)]*\))?[#>]\s?$/,
    known: (name) => new RegExp(`^${escapeRegExp(name)}(?:\\([^)]*\\))?[#>]\\s?$`),
  },
]

/** Learns the prompt from the device's first unterminated line, or undefined when it is not one. */
export function learnPrompt(line: string): LearnedPrompt | undefined {
  for (const shape of SHAPES) {
    const match = shape.first.exec(line)
    const hostname = match?.[1] ?? match?.[2]
    if (!hostname) continue
    const known = shape.known(hostname)
    return {hostname, matches: (candidate) => known.test(candidate)}
  }
  return undefined
}

/** Pager prompts, matched at the end of the unterminated last line; group 0 is what gets cut. */
const PAGERS = [
  // VRP `  ---- More ----`, IOS ` --More-- `, Comware; equal dash runs so a half-arrived prompt never matches.
  /(?<![-])(-{2,4}) ?More ?\1 *$/i,
  / *<--- More ---> *$/, // ASA
  /---\(more(?: \d+%)?\)--- *$/, // Junos
]

/** Column where a pager prompt starts on the current line, or -1. */
export function pagerAt(line: string): number {
  for (const pager of PAGERS) {
    const match = pager.exec(line)
    if (match) return line.slice(0, match.index).trimEnd().length
  }
  return -1
}
