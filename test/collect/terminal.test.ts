import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseKnownHosts} from '../../src/collect/known-hosts.js'
import {learnPrompt, pagerAt} from '../../src/collect/prompt.js'
import {TerminalScreen} from '../../src/collect/terminal.js'

function replay(...chunks: string[]): string[] {
  const screen = new TerminalScreen()
  for (const chunk of chunks) screen.write(chunk)
  return [...screen.takeLines(), screen.currentLine()]
}

describe('terminal replay', () => {
  it('turns CR LF into LF, drops colour, keeps bytes and real trailing blanks', () => {
    expect(replay('a \r\n\x1b[1mb\x1b[0m\r\r\nc\xe4\xb8\xad')).toEqual(['a ', 'b', 'c\xe4\xb8\xad'])
  })

  it.each([
    ['VRP', '  ---- More ----', '\x1b[42D                                          \x1b[42D'],
    ['IOS', ' --More-- ', '\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b'],
    ['Junos', '---(more)---', `\r${' '.repeat(40)}\r`],
  ])('leaves no residue of a %s pager erase, whatever the chunking', (_name, prompt, erase) => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 9}), (size) => {
        const stream = `one\r\n${prompt}${erase}  two\r\nthree\r\n`
        const screen = new TerminalScreen()
        for (let i = 0; i < stream.length; i += size) {
          screen.write(stream.slice(i, i + size))
          const at = pagerAt(screen.currentLine())
          if (at >= 0 && screen.currentLine().endsWith(prompt.trimEnd())) screen.cutCurrentLine(at)
        }
        expect(screen.takeLines()).toEqual(['one', '  two', 'three'])
      }),
    )
  })
})

describe('prompts', () => {
  it.each([
    ['<HUAWEI>', 'HUAWEI', '[~HUAWEI-GigabitEthernet0/0/1]'],
    ['<core-sw-1>', 'core-sw-1', '[core-sw-1-vlan10]'],
    ['HRP_M<USG6000>', 'USG6000', 'HRP_M[USG6000-policy-security]'],
    ['R1#', 'R1', 'R1(config-if)#'],
    ['asa/admin> ', 'asa/admin', 'asa/admin# '],
    ['audit@srx1> ', 'audit@srx1', 'audit@srx1# '],
  ])('learns %s', (first, hostname, later) => {
    const prompt = learnPrompt(first)
    expect(prompt?.hostname).toBe(hostname)
    expect(prompt?.matches(later)).toBe(true)
    expect(prompt?.matches('<OTHER>')).toBe(false)
  })

  it('ignores banner text and half-arrived pager prompts', () => {
    expect(learnPrompt('Info: The max number of VTY users is 10')).toBeUndefined()
    expect(pagerAt('  ---- More --')).toBe(-1)
    expect(pagerAt('  ---- More ----')).toBe(0)
  })
})

describe('known_hosts', () => {
  it('reads plain, [host]:port, negated patterns and markers', () => {
    const key = 'AAAAC3NzaC1lZDI1NTE5AAAAIE5sQ8Kz6m5c0yq8w0Zq1p7uK0B7O6bq4m0d8m1W2c3d'
    const entries = parseKnownHosts(`# c\n10.0.0.*,!10.0.0.9 ssh-ed25519 ${key}\n[127.0.0.1]:2222 ssh-ed25519 ${key}\n@cert-authority * ssh-ed25519 ${key}\n@revoked * ssh-ed25519 ${key}\nbad line\n`)
    expect(entries.map((e) => [e.line, e.revoked])).toEqual([[2, false], [3, false], [5, true]])
    expect(entries[0]?.matches('10.0.0.5')).toBe(true)
    expect(entries[0]?.matches('10.0.0.9')).toBe(false)
    expect(entries[1]?.matches('[127.0.0.1]:2222')).toBe(true)
    expect(entries[1]?.matches('127.0.0.1')).toBe(false)
  })
})
