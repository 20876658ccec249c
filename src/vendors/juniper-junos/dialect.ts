import type {Dialect} from '../../collect/dialect.js'

/** Juniper Junos: `user@host>` prompts preceded by `{master:0}` on virtual chassis, `---(more)---` pager. */
export const dialect: Dialect = {
  vendor: 'juniper-junos',
  transport: 'shell',
  pagingOff: ['set cli screen-length 0'],
  commands: {
    config: 'show configuration',
    neighbors: 'show lldp neighbors',
    version: 'show version',
  },
  rejected: /^\s*(error:|unknown command|syntax error)/,
  promptPreamble: /^\{(master|backup|primary|secondary|linecard)(:[\w-]+)?\}$/,
}
