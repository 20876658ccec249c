import type {VendorId} from '../model/index.js'

/** The commands whose output a snapshot stores for one device. */
export interface DialectCommands {
  /** Running configuration; its failure fails the device. */
  config: string
  /** LLDP/CDP neighbor table; absent where the platform has none. */
  neighbors?: string
  version: string
}

/** How segaudit talks to one vendor's CLI over SSH. Nothing outside a vendor folder knows these strings. */
export interface Dialect {
  vendor: VendorId
  /**
   * `shell`: one interactive CLI session (network OSes refuse exec requests);
   * `exec`: one exec request per command (Linux, where a prompt is whatever PS1 says).
   */
  transport: 'shell' | 'exec'
  /** Tried in order until the device accepts one; if none is accepted, More prompts are answered instead. */
  pagingOff: string[]
  commands: DialectCommands
  /** A line in the first lines of output that means the device rejected the command. */
  rejected: RegExp
  /** Lines the CLI prints before every prompt (Junos `{master:0}`), which are not command output. */
  promptPreamble?: RegExp
  /** Privilege escalation when the CLI lands in user mode (Cisco `enable`); needs the `enable` credential. */
  enable?: {command: string; userModePrompt: RegExp}
  /** Command to run instead when the login user is not root (Linux: `sudo -n iptables-save`). */
  unprivileged?: Partial<DialectCommands>
}
