import type {Dialect} from '../../collect/dialect.js'

/** Cisco ASA: `<--- More --->` pager, `terminal pager 0`; no LLDP/CDP on the platform. */
export const dialect: Dialect = {
  vendor: 'cisco-asa',
  transport: 'shell',
  pagingOff: ['terminal pager 0'],
  commands: {
    config: 'show running-config',
    version: 'show version',
  },
  rejected: /^\s*(ERROR:|%\s*Invalid)|^\s*\^\s*$/,
  enable: {command: 'enable', userModePrompt: />\s?$/},
}
