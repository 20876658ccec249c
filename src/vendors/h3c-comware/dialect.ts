import type {Dialect} from '../../collect/dialect.js'

/** H3C Comware 5/7: `<name>` prompts, `screen-length disable` in user view. */
export const dialect: Dialect = {
  vendor: 'h3c-comware',
  transport: 'shell',
  pagingOff: ['screen-length disable'],
  commands: {
    config: 'display current-configuration',
    neighbors: 'display lldp neighbor-information list',
    version: 'display version',
  },
  rejected: /^\s*%\s*(Unrecognized|Incomplete|Wrong|Too many)|^\s*\^\s*$/,
}
