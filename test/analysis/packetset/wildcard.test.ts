import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {type Packet, PacketSpace} from '../../../src/analysis/packetset/index.js'
import {intToIPv4} from '../../../src/net/address.js'

const space = new PacketSpace()
const u32 = fc.integer({min: 0, max: 0xffffffff})
/** Wildcards with few, many, contiguous and scattered don't-care bits. */
const wildcardArb = fc.oneof(
  u32,
  fc.integer({min: 0, max: 32}).map((n) => (n === 32 ? 0xffffffff : (2 ** n - 1) >>> 0)),
  fc.array(fc.integer({min: 0, max: 31}), {maxLength: 6}).map((bits) => bits.reduce((w, b) => (w | (1 << b)) >>> 0, 0)),
)

function packet(src: number, dst: number): Packet {
  return {family: 4, src: intToIPv4(src), dst: intToIPv4(dst), protocol: 17, srcPort: 53, dstPort: 53, state: 'new'}
}

const bruteForce = (address: number, wildcard: number, x: number): boolean => ((x ^ address) & ~wildcard) >>> 0 === 0

describe('IPv4 address + wildcard', () => {
  it('agrees with a brute-force matcher on random and on near-miss addresses', () => {
    fc.assert(
      fc.property(u32, wildcardArb, fc.array(u32, {minLength: 1, maxLength: 10}), (address, wildcard, noise) => {
        const src = space.wildcard('src', intToIPv4(address), intToIPv4(wildcard))
        const dst = space.wildcard('dst', intToIPv4(address), intToIPv4(wildcard))
        // Matching probes vary only don't-care bits; near misses flip one cared-for bit as well.
        const probes = noise.flatMap((n) => {
          const inside = (address ^ (n & wildcard)) >>> 0
          const care = ~wildcard >>> 0
          const flip = care === 0 ? 0 : care & -care
          return [n, inside, (inside ^ flip) >>> 0]
        })
        for (const x of probes) {
          expect(src.contains(packet(x, address))).toBe(bruteForce(address, wildcard, x))
          expect(dst.contains(packet(address, x))).toBe(bruteForce(address, wildcard, x))
        }
      }),
      {numRuns: 300},
    )
  })

  it('a non-contiguous wildcard matches exactly the addresses it spells out', () => {
    // 10.0.0.0 0.0.1.254: even hosts of 10.0.0.0/23 — 256 addresses, the odd ones excluded.
    const evens = space.wildcard('dst', '10.0.0.0', '0.0.1.254')
    const dst = (d: string): Packet => ({...packet(0, 0), dst: d})
    expect(evens.contains(dst('10.0.0.2'))).toBe(true)
    expect(evens.contains(dst('10.0.1.254'))).toBe(true)
    expect(evens.contains(dst('10.0.0.3'))).toBe(false)
    expect(evens.contains(dst('10.0.2.0'))).toBe(false)
    // As a union of the 256 host sets it is the same diagram.
    const hosts = Array.from({length: 256}, (_, i) => space.prefix('dst', intToIPv4(0x0a000000 + i * 2), 32))
    expect(space.union(hosts).equals(evens)).toBe(true)
  })

  it('a contiguous wildcard equals the prefix it stands for; IPv6 packets never match', () => {
    expect(space.wildcard('src', '192.168.1.0', '0.0.0.255').equals(space.prefix('src', '192.168.1.0', 24))).toBe(true)
    expect(space.wildcard('src', '0.0.0.0', '255.255.255.255').equals(space.family(4))).toBe(true)
    const v6: Packet = {family: 6, src: '::1', dst: '::2', protocol: 6, srcPort: 1, dstPort: 2, state: 'new'}
    expect(space.wildcard('src', '0.0.0.0', '255.255.255.255').contains(v6)).toBe(false)
  })
})
