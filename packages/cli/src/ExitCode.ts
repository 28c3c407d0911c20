// Maps how a command ended to the process exit code the CLI contract promises:
// 0 ok, 1 the input or a check failed, 2 usage error, 130 interrupted.
import { Cause, Effect, Exit } from "effect"
import { CliError } from "effect/cli"
import { Data } from "effect"

/** A command found a problem in its input or a failed check; it has already printed the details. */
export class InputRejectedError extends Data.TaggedError("InputRejectedError")<{
  readonly message: string
}> {}

/** A command that was called correctly but cannot do what was asked (e.g. a bad flag value it checks itself). */
export class UsageError extends Data.TaggedError("UsageError")<{
  readonly message: string
}> {}

export const exitCodeOf = (exit: Exit.Exit<unknown, unknown>): number => {
  if (Exit.isSuccess(exit)) return 0
  const cause = exit.cause
  if (Cause.hasInterruptsOnly(cause)) return 130
  const failure = Cause.findErrorOption(cause)
  if (failure._tag === "Some") {
    const error = failure.value
    if (error instanceof CliError.ShowHelp) return error.errors.length === 0 ? 0 : 2
    if (CliError.isCliError(error)) return 2
    if (error instanceof UsageError) return 2
    return 1
  }
  return 1
}

/**
 * What a defect (a bug: an exception no command expected) prints: that it is a bug, its one-line cause, and how
 * to report it. The stack trace only with HASHSIM_DEBUG=1 (users get no stack traces).
 */
export const internalErrorMessage = (cause: Cause.Cause<unknown>): string => {
  const defect = Cause.squash(cause)
  const line = defect instanceof Error ? `${defect.name}: ${defect.message}` : String(defect)
  const debug = process.env["HASHSIM_DEBUG"] === "1" ? `${Cause.pretty(cause)}\n` : ""
  return `hashsim: internal error (a bug in hashsim, not in your input): ${line.split("\n")[0]}\n` +
    "hashsim: please report it with the command line and the input files (https://github.com/hashsim/hashsim/issues); " +
    `HASHSIM_DEBUG=1 shows the stack trace\n${debug}`
}

/** Prints a failure's message on stderr (CLI parse errors are already rendered by effect/cli). */
export const reportFailure = (exit: Exit.Exit<unknown, unknown>): Effect.Effect<void> =>
  Effect.sync(() => {
    if (Exit.isSuccess(exit)) return
    const failure = Cause.findErrorOption(exit.cause)
    if (failure._tag === "Some") {
      const error = failure.value as { readonly message?: unknown }
      if (CliError.isCliError(error)) return
      process.stderr.write(`hashsim: ${String(error.message ?? error)}\n`)
    } else if (!Cause.hasInterruptsOnly(exit.cause)) {
      process.stderr.write(internalErrorMessage(exit.cause))
    }
  })
