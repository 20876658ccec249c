import type {Dialect} from '../../collect/dialect.js'

/** Cisco IOS/IOS-XE: `name#`, ` --More-- ` erased with backspaces; `enable` when the login lands at `name>`. */
export const dialect: Dialect = {
  vendor: 'cisco-ios',
  transport: 'shell',
  pagingOff: ['terminal length 0'],
  commands: {
    config: 'show running-config',
    neighbors: 'show cdp neighbors detail',
    version: 'show version',
  },
  rejected: /^\s*%\s*(Invalid|Incomplete|Ambiguous|Unknown|Authorization failed)|^\s*\^\s*$/,
  enable: {command: 'enable', userModePrompt: />\s?$/},
}
