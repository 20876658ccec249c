import type {FindingDraft, SourceRef} from '../model/index.js'
import {networkOf, parsePrefix, prefixContains} from '../net/address.js'
import {DeviceNames} from '../network/names.js'
import type {NetworkModel} from '../network/types.js'
import {say} from './text.js'
import type {Control} from './types.js'

function unknownNeighbors(net: NetworkModel, names: DeviceNames): FindingDraft[] {
  const out: FindingDraft[] = []
  for (const d of net.devices.values()) {
    for (const n of d.neighbors?.neighbors ?? []) {
      if (names.resolve(n.remoteName) ?? names.resolve(n.remoteMgmtAddress)) continue
      const who = n.remoteName ?? n.remoteChassisId ?? n.remoteMgmtAddress ?? '?'
      out.push({
        rule: 'NA-UNKNOWN-NEIGHBOR',
        subject: `neighbor:${d.id}:${n.localInterface}:${who}`,
        device: d.id,
        location: n.ref,
        evidence: [n.ref],
        message: say(
          `${d.id} 的 ${n.localInterface} 上发现未登记的相邻设备 ${who}${n.remoteInterface ? `（端口 ${n.remoteInterface}）` : ''}。`,
          `${d.id} ${n.localInterface} has a neighbor the inventory does not know: ${who}${n.remoteInterface ? ` (port ${n.remoteInterface})` : ''}.`,
        ),
      })
    }
  }
  return out
}

function unknownDevices(net: NetworkModel, names: DeviceNames): FindingDraft[] {
  const out: FindingDraft[] = []
  for (const d of net.devices.values()) {
    const h = d.config?.hostname
    if (!h || names.knows(h, net.devices)) continue
    out.push({
      rule: 'NA-UNKNOWN-DEVICE',
      subject: `hostname:${d.id}:${h}`,
      device: d.id,
      ...(d.config?.hostnameRef ? {location: d.config.hostnameRef, evidence: [d.config.hostnameRef]} : {}),
      message: say(
        `清单中的 ${d.id} 的配置文件自称 ${h}，清单中没有该设备。`,
        `The configuration of inventory device ${d.id} names itself ${h}, which the inventory does not know.`,
      ),
    })
  }
  return out
}

// Link-local and loopback addresses never leave the link: nothing to declare.
const UNROUTED = ['fe80::/10', '127.0.0.0/8', '169.254.0.0/16'].flatMap((p) => parsePrefix(p) ?? [])

function undeclaredSubnets(net: NetworkModel): FindingDraft[] {
  const out: FindingDraft[] = []
  for (const d of net.devices.values()) {
    for (const i of d.interfaces) {
      if (i.shutdown) continue
      for (const a of i.addresses) {
        const p = parsePrefix(a)
        if (!p || UNROUTED.some((u) => prefixContains(u, p))) continue
        if (net.zoneIndex.zoneOfHost(a) !== undefined) continue
        const subnet = `${networkOf(p.address, p.length, p.family)}/${p.length}`
        const ref = i.config?.addresses.find((x) => `${x.address}/${x.length}` === a)?.ref ?? i.ref
        out.push({
          rule: 'NA-UNDECLARED-SUBNET',
          subject: `subnet:${d.id}:${subnet}`,
          device: d.id,
          ...(ref ? {location: ref, evidence: [ref]} : {}),
          message: say(
            `${d.id} ${i.name} 的地址 ${a}（网段 ${subnet}）不属于任何已登记区域。`,
            `${d.id} ${i.name} address ${a} (subnet ${subnet}) lies in no declared zone.`,
          ),
        })
      }
    }
  }
  return out
}

function unapprovedExits(net: NetworkModel): FindingDraft[] {
  const out: FindingDraft[] = []
  const isInternet = (z: string | undefined) => z !== undefined && net.zones.get(z)?.kind === 'internet'
  for (const d of net.devices.values()) {
    if (d.inv.exit) continue
    const evidence: SourceRef[] = []
    for (const i of d.interfaces) {
      if (i.shutdown) continue
      for (const a of i.config?.addresses ?? []) if (isInternet(net.zoneIndex.zoneOfHost(a.address))) evidence.push(a.ref)
      if (!i.config && i.zones.some(isInternet) && i.ref) evidence.push(i.ref)
    }
    for (const r of d.config?.staticRoutes ?? []) {
      if (r.nextHop && isInternet(net.zoneIndex.zoneOfHost(r.nextHop))) evidence.push(r.ref)
    }
    if (!evidence.length) continue
    out.push({
      rule: 'NA-UNAPPROVED-EXIT',
      subject: `exit:${d.id}`,
      device: d.id,
      zones: [...new Set(d.interfaces.flatMap((i) => i.zones).filter(isInternet))],
      location: evidence[0] as SourceRef,
      evidence,
      message: say(
        `${d.id} 直接连接互联网（接口地址或路由下一跳位于互联网区域），但未被批准为互联网出口。`,
        `${d.id} reaches the Internet directly (an interface address or route next hop in an Internet zone) but is not an approved exit.`,
      ),
    })
  }
  return out
}

/** Tianjin Art. 9: nothing joins the network without approval. */
export const networkApproval: Control = {
  id: 'network-approval',
  run(ctx) {
    const names = new DeviceNames(ctx.network.devices)
    return [
      ...unknownNeighbors(ctx.network, names),
      ...unknownDevices(ctx.network, names),
      ...undeclaredSubnets(ctx.network),
      ...unapprovedExits(ctx.network),
    ]
  },
}
