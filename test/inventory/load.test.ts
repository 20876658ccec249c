import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatDiagnostic} from '../../src/errors/input-error.js'
import {loadInventory} from '../../src/inventory/load.js'
import {diagnosticsOf, FIXTURES, positions, tempFile} from './helpers.js'

const FULL = path.join(FIXTURES, 'full/inventory.yaml')
const errors = (name: string) => path.join(FIXTURES, 'errors', name)

describe('loadInventory: a valid SPEC §2 inventory', () => {
  it('loads into the expected, normalized object', async () => {
    const loaded = await loadInventory(FULL)
    const inv = loaded.inventory
    expect(inv.version).toBe(1)
    expect(inv.policy).toBe('policy.yaml')
    expect(inv.zones.map((z) => [z.id, z.kind, z.prefixes])).toEqual([
      ['intranet', 'intranet', ['10.10.0.0/16']],
      ['extranet', 'extranet', ['172.20.0.0/16', '2001:db8::/64']],
      ['portal', 'portal', ['203.0.113.0/24']],
      ['internet', 'internet', ['0.0.0.0/0']],
    ])
    expect(inv.devices[0]).toEqual({
      id: 'nw-core-1',
      zone: 'intranet',
      role: 'switch',
      vendor: 'huawei-vrp',
      config: 'configs/nw-core-1.cfg',
      neighbors: 'configs/nw-core-1.lldp.txt',
      mgmt: {address: '10.10.255.1', port: 2222},
      interfaces: [],
    })
    expect(inv.devices[1]?.mgmt).toEqual({address: 'nw-acc-1.mgmt.example', port: 22})
    expect(inv.devices[2]).toEqual({id: 'oa-app-1', zone: 'intranet', role: 'server', interfaces: [{name: 'eth0', address: '10.10.5.10/24'}]})
    expect(inv.devices[3]?.interfaces[1]).toEqual({name: 'eth1', address: '2001:db8::1/64', zone: 'extranet'})
    expect(inv.flows).toEqual([
      {id: 'web', from: ['internet'], to: ['203.0.113.10', '203.0.113.11'], proto: 'tcp', ports: [{from: 80, to: 80}, {from: 443, to: 443}]},
      {id: 'publish', from: ['172.20.10.0/28'], to: ['203.0.113.20'], proto: 'tcp', ports: [{from: 443, to: 443}, {from: 8000, to: 8080}], why: '门户内容发布'},
      {id: 'push', from: ['203.0.113.20', 'fw-1'], to: ['172.20.5.5'], proto: 'tcp', ports: [{from: 8443, to: 8443}]},
      {id: 'ping', from: ['extranet'], to: ['portal'], proto: 'icmp', ports: []},
    ])
    expect(inv.links).toEqual([
      {a: {device: 'nw-core-1', interface: 'GigabitEthernet0/0/1'}, b: {device: 'nw-acc-1', interface: 'GigabitEthernet0/0/24'}},
      {a: {device: 'oa-app-1', interface: 'eth0'}, b: {device: 'nw-acc-1', interface: 'GigabitEthernet0/0/2'}},
    ])
    expect(inv.systems).toEqual([{id: 'oa', name: '协同办公系统', zone: 'intranet', importance: 'important', classification: 'confidential', hosts: ['oa-app-1']}])
    expect(inv.backups[0]).toEqual({
      system: 'oa',
      interval: '1d',
      lastSuccess: '2026-11-20T02:00:00+08:00',
      copies: [{location: 'local'}, {location: 'same-city', site: '市数据中心'}, {location: 'remote', site: '异地灾备中心'}],
      lastRestoreTest: '2026-06-01',
    })
    expect(inv.plans[0]).toMatchObject({id: 'ep-network', covers: ['oa', 'network'], drills: ['2026-05-20'], rto: '4h', rpo: '24h'})
    expect(inv.plans[0]?.contacts).toEqual([{name: '张三', role: '应急负责人', phone: '022-0000-0000'}])
    expect(inv.access).toEqual({
      levels: ['public', 'internal', 'confidential', 'secret'],
      accounts: [{id: 'zhangsan', clearance: 'confidential', duties: ['system-admin'], logins: [{device: 'nw-core-1', username: 'zhangsan'}]}],
      grants: [{account: 'zhangsan', system: 'oa', access: 'admin'}],
    })
  })

  it('maps nodes back to file:line:col and resolves device files', async () => {
    const loaded = await loadInventory(FULL)
    expect(loaded.dir).toBe(path.dirname(FULL))
    expect(loaded.locate(['devices', 2, 'interfaces', 0, 'address'])).toEqual({file: loaded.file, line: 29, col: 40})
    expect(loaded.locate(['links', 0, 1])).toMatchObject({line: 45, col: 38})
    // A missing node falls back to its nearest existing ancestor.
    expect(loaded.locate(['devices', 2, 'vendor'])).toMatchObject({line: 26, col: 5})
    expect(loaded.locate(['devices', 99])).toMatchObject({line: 13, col: 3})
    expect(loaded.resolveDeviceFile(loaded.inventory.devices[0]?.config ?? '')).toBe(path.join(path.dirname(FULL), 'configs/nw-core-1.cfg'))
  })

  it('fills defaults for omitted lists, mgmt.port and access', async () => {
    const file = await tempFile('inv.yaml', 'version: 1\ndevices:\n  - {id: r1, role: router, mgmt: {address: "2001:DB8::1"}}\n')
    const {inventory} = await loadInventory(file)
    expect(inventory).toEqual({
      version: 1,
      zones: [],
      devices: [{id: 'r1', role: 'router', mgmt: {address: '2001:db8::1', port: 22}, interfaces: []}],
      flows: [],
      links: [],
      systems: [],
      backups: [],
      plans: [],
      access: {levels: [], accounts: [], grants: []},
    })
  })
})

