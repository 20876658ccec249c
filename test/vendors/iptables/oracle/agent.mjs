// Runs inside one test network namespace: serves TCP and UDP echo on fixed ports, and probes flows
// on request (one JSON line in, one JSON line out). Plain JS so `node` runs it without a loader.
import {spawn} from 'node:child_process'
import dgram from 'node:dgram'
import net from 'node:net'
import readline from 'node:readline'

const [tcpPorts, udpPorts] = process.argv.slice(2, 4).map((a) => a.split(',').map(Number))
// Given by the lab: enumerating interfaces here sometimes returned a partial list.
const localAddresses = process.argv[4].split(',')
const TIMEOUT_MS = 600

async function serve() {
  const pending = []
  for (const port of tcpPorts) {
    // The greeting is sent once the handshake completes: receiving it proves the client's ACK passed too.
    const server = net.createServer((s) => s.on('error', () => {}).end('hello'))
    pending.push(new Promise((ok, fail) => server.once('error', fail).listen({port, host: '::'}, ok)))
  }
  // One UDP socket per address so the echo leaves from the address the client used.
  for (const address of localAddresses)
    for (const port of udpPorts) {
      const sock = dgram.createSocket(address.includes(':') ? 'udp6' : 'udp4')
      sock.on('message', (msg, from) => sock.send(msg, from.port, from.address))
      sock.on('error', () => {})
      pending.push(new Promise((ok, fail) => sock.once('error', fail).bind({port, address}, ok)))
    }
  await Promise.all(pending)
}

function probeTcp(p) {
  return new Promise((resolve) => {
    const started = Date.now()
    const s = net.connect({host: p.dst, port: p.dport, localAddress: p.src, localPort: p.sport, timeout: TIMEOUT_MS})
    const done = (ok, code) => {
      s.destroy()
      resolve({ok, code, ms: Date.now() - started})
    }
    s.once('data', () => done(true, 'connected'))
    s.once('timeout', () => done(false, 'timeout'))
    s.once('error', (e) => done(false, e.code ?? 'error'))
  })
}

function probeUdp(p) {
  return new Promise((resolve) => {
    const started = Date.now()
    const s = dgram.createSocket(p.family === 6 ? 'udp6' : 'udp4')
    const timer = setTimeout(() => done(false, 'timeout'), TIMEOUT_MS)
    const done = (ok, code) => {
      clearTimeout(timer)
      try {
        s.close()
      } catch {
        // already closed
      }
      resolve({ok, code, ms: Date.now() - started})
    }
    s.on('error', (e) => done(false, e.code ?? 'error'))
    s.on('message', () => done(true, 'echo'))
    s.bind({address: p.src, port: p.sport}, () => s.send('probe', p.dport, p.dst))
  })
}

function probeIcmp(p) {
  return new Promise((resolve) => {
    const started = Date.now()
    const args = [p.family === 6 ? '-6' : '-4', '-n', '-q', '-c', '1', '-W', String(TIMEOUT_MS / 1000), '-I', p.src, p.dst]
    const child = spawn('ping', args, {stdio: 'ignore'})
    child.on('exit', (code) => resolve({ok: code === 0, code: `ping exit ${code}`, ms: Date.now() - started}))
    child.on('error', () => resolve({ok: false, code: 'ping missing', ms: 0}))
  })
}

await serve()
process.stdout.write('ready\n')
const rl = readline.createInterface({input: process.stdin})
rl.on('line', async (line) => {
  const p = JSON.parse(line)
  const r = p.proto === 'tcp' ? await probeTcp(p) : p.proto === 'udp' ? await probeUdp(p) : await probeIcmp(p)
  process.stdout.write(`${JSON.stringify({id: p.id, ...r})}\n`)
})
rl.on('close', () => process.exit(0))
