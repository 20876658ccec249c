import {existsSync, statSync} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {type Diagnostic, InputError} from '../errors/input-error.js'
import {displayPath} from '../inventory/yaml-source.js'
import {builtinPolicyPath} from '../policy/load.js'
import {renderConfigsReadme} from './configs-readme.js'
import {renderInventory} from './inventory-template.js'
import {packageFile, referenceFrom} from './package-files.js'
import {renderWaivers} from './waivers-template.js'

export interface InitOptions {
  dir: string
  /** Overwrite files that already exist. */
  force: boolean
  /** Also write `policy.yaml`, a copy of the built-in pack, and name it in the inventory. */
  withPolicy: boolean
}

export interface InitResult {
  dir: string
  /** Files written, as shown to the user, and whether each replaced an existing file. */
  files: {file: string; overwritten: boolean}[]
}

const POLICY_FILE = 'policy.yaml'
const SCHEMA_LINE = /^# yaml-language-server: \$schema=.*$/m

/** The built-in pack, its editor schema line pointing at the installed package. */
async function policyCopy(dir: string): Promise<string> {
  const text = await readFile(builtinPolicyPath(), 'utf8')
  return text.replace(SCHEMA_LINE, `# yaml-language-server: $schema=${referenceFrom(dir, packageFile('schemas/policy.schema.json'))}`)
}

async function plan(dir: string, withPolicy: boolean): Promise<[string, string][]> {
  const files: [string, string][] = [
    ['inventory.yaml', renderInventory({
      schemaRef: referenceFrom(dir, packageFile('schemas/inventory.schema.json')),
      ...(withPolicy ? {policy: POLICY_FILE} : {}),
      examples: 'commented',
    })],
    [path.join('configs', 'README.md'), renderConfigsReadme()],
    ['waivers.yaml', renderWaivers()],
  ]
  if (withPolicy) files.push([POLICY_FILE, await policyCopy(dir)])
  return files
}

function problem(file: string, message: string, hint: string): Diagnostic {
  return {file: displayPath(file), line: 1, col: 1, message, hint}
}

/** Nothing is written unless every file can be: a refusal leaves DIR as it was. */
function check(dir: string, files: string[], force: boolean): Diagnostic[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) return [problem(dir, 'is a file, not a directory', 'pass a directory to scaffold in')]
  const out: Diagnostic[] = []
  const configs = path.join(dir, 'configs')
  if (existsSync(configs) && !statSync(configs).isDirectory()) out.push(problem(configs, 'is a file, not a directory', 'move it away; init writes configs/README.md'))
  for (const f of files) {
    const p = path.join(dir, f)
    if (!existsSync(p)) continue
    if (statSync(p).isDirectory()) out.push(problem(p, 'is a directory, not a file', 'move it away, or pick another DIR'))
    else if (!force) out.push(problem(p, 'already exists; not overwriting it', 'pass --force to overwrite, or pick another DIR'))
  }
  return out
}

/** `segaudit init`: an inventory to fill in that validates as written, plus its companions. */
export async function scaffold(opts: InitOptions): Promise<InitResult> {
  const dir = path.resolve(opts.dir)
  const files = await plan(dir, opts.withPolicy)
  const problems = check(dir, files.map(([f]) => f), opts.force)
  if (problems.length) throw new InputError(problems)
  await mkdir(path.join(dir, 'configs'), {recursive: true})
  const written: InitResult['files'] = []
  for (const [f, text] of files) {
    const p = path.join(dir, f)
    const overwritten = existsSync(p)
    await writeFile(p, text)
    written.push({file: displayPath(p), overwritten})
  }
  return {dir: dir === process.cwd() ? '.' : displayPath(dir), files: written}
}
