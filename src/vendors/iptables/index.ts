import type {VendorParser} from '../types.js'
import {parseIptablesSave} from './parse.js'

export {chainFilterName} from './parse.js'

export const iptables: VendorParser = {
  id: 'iptables',
  label: 'Linux iptables',
  parseConfig: parseIptablesSave,
  // Linux interface names are exact (`eth0`, `ens3`, `bond0.10`): nothing to expand.
  canonicalInterfaceName: (name: string) => name,
}
