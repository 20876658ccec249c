/** One physical line of a device file after decoding and residue clean-up. */
export interface SourceLine {
  /** 1-based line number in the original file. */
  no: number
  /** The line without its line end, pager residue, erase sequences and right-padding. */
  text: string
  /** Count of leading spaces (tabs count as one). */
  indent: number
}

const utf8 = new TextDecoder('utf-8', {fatal: true})
const gb18030 = new TextDecoder('gb18030')

/**
 * Decode device output: UTF-8 when valid, else GB18030 (a superset of GBK, which Chinese
 * firmware writes). NUL bytes (eNSP exports end with one) and a BOM are dropped.
 */
export function decodeDeviceText(input: Uint8Array | string): string {
  let text: string
  if (typeof input === 'string') text = input
  else {
    try {
      text = utf8.decode(input)
    } catch {
      text = gb18030.decode(input)
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return text.replace(/\0/g, '')
}

// Pager residue: "  ---- More ----" (VRP/Comware), " --More-- " (IOS), erase sequences ESC[nD and backspaces.
const MORE = /\s*-{2,}\s*More\s*-{2,}\s*|\s*<--- More --->\s*/gi
const ERASE = /\x1b\[\d*[A-KJ]|[\b]/g
const OTHER_ANSI = /\x1b\[[0-9;?]*[a-zA-Z]/g

export function cleanLine(raw: string): string {
  return raw.replace(MORE, '').replace(ERASE, '').replace(OTHER_ANSI, '').replace(/\r/g, '').trimEnd()
}

/** Split decoded text into lines numbered as in the original file (CRLF, CR and LF line ends). */
export function splitDeviceLines(text: string): SourceLine[] {
  const parts = text.split(/\r\n|\n|\r(?!\n)/)
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  return parts.map((raw, i) => {
    const t = cleanLine(raw)
    const m = /^[ \t]*/.exec(t)
    return {no: i + 1, text: t, indent: m ? m[0].length : 0}
  })
}

/** Read and split in one step. */
export function deviceLines(input: Uint8Array | string): SourceLine[] {
  return splitDeviceLines(decodeDeviceText(input))
}

/**
 * A CLI prompt echoed into a saved output: `<HUAWEI>display current-configuration`, `[H3C]`,
 * `Router#show running-config`, `sw1>terminal length 0`, `user@host> show configuration`.
 */
export function isPromptLine(text: string): boolean {
  const t = text.trim()
  if (/^<[A-Za-z0-9][^<>\s]{0,63}>/.test(t)) return true
  if (/^\[[~*]?[A-Za-z][^[\]\s]{0,63}\]/.test(t)) return true
  if (/^[A-Za-z0-9][\w.\-/:()@]{0,63}[#>]\s*(show|sh|display|dis|terminal|term|screen-length|enable|exit|quit)\b/i.test(t)) return true
  return /^[A-Za-z0-9][\w.\-/:()@]{0,63}#\s*$/.test(t)
}
