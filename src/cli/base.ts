import {Command, Errors} from '@oclif/core'
import {isInputError} from '../errors/input-error.js'

/** Exit codes fixed by SPEC §1. */
export const EXIT = {ok: 0, findings: 1, input: 2, incomplete: 3} as const

/**
 * Every segaudit command: user mistakes print `file:line:col: error: …` plus a hint and exit 2,
 * never a stack trace; only a real bug shows one.
 */
export abstract class SegauditCommand extends Command {
  protected override async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<unknown> {
    if (isInputError(err)) {
      // Inventory and policy files hold no credentials (SPEC §1), so diagnostics are printed as they are.
      process.stderr.write(`${err.format()}\n`)
      return this.exit(EXIT.input)
    }
    // oclif's own flag/argument errors are usage errors: exit 2 with its message.
    if (err instanceof Errors.CLIError && !(err instanceof Errors.ExitError)) {
      const code = err.oclif?.exit
      if (code === undefined || code === 2 || code === 1) {
        process.stderr.write(`error: ${err.message}\n  hint: see 'segaudit ${this.id ?? ''} --help'\n`)
        return this.exit(EXIT.input)
      }
    }
    return super.catch(err)
  }
}
