import {loadModel} from '../../src/audit/run.js'
import type {AuditContext, Control} from '../../src/controls/types.js'
import type {FindingDraft} from '../../src/model/index.js'

const SAMPLE = 'inventories/sample-city/inventory.yaml'

/** A fresh context on the compliant sample (deep-copied records and model, so tests may mutate them). */
export async function sampleContext(now = '2026-11-21T00:00:00Z'): Promise<AuditContext> {
  const {loaded, policy, network, inputs, configTakenAt} = await loadModel({inventory: SAMPLE})
  return {
    inventory: {...loaded, inventory: structuredClone(loaded.inventory)},
    policy: structuredClone(policy),
    network: {...network, devices: new Map([...network.devices].map(([k, d]) => [k, {...d, ...(d.config ? {config: structuredClone(d.config)} : {})}]))},
    now: new Date(now),
    inputs,
    configTakenAt,
  }
}

export async function rules(control: Control, ctx: AuditContext): Promise<string[]> {
  return (await control.run(ctx)).map((d: FindingDraft) => `${d.rule} ${d.subject}`)
}
