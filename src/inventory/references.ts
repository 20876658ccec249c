import type {Diagnostic} from '../errors/input-error.js'
import {VENDOR_IDS} from '../model/index.js'
import {suggestion} from '../errors/suggest.js'
import {looksLikeAddress} from './addresses.js'
import type {NodePath, YamlSource} from './yaml-source.js'

/**
 * Cross-reference checks on the raw document (so they run even when the schema found other problems):
 * unique ids per list, every reference resolves, role- and vendor-dependent required keys.
 */
type Raw = Record<string, unknown>

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const record = (value: unknown): Raw => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {})
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

const ROLES_WITH_HOME_ZONE = new Set(['switch', 'server', 'workstation'])

export function checkReferences(data: unknown, source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = []
  const root = record(data)
  const access = record(root.access)
  const report = (nodePath: NodePath, message: string, hint?: string, atKey = false) =>
    out.push(source.diagnostic(atKey ? source.locateKey(nodePath) : source.locate(nodePath), message, hint))

  /** Ids of a list, reporting the second of each duplicate with the first one's line. */
  const idsOf = (items: unknown, listPath: NodePath, what: string, key = 'id'): string[] => {
    const first = new Map<string, number>()
    list(items).forEach((item, index) => {
      const id = key === '' ? text(item) : text(record(item)[key])
      if (id === undefined) return
      const itemPath = key === '' ? [...listPath, index] : [...listPath, index, key]
      const seen = first.get(id)
      if (seen === undefined) first.set(id, index)
      else {
        const firstAt = source.locate(key === '' ? [...listPath, seen] : [...listPath, seen, key])
        const here = source.locate(itemPath)
        const where = firstAt.line === here.line ? `line ${firstAt.line}, column ${firstAt.col}` : `line ${firstAt.line}`
        report(itemPath, `duplicate ${what} "${id}"`, `the first "${id}" is at ${where}; ${what}s must be unique`)
      }
    })
    return [...first.keys()]
  }

  const zones = idsOf(root.zones, ['zones'], 'zone id')
  const devices = idsOf(root.devices, ['devices'], 'device id')
  idsOf(root.flows, ['flows'], 'flow id')
  const systems = idsOf(root.systems, ['systems'], 'system id')
  idsOf(root.plans, ['plans'], 'plan id')
  const accounts = idsOf(access.accounts, ['access', 'accounts'], 'account id')
  const levels = idsOf(access.levels, ['access', 'levels'], 'level', '')

  /** A reference at `nodePath` must be one of `known`. */
  const resolve = (nodePath: NodePath, known: readonly string[], what: string, extra: readonly string[] = []) => {
    const ref = text(valueAtPath(root, nodePath))
    if (ref === undefined || known.includes(ref) || extra.includes(ref)) return
    report(nodePath, `unknown ${what} "${ref}"`, suggestion(ref, [...known, ...extra], `${what}s`))
  }
  const levelRef = (nodePath: NodePath) => {
    const ref = text(valueAtPath(root, nodePath))
    if (ref !== undefined && levels.length === 0) report(nodePath, `level "${ref}" is used but access.levels is empty`, 'declare access.levels: [public, internal, confidential, secret], lowest first')
    else resolve(nodePath, levels, 'level')
  }

  list(root.devices).forEach((raw, d) => {
    const device = record(raw)
    const at = ['devices', d]
    if (device.zone === undefined && ROLES_WITH_HOME_ZONE.has(String(device.role))) {
      report(at, `device "${String(device.id)}" (${String(device.role)}) has no zone`, `add zone: one of ${zones.join(', ') || '(declare zones first)'}`)
    }
    resolve([...at, 'zone'], zones, 'zone')
    if (device.config !== undefined && device.vendor === undefined) {
      report([...at, 'config'], `device "${String(device.id)}" has a config file but no vendor`, `add vendor: one of ${VENDOR_IDS.join(', ')}`, true)
    }
    list(device.interfaces).forEach((_, i) => {
      resolve([...at, 'interfaces', i, 'zone'], zones, 'zone')
    })
  })

  list(root.flows).forEach((raw, f) => {
    for (const side of ['from', 'to'] as const) {
      const value = record(raw)[side]
      const paths: NodePath[] = Array.isArray(value) ? value.map((_, k) => ['flows', f, side, k]) : [['flows', f, side]]
      for (const endpointPath of paths) {
        const endpoint = text(valueAtPath(root, endpointPath))
        if (endpoint === undefined || endpoint === '' || looksLikeAddress(endpoint)) continue
        if (!zones.includes(endpoint) && !devices.includes(endpoint)) {
          report(endpointPath, `flow endpoint "${endpoint}" is not a zone id, device id, address or prefix`, suggestion(endpoint, [...zones, ...devices], 'zones and devices'))
        }
      }
    }
  })

  checkLinks(root, devices, report)

  list(root.systems).forEach((raw, s) => {
    resolve(['systems', s, 'zone'], zones, 'zone')
    if (record(raw).classification !== undefined) levelRef(['systems', s, 'classification'])
    list(record(raw).hosts).forEach((_, h) => {
      resolve(['systems', s, 'hosts', h], devices, 'device')
    })
  })
  list(root.backups).forEach((_, b) => {
    resolve(['backups', b, 'system'], systems, 'system')
  })
  list(root.plans).forEach((raw, p) => {
    list(record(raw).covers).forEach((_, c) => {
      resolve(['plans', p, 'covers', c], systems, 'system', ['network'])
    })
  })
  list(access.accounts).forEach((raw, a) => {
    const at = ['access', 'accounts', a]
    if (record(raw).clearance !== undefined) levelRef([...at, 'clearance'])
    list(record(raw).logins).forEach((_, l) => {
      resolve([...at, 'logins', l, 'device'], devices, 'device')
    })
  })
  list(access.grants).forEach((_, g) => {
    resolve(['access', 'grants', g, 'account'], accounts, 'account')
    resolve(['access', 'grants', g, 'system'], systems, 'system')
  })
  return out
}

function valueAtPath(root: Raw, nodePath: NodePath): unknown {
  let current: unknown = root
  for (const segment of nodePath) current = Array.isArray(current) ? current[Number(segment)] : record(current)[String(segment)]
  return current
}

/** Link ends name known devices; for a device described only in the inventory, a known interface too. */
function checkLinks(root: Raw, devices: string[], report: (p: NodePath, m: string, h?: string) => void): void {
  const declared = new Map<string, string[]>()
  for (const raw of list(root.devices)) {
    const device = record(raw)
    const names = list(device.interfaces).map((i) => text(record(i).name)).filter((n): n is string => n !== undefined)
    if (typeof device.id === 'string' && device.config === undefined && names.length > 0) declared.set(device.id, names)
  }
  list(root.links).forEach((link, l) => {
    list(link).forEach((end, e) => {
      const value = text(end)
      const colon = value?.indexOf(':') ?? -1
      if (value === undefined || colon <= 0) return
      const device = value.slice(0, colon)
      const name = value.slice(colon + 1)
      if (!devices.includes(device)) {
        report(['links', l, e], `link end names unknown device "${device}"`, suggestion(device, devices, 'devices'))
        return
      }
      const names = declared.get(device)
      if (names && !names.includes(name)) report(['links', l, e], `device "${device}" has no interface "${name}"`, suggestion(name, names, 'interfaces'))
    })
  })
}
