/**
 * A throw-away lab of network namespaces: three zone namespaces, each behind one interface of a
 * firewall namespace. Every address is inside 10.99.0.0/16 or fd00:99::/64 and lives only in these
 * namespaces; nothing is routed anywhere else.
 */
import {type ChildProcessWithoutNullStreams, execFileSync, spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import readline from 'node:readline'

export type ZoneName = 'a' | 'b' | 'c'
export const ZONES: ZoneName[] = ['a', 'b', 'c']
/** Firewall interface facing each zone. `lan+` covers a and b. */
export const FW_IF: Record<ZoneName, string> = {a: 'lan0', b: 'lan1', c: 'dmz0'}
const INDEX: Record<ZoneName, number> = {a: 1, b: 2, c: 3}
export const TCP_PORTS = [22, 80, 443, 8080]
export const UDP_PORTS = [53, 5000]

export const hostV4 = (z: ZoneName, host: 2 | 3): string => `10.99.${INDEX[z]}.${host}`
export const fwV4 = (z: ZoneName): string => `10.99.${INDEX[z]}.1`
export const hostV6 = (z: ZoneName, host: 2 | 3): string => `fd00:99::${INDEX[z]}:${host}`
export const fwV6 = (z: ZoneName): string => `fd00:99::${INDEX[z]}:1`
const mac = (z: ZoneName, side: 1 | 2): string => `02:99:00:00:0${INDEX[z]}:0${side}`

export interface Probe {
  id: number
  proto: 'tcp' | 'udp' | 'icmp'
  family: 4 | 6
  src: string
  dst: string
  sport: number
  dport: number
}

export interface ProbeResult {
  ok: boolean
  code: string
  ms: number
}

const run = (args: string[], input?: string): string => execFileSync(args[0] as string, args.slice(1), {input, stdio: ['pipe', 'pipe', 'pipe']}).toString()

/** Why the lab cannot run here, or undefined when it can. */
export function labUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root: network namespaces need CAP_SYS_ADMIN'
  const probe = `sgoprobe${process.pid}`
  try {
    run(['ip', 'netns', 'add', probe])
  } catch (e) {
    return `cannot create a network namespace with ip(8): ${(e as Error).message.split('\n')[0]}`
  }
  try {
    run(['ip', 'netns', 'exec', probe, 'iptables-restore', '--version'])
    run(['ip', 'netns', 'exec', probe, 'ping', '-V'])
  } catch (e) {
    return `iptables-restore or ping missing: ${(e as Error).message.split('\n')[0]}`
  } finally {
    run(['ip', 'netns', 'del', probe])
  }
  return undefined
}

class Agent {
  private readonly waiting = new Map<number, (r: ProbeResult) => void>()
  readonly ready: Promise<void>

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    const lines = readline.createInterface({input: child.stdout})
    let signal: () => void = () => {}
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    this.ready = new Promise((ok, fail) => {
      signal = ok
      child.once('exit', (code) => fail(new Error(`agent exited with ${code}: ${stderr}`)))
    })
    lines.on('line', (line) => {
      if (line === 'ready') return signal()
      const r = JSON.parse(line) as ProbeResult & {id: number}
      this.waiting.get(r.id)?.(r)
      this.waiting.delete(r.id)
    })
  }

  probe(p: Probe): Promise<ProbeResult> {
    return new Promise((resolve) => {
      this.waiting.set(p.id, resolve)
      this.child.stdin.write(`${JSON.stringify(p)}\n`)
    })
  }
}

export class Lab {
  readonly fw: string
  readonly ns: Record<ZoneName, string>
  private readonly agents = new Map<string, Agent>()
  private readonly created: string[] = []

  constructor() {
    const tag = `sgo${process.pid}`
    this.fw = `${tag}fw`
    this.ns = {a: `${tag}a`, b: `${tag}b`, c: `${tag}c`}
  }

  private exec(ns: string, ...args: string[]): void {
    run(['ip', 'netns', 'exec', ns, ...args])
  }

