import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'

/** The lines of a vendor's fixtures (all of them, or the named ones). */
export function fixtureLines(vendor: string, files?: string[]): string[][] {
  const dir = fileURLToPath(new URL(`../fixtures/${vendor}/`, import.meta.url))
  return (files ?? readdirSync(dir)).map((f) => readFileSync(`${dir}${f}`, 'utf8').split('\n'))
}

/**
 * A real config with up to 20 edits: lines dropped, duplicated, re-indented, their last token
 * swapped for a vendor word, or a word appended — the damage hand edits and bad exports do.
 */
export function mutatedConfig(fixtures: string[][], words: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom(...words)), {maxLength: 20}))
    .map(([lines, edits]) => {
      const out = [...lines]
      for (const [pos, op, word] of edits) {
        const i = pos % Math.max(out.length, 1)
        const line = out[i] ?? ''
        if (op === 0) out.splice(i, 1)
        else if (op === 1) out.splice(i, 0, line)
        else if (op === 2) out[i] = ` ${line}`
        else if (op === 3) out[i] = line.replace(/\S+\s*$/, word)
        else out[i] = `${line} ${word}`
      }
      return out.join('\n')
    })
}
