// `hashsim check <scenario or log...> [--seeds K] [--engine block|aggregate]`: for users' CI. Validates each file;
// runs a scenario with seeds 1..K (each twice: determinism), checks replay and the conservation, fleet and chain
// invariants of every generated log; checks a complete log's invariants and replays it. One line per check,
// `ok` or `FAIL`; exit 1 if any check failed.
// The work of the command described in CheckCommand.ts (its arguments typed by that descriptor's config).
import { Effect } from "effect"
import type { Command } from "effect/cli"
import type { checkConfig } from "./CheckCommand.ts"
import { type CheckResult, checkFileText } from "../check/CheckFile.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { readScenario, ScenarioUnreadableError } from "../ScenarioInput.ts"
import { hashsimVersion } from "../Version.ts"
import { strictFlag } from "../Warnings.ts"

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

// Messages quote file contents: keep every result on one printable line.
const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")

/** The printed line of a result: `ok   file: check` or `FAIL file: check: reason`. */
export const formatCheckLine = (file: string, r: CheckResult): string =>
  oneLine(r.ok ? `ok   ${file}: ${r.name}${r.detail === "" ? "" : ` (${r.detail})`}` : `FAIL ${file}: ${r.name}: ${r.detail}`)

export const checkHandler = ({ files, seeds, engine, strict }: Command.Command.Config.Infer<typeof checkConfig>) =>
    Effect.gen(function* () {
      if (!Number.isSafeInteger(seeds) || seeds < 1) {
        return yield* Effect.fail(new UsageError({ message: `--seeds must be an integer >= 1, got ${seeds}` }))
      }
      let failed = 0
      let total = 0
      for (const file of files) {
        // A YAML plan is checked as the scenario it compiles to; its problems and warnings point at the plan's lines.
        const text = yield* Effect.try({ try: () => readScenario(file), catch: (error) => error }).pipe(Effect.result)
        const warnings = text._tag === "Success" ? text.success.warnings() : []
        const results: Array<CheckResult> =
          text._tag === "Failure"
            ? text.failure instanceof ScenarioUnreadableError && text.failure.lines.length > 0
              ? text.failure.lines.map((line) => ({ name: "plan", ok: false, detail: line }))
              : [{ name: "read", ok: false, detail: messageOf(text.failure) }]
            : yield* Effect.sync(() => {
                try {
                  return checkFileText(file, text.success.bytes, { seeds, engine, version: hashsimVersion })
                } catch (error) {
                  return [{ name: "check", ok: false, detail: `internal error: ${messageOf(error)}` }]
                }
              })
        for (const w of warnings) yield* Effect.sync(() => process.stderr.write(`${w}\n`))
        if (strict && warnings.length > 0) results.push({ name: "plausibility", ok: false, detail: `${warnings.length} warning${warnings.length === 1 ? "" : "s"} (printed above), failures under --strict` })
        for (const r of results) {
          total += 1
          if (!r.ok) failed += 1
          yield* Effect.sync(() => process.stdout.write(formatCheckLine(file, r) + "\n"))
        }
      }
      if (failed > 0) {
        return yield* Effect.fail(new InputRejectedError({ message: `check: ${failed} of ${total} checks failed` }))
      }
      yield* Effect.sync(() => process.stderr.write(`hashsim check: ${total} checks passed\n`))
    })

