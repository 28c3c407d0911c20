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
      process.stderr.write(`hashsim: internal error\n${Cause.pretty(exit.cause)}\n`)
    }
  })
