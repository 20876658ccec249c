import type {DeviceConfig, SourceRef} from '../../model/index.js'
import {emptyDeviceConfig} from '../../model/index.js'
import {CoverageRecorder} from '../common/coverage.js'
import type {SourceLine} from '../common/text.js'
import type {AclDraft, ObjectGroup} from './acl-types.js'
import type {IosInterface} from './interface-types.js'
import {emptyZbfState, type ZbfState} from './zbf-types.js'

/** Parse state of one IOS file: the neutral result plus the vendor facts converted at the end. */
export class IosContext {
  readonly cfg: DeviceConfig
  readonly cov: CoverageRecorder
  readonly interfaces: IosInterface[] = []
  readonly acls = new Map<string, AclDraft>()
  readonly objectGroups = new Map<string, ObjectGroup>()
  /** Zone-based firewall lines, resolved into filters once the whole file is read. */
  readonly zbf: ZbfState = emptyZbfState()
  /** Evidence that this file is a switch: `switchport`, `vlan N`, `interface Vlan`. */
  switchEvidence = false

  constructor(readonly file: string) {
    this.cfg = emptyDeviceConfig('cisco-ios', file)
    this.cov = new CoverageRecorder(file)
  }

  ref(line: SourceLine): SourceRef {
    return this.cov.ref(line)
  }

  unknown(line: SourceLine, reason: string, context?: SourceLine): void {
    this.cov.unrecognized(line, reason, context?.text)
  }
}

/** Whitespace-separated words of a line. */
export function words(line: SourceLine): string[] {
  return line.text.trim().split(/\s+/)
}

/** A decimal integer in [min, max], or undefined. */
export function intIn(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^\d{1,10}$/.test(text)) return undefined
  const n = Number(text)
  return n >= min && n <= max ? n : undefined
}
