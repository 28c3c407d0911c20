// `hashsim validate <log>`: checks a log's bytes, schema, order, hash chain, decider rules and seal, streaming it,
// and prints every problem as `file:line: field: message` on stderr (exit 1), or a one-line summary (exit 0).
import { formatProblem, validateLogFile } from "@hashsim/ledger"
import { Console, Effect } from "effect"
import { Argument, Command } from "effect/cli"
import { InputRejectedError } from "../ExitCode.ts"

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export const validateCommand = Command.make(
  "validate",
  { log: Argument.String("log").pipe(Argument.withDescription("the log (JSONL) to check")) },
  ({ log }) =>
    Effect.gen(function* () {
      const summary = yield* Effect.tryPromise({
        // Problems are printed as they are found, so a huge log shows its first problem at once.
        try: () => validateLogFile(log, { onProblem: (p) => process.stderr.write(`${formatProblem(log, p)}\n`) }),
        catch: (error) => new InputRejectedError({ message: `cannot read ${log}: ${messageOf(error)}` })
      })
      if (summary.problems > 0) {
        return yield* Effect.fail(new InputRejectedError({
          message: `${log}: ${summary.problems} problem${summary.problems === 1 ? "" : "s"}`
        }))
      }
      const shape = summary.sealed ? "chained and sealed" : summary.chained ? "chained, not sealed (a scenario)" : "a hand-written scenario"
      yield* Console.log(`${log}: ok: ${summary.events} events, ${shape}${summary.lastHash === "" ? "" : `, last hash ${summary.lastHash}`}`)
    })
).pipe(Command.withDescription("Check a log's schema, order, hash chain and decider rules; print every problem as file:line: field: message"))