  async start(): Promise<void> {
    for (const n of [this.fw, ...Object.values(this.ns)]) {
      run(['ip', 'netns', 'add', n])
      this.created.push(n)
      this.exec(n, 'ip', 'link', 'set', 'lo', 'up')
    }
    this.exec(this.fw, 'sysctl', '-qw', 'net.ipv4.ip_forward=1')
    this.exec(this.fw, 'sysctl', '-qw', 'net.ipv6.conf.all.forwarding=1')
    for (const z of ZONES) {
      const ns = this.ns[z]
      const fwIf = FW_IF[z]
      // Created inside the firewall namespace, so no interface ever appears in the host's namespace.
      this.exec(this.fw, 'ip', 'link', 'add', fwIf, 'address', mac(z, 1), 'type', 'veth', 'peer', 'name', 'eth0', 'address', mac(z, 2), 'netns', ns)
      this.exec(this.fw, 'ip', 'addr', 'add', `${fwV4(z)}/24`, 'dev', fwIf)
      this.exec(this.fw, 'ip', '-6', 'addr', 'add', `${fwV6(z)}/112`, 'dev', fwIf, 'nodad')
      this.exec(this.fw, 'ip', 'link', 'set', fwIf, 'up')
      this.exec(ns, 'ip', 'addr', 'add', `${hostV4(z, 2)}/24`, 'dev', 'eth0')
      this.exec(ns, 'ip', 'addr', 'add', `${hostV4(z, 3)}/24`, 'dev', 'eth0')
      this.exec(ns, 'ip', '-6', 'addr', 'add', `${hostV6(z, 2)}/112`, 'dev', 'eth0', 'nodad')
      this.exec(ns, 'ip', '-6', 'addr', 'add', `${hostV6(z, 3)}/112`, 'dev', 'eth0', 'nodad')
      this.exec(ns, 'ip', 'link', 'set', 'eth0', 'up')
      this.exec(ns, 'ip', 'route', 'add', '10.99.0.0/16', 'via', fwV4(z))
      this.exec(ns, 'ip', '-6', 'route', 'add', 'fd00:99::/64', 'via', fwV6(z))
      // Static neighbours: neighbour discovery would otherwise cross the IPv6 INPUT/OUTPUT chains under test.
      this.exec(ns, 'ip', '-6', 'neigh', 'add', fwV6(z), 'lladdr', mac(z, 1), 'dev', 'eth0', 'nud', 'permanent')
      for (const host of [2, 3] as const)
        this.exec(this.fw, 'ip', '-6', 'neigh', 'add', hostV6(z, host), 'lladdr', mac(z, 2), 'dev', fwIf, 'nud', 'permanent')
    }
    const agentPath = fileURLToPath(new URL('./agent.mjs', import.meta.url))
    const addresses = new Map<string, string[]>([[this.fw, ZONES.flatMap((z) => [fwV4(z), fwV6(z)])]])
    for (const z of ZONES) addresses.set(this.ns[z], [hostV4(z, 2), hostV4(z, 3), hostV6(z, 2), hostV6(z, 3)])
    for (const [n, local] of addresses) {
      const args = ['netns', 'exec', n, process.execPath, agentPath, TCP_PORTS.join(','), UDP_PORTS.join(','), local.join(',')]
      const child = spawn('ip', args, {stdio: 'pipe'})
      const agent = new Agent(child)
      this.agents.set(n, agent)
    }
    await Promise.all([...this.agents.values()].map((a) => a.ready))
  }

  /** Load a ruleset into the firewall; the other family is reset to accept everything. */
  load(ruleset: string, family: 4 | 6): void {
    const open = '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n'
    run(['ip', 'netns', 'exec', this.fw, family === 4 ? 'iptables-restore' : 'ip6tables-restore', '-w'], ruleset)
    run(['ip', 'netns', 'exec', this.fw, family === 4 ? 'ip6tables-restore' : 'iptables-restore', '-w'], open)
  }

  probe(from: ZoneName, p: Probe): Promise<ProbeResult> {
    const agent = this.agents.get(this.ns[from])
    if (!agent) throw new Error(`no agent in zone ${from}`)
    return agent.probe(p)
  }

  /** Stop the agents and delete every namespace this lab created, whatever state it is in. */
  stop(): void {
    for (const a of this.agents.values()) {
      a.child.stdin.end()
      a.child.kill('SIGKILL')
    }
    this.agents.clear()
    for (const n of this.created.splice(0)) {
      try {
        run(['ip', 'netns', 'del', n])
      } catch {
        // Already gone.
      }
    }
  }
}
