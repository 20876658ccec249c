import type {Dialect} from '../../collect/dialect.js'

/** Linux hosts filtering with iptables: exec requests, no pager; non-root users go through `sudo -n`. */
export const dialect: Dialect = {
  vendor: 'iptables',
  transport: 'exec',
  pagingOff: [],
  commands: {
    config: 'iptables-save',
    neighbors: 'lldpcli show neighbors',
    version: 'uname -a',
  },
  rejected: /^(sudo:|.*: command not found$)/,
  unprivileged: {config: 'sudo -n iptables-save'},
}