describe('loadInventory: every problem at once, at file:line:col', () => {
  it('reports schema, reference and file errors of one file together, in order', async () => {
    const diagnostics = await diagnosticsOf(loadInventory(errors('many.yaml')))
    expect(diagnostics.every((d) => d.file === path.relative(process.cwd(), errors('many.yaml')))).toBe(true)
    expect(positions(diagnostics)).toEqual([
      [2, 1, 'unknown key "zonez" in the top level'],
      [4, 47, 'zones[0].prefixes[0]: prefix "10.1.2.77/24" has host bits set'],
      [4, 61, 'zones[0].prefixes[1]: invalid address "010.1.0.0": leading zeros'],
      [6, 10, 'duplicate zone id "intranet"'],
      [9, 11, 'unknown zone "intrenet"'],
      [10, 11, 'devices[0].role: "swtich" is not one of router, switch, firewall, server, workstation, isolation-gateway'],
      [11, 5, 'device "sw-1" has a config file but no vendor'],
      [11, 13, 'file not found: sw-1.cfg'],
      [12, 5, 'device "srv-1" (server) has no zone'],
      [14, 37, 'devices[1].mgmt.port must be ≤ 65535'],
      [14, 44, 'unknown key "password" in devices[1].mgmt'],
      [15, 40, 'devices[1].interfaces[0].address: interface address "10.1.2.3" has no length'],
      [17, 20, 'flow endpoint "extranett" is not a zone id, device id, address or prefix'],
      [17, 36, 'flows[0].to[0]: prefix length 33 exceeds 32 in "10.1.2.0/33"'],
      [17, 75, 'flows[0].ports[1]: port range "90-80" is backwards'],
      [17, 84, 'flows[0].ports[2]: invalid port 70000'],
      [19, 18, 'link end names unknown device "ghost"'],
      [20, 5, 'links[1] needs at least 2 item(s)'],
      [22, 42, 'systems[0].importance: "high" is not one of critical, important, general'],
      [22, 64, 'unknown level "topsecret"'],
      [22, 83, 'unknown device "srv-9"'],
      [24, 14, 'unknown system "oaa"'],
      [24, 29, 'backups[0].interval: invalid duration "1 day"'],
      [24, 49, 'backups[0].lastSuccess: invalid date "2026-02-30"'],
      [26, 40, 'unknown system "netwrk"'],
      [26, 59, 'plans[0].approved: invalid date "2026-01-10 10:00"'],
      [30, 27, 'unknown level "confidential"'],
      [30, 59, 'unknown device "sw-2"'],
      [32, 17, 'unknown account "a2"'],
      [32, 41, 'access.grants[0].access: "root" is not one of admin, write, read'],
    ])
    const hint = (line: number, col: number) => diagnostics.find((d) => d.line === line && d.col === col)?.hint
    expect(hint(2, 1)).toBe('did you mean "zones"?')
    expect(hint(4, 47)).toBe('did you mean 10.1.2.0/24?')
    expect(hint(10, 11)).toBe('did you mean "switch"?')
    expect(hint(9, 11)).toBe('did you mean "intranet"?')
    expect(hint(17, 75)).toBe('did you mean "80-90"?')
    expect(hint(20, 5)).toBe('write a link as [device:interface, device:interface]')
    expect(hint(26, 59)).toBe('add a UTC offset, e.g. 2026-01-10T10:00+08:00')
    expect(hint(14, 44)).toMatch(/credentials never go in this file/)
  })

  it('never echoes a secret written into the inventory', async () => {
    const diagnostics = await diagnosticsOf(loadInventory(errors('many.yaml')))
    expect(JSON.stringify(diagnostics)).not.toContain('hunter2')
  })

  it('resolves every reference kind, with suggestions', async () => {
    const diagnostics = await diagnosticsOf(loadInventory(errors('dangling.yaml')))
    expect(diagnostics.map((d) => [d.line, d.col, d.message, d.hint])).toEqual([
      [5, 22, 'unknown zone "intranett"', 'did you mean "intranet"?'], // device.zone
      [8, 60, 'unknown zone "dmz"', 'known zones: intranet'], // interface.zone
      [10, 31, 'flow endpoint "sw-9" is not a zone id, device id, address or prefix', 'did you mean "sw-1"?'],
      [12, 18, 'link end names unknown device "fw-2"', 'did you mean "fw-1"?'],
      [13, 18, 'device "fw-1" has no interface "eth9"', 'did you mean "eth0"?'],
      [15, 20, 'unknown zone "extranet"', 'did you mean "intranet"?'], // system.zone
      [15, 69, 'unknown level "secrett"', 'did you mean "secret"?'], // classification
      [15, 92, 'unknown device "srv-1"', 'known devices: sw-1, fw-1'], // system.hosts
      [17, 14, 'unknown system "mail"', 'known systems: oa'], // backups.system
      [19, 49, 'unknown system "netwrok"', 'did you mean "network"?'], // plans.covers
      [23, 33, 'unknown level "top"', 'known levels: public, secret'], // clearance
      [23, 56, 'unknown device "sw-2"', 'did you mean "sw-1"?'], // logins.device
      [25, 17, 'unknown account "lisi"', 'known accounts: zhangsan'], // grants.account
      [26, 35, 'unknown system "crm"', 'known systems: oa'], // grants.system
    ])
  })

  it('points at the second of each duplicate id and names the first one\'s line', async () => {
    const diagnostics = await diagnosticsOf(loadInventory(errors('duplicates.yaml')))
    expect(diagnostics.map((d) => [d.line, d.col, d.message, d.hint])).toEqual([
      [4, 10, 'duplicate zone id "intranet"', 'the first "intranet" is at line 3; zone ids must be unique'],
      [7, 10, 'duplicate device id "r1"', 'the first "r1" is at line 6; device ids must be unique'],
      [10, 10, 'duplicate flow id "f"', 'the first "f" is at line 9; flow ids must be unique'],
      [13, 10, 'duplicate system id "s"', 'the first "s" is at line 12; system ids must be unique'],
      [16, 10, 'duplicate plan id "p"', 'the first "p" is at line 15; plan ids must be unique'],
      [18, 23, 'duplicate level "low"', 'the first "low" is at line 18, column 12; levels must be unique'],
      [21, 12, 'duplicate account id "a"', 'the first "a" is at line 20; account ids must be unique'],
    ])
  })

  it('validates addresses, prefixes, ids, ports and link ends strictly', async () => {
    const diagnostics = await diagnosticsOf(loadInventory(errors('bad-values.yaml')))
    expect(diagnostics.map((d) => [d.line, d.col, d.message, d.hint])).toEqual([
      [3, 10, 'zones[0].id: an id is one word: no spaces and no ":"', undefined],
      [3, 26, 'zones[0].kind: "dmz" is not one of intranet, extranet, portal, internet, management, other', undefined],
      [3, 42, 'zones[0].prefixes[0]: prefix "2001:db8::1/64" has host bits set', 'did you mean 2001:db8::/64?'],
      [3, 58, 'zones[0].prefixes[1]: invalid prefix length in "10.0.0.0/255.0.0.0"', 'write the length: 10.0.0.0/8'],
      [3, 78, 'zones[0].prefixes[2]: prefix "10.1.2.0" has no length', 'add the prefix length, e.g. 10.1.2.0/32'],
      [5, 9, 'devices[0].id: expected text, got a number', 'write it in quotes: "101"'],
      [7, 21, 'devices[0].mgmt.address: invalid address "10.0.0.999"', 'write an IPv4 (10.1.2.3) or IPv6 (2001:db8::1) address'],
      [10, 66, 'flows[0].ports: expected a list, got a number', 'write a list: [a, b] or one "- item" per line'],
      [12, 6, 'links[0][0]: invalid link end "r1-Gi0/1"', 'write device:interface, e.g. nw-core-1:GigabitEthernet0/0/1'],
      [12, 16, 'link end names unknown device "r2"', 'no devices declared'],
    ])
  })

  it('splits link ends at the first colon only', async () => {
    const file = await tempFile('inv.yaml', 'version: 1\ndevices: [{id: r1, role: router}, {id: r2, role: router}]\nlinks:\n  - ["r1:ge-0/0/0:1", "r2:Ethernet1/1"]\n')
    const {inventory} = await loadInventory(file)
    expect(inventory.links).toEqual([{a: {device: 'r1', interface: 'ge-0/0/0:1'}, b: {device: 'r2', interface: 'Ethernet1/1'}}])
  })
})

