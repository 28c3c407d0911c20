// How commands show plausibility warnings: on stderr, after the checks that are errors; `--strict` turns them
// into a failure (exit 1), as a CI job wants.
import { Effect } from "effect"
import { Flag } from "effect/cli"
import { InputRejectedError } from "./ExitCode.ts"

export const strictFlag = Flag.Boolean("strict").pipe(
  Flag.withDefault(false),
  Flag.withDescription("treat plausibility warnings (units off by 10^6, dollars for cents...) as failures: exit 1 (default: false)")
)

/** Prints warnings; fails with exit 1 when `strict` and there are any. */
export const showWarnings = (file: string, lines: ReadonlyArray<string>, strict: boolean): Effect.Effect<void, InputRejectedError> =>
  Effect.gen(function* () {
    for (const line of lines) yield* Effect.sync(() => process.stderr.write(`${line}\n`))
    if (strict && lines.length > 0) {
      return yield* Effect.fail(new InputRejectedError({ message: `${file}: ${lines.length} plausibility warning${lines.length === 1 ? "" : "s"}, failures under --strict` }))
    }
  })
