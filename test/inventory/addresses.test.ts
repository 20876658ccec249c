import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {checkCidr, checkEndpointAddress} from '../../src/inventory/addresses.js'
import {intToIPv4, ipv4ToInt} from '../../src/net/address.js'

const ipv4 = fc.integer({min: 0, max: 0xffffffff}).map(intToIPv4)
const length = fc.integer({min: 0, max: 32})
const maskOf = (len: number) => (len === 0 ? 0 : (~0 << (32 - len)) >>> 0)

describe('prefix and address checks', () => {
  it('accepts exactly the IPv4 prefixes without host bits, and names the network otherwise', () => {
    fc.assert(
      fc.property(ipv4, length, (address, len) => {
        const network = intToIPv4((ipv4ToInt(address) & maskOf(len)) >>> 0)
        const result = checkCidr(`${address}/${len}`, false)
        if (address === network) expect(result).toEqual({ok: true, value: `${address}/${len}`})
        else expect(result).toMatchObject({ok: false, hint: `did you mean ${network}/${len}?`})
      }),
    )
  })

  it('keeps host bits of interface addresses', () => {
    fc.assert(
      fc.property(ipv4, length, (address, len) => {
        expect(checkCidr(`${address}/${len}`, true)).toEqual({ok: true, value: `${address}/${len}`})
      }),
    )
  })

  it('canonicalizes IPv6 and refuses its host bits too', () => {
    expect(checkCidr('2001:DB8:0:0::/32', false)).toEqual({ok: true, value: '2001:db8::/32'})
    expect(checkCidr('2001:db8::1/64', false)).toMatchObject({ok: false, hint: 'did you mean 2001:db8::/64?'})
    expect(checkCidr('fe80::1%eth0/64', true)).toMatchObject({ok: false})
    expect(checkCidr('2001:db8::/129', false)).toMatchObject({ok: false})
  })

  it('refuses leading zeros, masks, missing or odd lengths', () => {
    expect(checkCidr('10.01.0.0/16', false)).toMatchObject({ok: false, message: 'invalid address "10.01.0.0": leading zeros'})
    expect(checkCidr('10.0.0.0/255.255.0.0', false)).toMatchObject({ok: false, hint: 'write the length: 10.0.0.0/16'})
    expect(checkCidr('10.0.0.0/016', false)).toMatchObject({ok: false})
    expect(checkCidr('10.0.0.0/', false)).toMatchObject({ok: false})
    expect(checkCidr('10.0.0.0/33', false)).toMatchObject({ok: false})
    expect(checkEndpointAddress('203.0.113.10')).toEqual({ok: true, value: '203.0.113.10'})
    expect(checkEndpointAddress('256.0.0.1')).toMatchObject({ok: false})
  })
})