describe('loadInventory: files that are not (valid) inventories', () => {
  it('reports YAML syntax errors at their position with a hint', async () => {
    const [tab] = await diagnosticsOf(loadInventory(errors('tab.yaml')))
    expect(tab).toMatchObject({line: 4, col: 1, message: 'YAML syntax: Tabs are not allowed as indentation', hint: 'indent with spaces, not tabs'})
    const [dup] = await diagnosticsOf(loadInventory(errors('dupkey.yaml')))
    expect(dup).toMatchObject({line: 6, col: 5, message: 'YAML syntax: Map keys must be unique'})
  })

  it('explains a missing or unsupported version, a list, a policy pack and a missing file', async () => {
    expect(positions(await diagnosticsOf(loadInventory(errors('no-version.yaml'))))).toEqual([[1, 1, 'missing "version: 1" at the top of the inventory']])
    expect(positions(await diagnosticsOf(loadInventory(errors('version2.yaml'))))).toEqual([[1, 10, 'unsupported inventory version 2']])
    const [list] = await diagnosticsOf(loadInventory(errors('not-inventory.yaml')))
    expect(list?.message).toMatch(/is not a segaudit inventory/)
    const [pack] = await diagnosticsOf(loadInventory(errors('policy-pack.yaml')))
    expect(pack?.message).toMatch(/is a policy pack, not an inventory/)
    const [missing] = await diagnosticsOf(loadInventory(errors('nope.yaml')))
    expect(missing).toMatchObject({line: 1, col: 1, message: `file not found: ${path.relative(process.cwd(), errors('nope.yaml'))}`})
    const [empty] = await diagnosticsOf(loadInventory(await tempFile('empty.yaml', '')))
    expect(empty?.message).toMatch(/is not a segaudit inventory/)
  })

  it('checks device and policy files relative to the inventory folder joined with configs:', async () => {
    const text = 'version: 1\npolicy: missing-policy.yaml\nconfigs: cfg/\ndevices:\n  - {id: r1, role: router, vendor: cisco-ios, config: r1.cfg, neighbors: r1.cdp}\n'
    const file = await tempFile('inv.yaml', text)
    expect(positions(await diagnosticsOf(loadInventory(file)))).toEqual([
      [2, 9, 'file not found: missing-policy.yaml'],
      [5, 55, 'file not found: cfg/r1.cfg'],
      [5, 74, 'file not found: cfg/r1.cdp'],
    ])
    const withoutFiles = await tempFile('inv.yaml', text.replace('policy: missing-policy.yaml\n', ''))
    const loaded = await loadInventory(withoutFiles, {checkDeviceFiles: false})
    expect(loaded.inventory.devices[0]?.config).toBe('cfg/r1.cfg')
  })

  it('formats a diagnostic as file:line:col: error: message, hint on the next line', () => {
    expect(formatDiagnostic({file: 'inv.yaml', line: 3, col: 7, message: 'unknown zone "x"', hint: 'did you mean "y"?'})).toBe(
      'inv.yaml:3:7: error: unknown zone "x"\n  hint: did you mean "y"?',
    )
    expect(formatDiagnostic({file: 'inv.yaml', line: 1, col: 1, message: 'm'})).toBe('inv.yaml:1:1: error: m')
  })
})
