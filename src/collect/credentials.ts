import {readFileSync, statSync} from 'node:fs'
import {homedir, userInfo} from 'node:os'
import {resolve} from 'node:path'
import {parse as parseYaml} from 'yaml'
import {CollectUsageError} from './errors.js'

/** What one device logs in with. Secrets live only here and in the redactor. */
export interface Credential {
  username: string
  password?: string
  /** Absolute path of a private key file. */
  keyFile?: string
  passphrase?: string
  /** ssh-agent socket, tried when set. */
  agent?: string
  /** Cisco `enable` secret. */
  enable?: string
}

type CredentialFields = Omit<Partial<Credential>, 'agent'> & {agent?: string | boolean}

const FIELDS: Record<string, keyof CredentialFields> = {
  username: 'username',
  user: 'username',
  password: 'password',
  key: 'keyFile',
  passphrase: 'passphrase',
  agent: 'agent',
  enable: 'enable',
}
const SECRET_FIELDS: (keyof Credential)[] = ['password', 'passphrase', 'enable']

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`)
}

/**
 * Where credentials come from, weakest first: ssh-agent and `SEGAUDIT_SSH_*` variables, then the
 * credentials file's `defaults`, its glob entries in file order, and its exact device entry.
 */
export class CredentialStore {
  private constructor(
    private readonly base: CredentialFields,
    private readonly overrides: {pattern: RegExp; exact: boolean; fields: CredentialFields}[],
  ) {}

  static fromEnvironment(env: NodeJS.ProcessEnv, file?: string): CredentialStore {
    const base: CredentialFields = {
      username: env.SEGAUDIT_SSH_USER || undefined,
      password: env.SEGAUDIT_SSH_PASSWORD || undefined,
      keyFile: env.SEGAUDIT_SSH_KEY ? resolve(expandHome(env.SEGAUDIT_SSH_KEY)) : undefined,
      passphrase: env.SEGAUDIT_SSH_KEY_PASSPHRASE || undefined,
      agent: env.SSH_AUTH_SOCK || undefined,
    }
    if (!file) return new CredentialStore(base, [])
    const {defaults, devices} = readCredentialsFile(file)
    const overrides = Object.entries(devices).map(([name, fields]) => ({
      pattern: globToRegExp(name),
      exact: !/[*?]/.test(name),
      fields,
    }))
    // Exact names win over globs whatever their order in the file.
    overrides.sort((a, b) => Number(a.exact) - Number(b.exact))
    return new CredentialStore({...base, ...defined(defaults, base.agent)}, overrides)
  }

  forDevice(deviceId: string): Credential {
    let merged: CredentialFields = {...this.base}
    for (const override of this.overrides) {
      if (override.pattern.test(deviceId)) merged = {...merged, ...defined(override.fields, this.base.agent)}
    }
    const {agent, ...rest} = merged
    const credential: Credential = {...rest, username: merged.username ?? userInfo().username}
    if (typeof agent === 'string') credential.agent = agent
    return credential
  }

  /** Every secret value known, so messages can be scrubbed of them. */
  secrets(): string[] {
    const all = [this.base, ...this.overrides.map((o) => o.fields)]
    return all.flatMap((fields) => SECRET_FIELDS.map((field) => fields[field])).filter((v): v is string => !!v)
  }
}

/** Drops unset fields; `agent: true` means the environment's agent, `false` none. */
function defined(fields: CredentialFields, envAgent: string | boolean | undefined): CredentialFields {
  // Spread would copy unset keys as `undefined` and erase what a weaker source set.
  const out: CredentialFields = {}
  for (const [key, value] of Object.entries(fields) as [keyof CredentialFields, unknown][]) {
    if (value === undefined) continue
    if (key === 'agent') out.agent = value === true ? envAgent : value === false ? false : String(value)
    else (out as Record<string, unknown>)[key] = value
  }
  return out
}

function readCredentialsFile(file: string): {defaults: CredentialFields; devices: Record<string, CredentialFields>} {
  let mode: number
  let text: string
  try {
    mode = statSync(file).mode
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CollectUsageError(`cannot read credentials file ${file} (${(error as NodeJS.ErrnoException).code})`)
  }
  if ((mode & 0o077) !== 0) {
    throw new CollectUsageError(
      `credentials file ${file} is readable by others (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); refusing to use it`,
      `chmod 600 ${file}`,
    )
  }
  let doc: unknown
  try {
    doc = parseYaml(text)
  } catch {
    // The parser's message quotes the offending text, which may be a secret.
    throw new CollectUsageError(`credentials file ${file} is not valid YAML`, 'see docs/collect.md for the format')
  }
  const root = (doc ?? {}) as Record<string, unknown>
  if (typeof root !== 'object' || Array.isArray(root)) {
    throw new CollectUsageError(`credentials file ${file} must be a mapping with defaults: and devices:`)
  }
  const devices: Record<string, CredentialFields> = {}
  const deviceMap = (root.devices ?? {}) as Record<string, unknown>
  for (const [name, fields] of Object.entries(deviceMap)) devices[name] = fieldsOf(fields, `${file}: devices.${name}`)
  return {defaults: fieldsOf(root.defaults ?? {}, `${file}: defaults`), devices}
}

function fieldsOf(value: unknown, where: string): CredentialFields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CollectUsageError(`${where} must be a mapping of credential fields`)
  }
  const fields: CredentialFields = {}
  for (const [key, raw] of Object.entries(value)) {
    const field = FIELDS[key]
    if (!field) {
      throw new CollectUsageError(`${where}: unknown field "${key}"`, `use ${Object.keys(FIELDS).join(', ')}`)
    }
    if (field === 'agent') fields.agent = typeof raw === 'boolean' ? raw : String(raw)
    else if (field === 'keyFile') fields.keyFile = resolve(expandHome(String(raw)))
    else fields[field] = String(raw)
  }
  return fields
}
