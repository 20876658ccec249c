import type {Dialect} from '../../collect/dialect.js'

/** Huawei VRP switches and routers: `<name>` user view, `---- More ----` pager erased with ESC[nD. */
export const dialect: Dialect = {
  vendor: 'huawei-vrp',
  transport: 'shell',
  pagingOff: ['screen-length 0 temporary'],
  commands: {
    config: 'display current-configuration',
    neighbors: 'display lldp neighbor brief',
    version: 'display version',
  },
  rejected: /^\s*Error:|^\s*\^\s*$/,
}
