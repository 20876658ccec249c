import {writeFile} from 'node:fs/promises'

/** Write to --output (no colour) or to standard output. */
export async function emit(text: string, output: string | undefined): Promise<void> {
  if (output) await writeFile(output, text)
  else process.stdout.write(text)
}

export function wantsColor(output: string | undefined): boolean {
  return !output && !!process.stdout.isTTY && !process.env.NO_COLOR
}
