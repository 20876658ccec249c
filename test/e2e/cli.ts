import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Run the real CLI entry (bin/run.js → dist/) as a user would, from the repository root. */
export function segaudit(args: string[], opts: {cwd?: string; env?: Record<string, string>} = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/run.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', ...opts.env},
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  })
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}
