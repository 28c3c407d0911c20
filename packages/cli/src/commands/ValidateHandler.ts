// `hashsim validate <log | plan>`: checks a log's bytes, schema, order, hash chain, decider rules and seal, streaming
// it, and prints every problem as `file:line: field: message` on stderr (exit 1), or a one-line summary (exit 0).
// A YAML plan is compiled first (its problems point at the plan's lines). Plausibility warnings follow.
// The work of the command described in ValidateCommand.ts (its arguments typed by that descriptor's config).
import { formatProblem, validateLogFile } from "@hashsim/ledger"
import { Console, Effect } from "effect"
import type { Command } from "effect/cli"
import type { validateConfig } from "./ValidateCommand.ts"
import { InputRejectedError } from "../ExitCode.ts"
import { isPlanFile, PlanEventCollector, readScenario, ScenarioUnreadableError } from "../ScenarioInput.ts"
import { showWarnings, strictFlag } from "../Warnings.ts"
import { formatWarning } from "@hashsim/plan"

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Reads a scenario or plan, printing its problems on stderr and failing with exit 1 when it cannot be used. */
export const readScenarioOrFail = (file: string) =>
  Effect.try({
    try: () => readScenario(file),
    catch: (error) => {
      if (error instanceof ScenarioUnreadableError) {
        for (const line of error.lines) process.stderr.write(`${line}\n`)
        return new InputRejectedError({ message: error.message })
      }
      return new InputRejectedError({ message: `${file}: ${messageOf(error)}` })
    }
  })

export const validateHandler = ({ log, strict }: Command.Command.Config.Infer<typeof validateConfig>) =>
    Effect.gen(function* () {
      if (isPlanFile(log)) {
        const input = yield* readScenarioOrFail(log)
        for (const note of input.notes) yield* Effect.sync(() => process.stderr.write(`${log}: note: ${note}\n`))
        yield* showWarnings(log, input.warnings(), strict)
        const events = input.bytes.toString("utf8").split("\n").length - 1
        return yield* Console.log(`${log}: ok: a plan of ${events} events (hashsim compile shows them)`)
      }
      const collector = new PlanEventCollector()
      const summary = yield* Effect.tryPromise({
        // Problems are printed as they are found, so a huge log shows its first problem at once.
        try: () => validateLogFile(log, { onProblem: (p) => process.stderr.write(`${formatProblem(log, p)}\n`), onEntry: collector.onEntry }),
        catch: (error) => new InputRejectedError({ message: `cannot read ${log}: ${messageOf(error)}` })
      })
      if (summary.problems > 0) {
        return yield* Effect.fail(new InputRejectedError({
          message: `${log}: ${summary.problems} problem${summary.problems === 1 ? "" : "s"}`
        }))
      }
      yield* showWarnings(log, collector.warnings().map((w) => formatWarning(log, w)), strict)
      const shape = summary.sealed ? "chained and sealed" : summary.chained ? "chained, not sealed (a scenario)" : "a hand-written scenario"
      yield* Console.log(`${log}: ok: ${summary.events} events, ${shape}${summary.lastHash === "" ? "" : `, last hash ${summary.lastHash}`}`)
    })

