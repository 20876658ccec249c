import type {Dialect} from '../../collect/dialect.js'

/** Huawei USG firewalls: VRP CLI; prompts carry `HRP_M`/`HRP_S` when hot standby is on. */
export const dialect: Dialect = {
  vendor: 'huawei-usg',
  transport: 'shell',
  pagingOff: ['screen-length 0 temporary'],
  commands: {
    config: 'display current-configuration',
    neighbors: 'display lldp neighbor brief',
    version: 'display version',
  },
  rejected: /^\s*Error:|^\s*\^\s*$/,
}
