import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {shadowedRules} from '../../../src/analysis/filters/index.js'
import {ciscoIos} from '../../../src/vendors/cisco-ios/index.js'
import {ROOT} from '../../e2e/cli.js'

const DIR = path.resolve(ROOT, '../shared/corpus/cisco_ios/batfish__batfish/example/live/configs')
const present = existsSync(DIR)
if (!present) console.log(`skipped: the public corpus is not at ${DIR}`)

/**
 * Batfish's example campus network: its ACL tutorial names exactly two lines that no packet can
 * reach (as2dept1: `permit icmp any any` after `deny ip any any`; a deny after a broader permit).
 * The shadow analysis must find those two, with the covering lines, and nothing else.
 */
describe.skipIf(!present)('shadowed ACL lines of the Batfish example network', () => {
  it('finds exactly the two unreachable lines, each covered by the right earlier lines', () => {
    const found: string[] = []
    for (const f of readdirSync(DIR).sort()) {
      const cfg = ciscoIos.parseConfig(readFileSync(path.join(DIR, f)), f)
      for (const filter of cfg.filters) {
        for (const s of shadowedRules(filter)) found.push(`${f}:${s.rule.ref.line} ${filter.name} ${s.kind} by ${s.by.map((b) => b.rule.ref.line).join(',')}`)
      }
    }
    expect(found).toEqual([
      'as2dept1.cfg:113 RESTRICT_HOST_TRAFFIC_IN conflict by 111,112',
      'as2dept1.cfg:116 RESTRICT_HOST_TRAFFIC_OUT conflict by 115',
    ])
  })
})
