import {describe, expect, it} from 'vitest'
import {PacketSpace} from '../../../src/analysis/packetset/index.js'

const space = new PacketSpace()

describe('witness packets', () => {
  it('prefer IPv4, a new session, tcp, a client source port and the lowest values', () => {
    const web = space.prefix('dst', '10.1.2.77', 24).intersect(space.ports('dst', [{from: 443, to: 443}, {from: 80, to: 80}]))
    expect(web.witness()).toEqual({
      family: 4,
      src: '0.0.0.0',
      dst: '10.1.2.0',
      protocol: 6,
      srcPort: 1024,
      dstPort: 80,
      state: 'new',
    })
  })

  it('fall back to udp, then icmp, then the lowest protocol', () => {
    expect(space.protocols([17, 50]).witness()?.protocol).toBe(17)
    expect(space.icmp([{type: 8}]).witness()).toMatchObject({protocol: 1, icmpType: 8, icmpCode: 0})
    expect(space.protocols([89, 50]).witness()).toMatchObject({protocol: 50})
    expect(space.protocols([89, 50]).witness()).not.toHaveProperty('dstPort')
  })

  it('take IPv6 and established only when the set has nothing else', () => {
    const v6 = space.prefix('src', '2001:db8::', 32).intersect(space.state('established'))
    expect(v6.witness()).toMatchObject({family: 6, src: '2001:db8::', dst: '::', state: 'established', protocol: 6})
  })

  it('take a source port below 1024 only when forced', () => {
    const low = space.ports('src', [{from: 0, to: 10}]).intersect(space.protocols([17]))
    expect(low.witness()).toMatchObject({protocol: 17, srcPort: 0, dstPort: 0})
  })

  it('of the empty set is undefined', () => {
    expect(space.empty.witness()).toBeUndefined()
    expect(space.protocols([]).witness()).toBeUndefined()
  })
})
