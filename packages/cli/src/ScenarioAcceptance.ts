// The one decision whether a scenario is simulated, for `run` and `mc` alike: the ledger validates it and the
// simulator compiles it (@hashsim/sim's scenarioOfText, cut at `--until` when given). A refused scenario prints its
// problems as `file:line: field: message` and fails with the same message in both commands, before any path.
import { planUntil, ScenarioInvalidError, scenarioOfText, type ScenarioPlan } from "@hashsim/sim"
import { Effect } from "effect"
import { InputRejectedError } from "./ExitCode.ts"

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** A shorter horizon (`run --until`): seconds and the canonical `at`. */
export interface Horizon {
  readonly s: number
  readonly at: string
}

/** The compiled plan of scenario `file` (its JSONL `text`), or its problems on stderr and an InputRejectedError. */
export const acceptScenario = (file: string, text: string | Buffer, horizon?: Horizon): Effect.Effect<ScenarioPlan, InputRejectedError> =>
  Effect.try({
    try: () => {
      const full = scenarioOfText(text)
      return horizon === undefined ? full : planUntil(full, horizon.s, horizon.at)
    },
    catch: (error) => {
      if (error instanceof ScenarioInvalidError) {
        process.stderr.write(`${error.render(file)}\n`)
        return new InputRejectedError({ message: `${file}: ${error.problems.length} problem(s); nothing simulated` })
      }
      return new InputRejectedError({ message: `${file}: ${messageOf(error)}` })
    }
  })
