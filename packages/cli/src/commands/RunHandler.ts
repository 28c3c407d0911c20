// `hashsim run <scenario> --seed <n> [--engine block|aggregate] [--until <date>] --out <log>`: simulates one path,
// writes its complete log atomically and prints the monthly report, the very report `replay` prints for that log.
// The work of the command described in RunCommand.ts (its arguments typed by that descriptor's config).
import { checkOutputPath, formatAtS, type LogEntry, parseAtS, parseDayS, reportOfEvents, validateLogText, writeFileAtomicEffect } from "@hashsim/ledger"
import { type EngineKind, parseSeed, planUntil, ScenarioInvalidError, scenarioOfText, SEED_RULE, simulateLog } from "@hashsim/sim"
import { Effect, Option } from "effect"
import type { Command } from "effect/cli"
import type { runConfig } from "./RunCommand.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { hashsimVersion } from "../Version.ts"
import { showWarnings, strictFlag } from "../Warnings.ts"
import { reportCsv, reportTable } from "./ReplayHandler.ts"
import { readScenarioOrFail } from "./ValidateHandler.ts"

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** `--until`: a day (its 00:00:00Z) or a full `YYYY-MM-DDTHH:MM:SSZ`; returns seconds and the canonical `at`. */
const parseUntil = (text: string): { readonly s: number; readonly at: string } | undefined => {
  const day = parseDayS(text)
  if (day !== undefined) return { s: day, at: `${text}T00:00:00Z` }
  const s = parseAtS(text)
  return s === undefined ? undefined : { s, at: text }
}

export const runHandler = ({ scenario, seed, engine, until, out, format, strict }: Command.Command.Config.Infer<typeof runConfig>) =>
    Effect.gen(function* () {
      const pathSeed = parseSeed(seed)
      if (pathSeed === undefined) {
        return yield* Effect.fail(new UsageError({ message: `--seed must be ${SEED_RULE}, got ${JSON.stringify(seed)}` }))
      }
      const horizon = Option.isSome(until) ? parseUntil(until.value) : undefined
      if (Option.isSome(until) && horizon === undefined) {
        return yield* Effect.fail(new UsageError({ message: `--until must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got ${JSON.stringify(until.value)}` }))
      }
      yield* Effect.try({ try: () => checkOutputPath(out, "file"), catch: (e) => new UsageError({ message: messageOf(e) }) })
      const input = yield* readScenarioOrFail(scenario)
      const text = input.bytes
      // Validation and compilation first: an invalid scenario is refused before any simulation starts.
      const plan = yield* Effect.try({
        try: () => {
          const full = scenarioOfText(text)
          return horizon === undefined ? full : planUntil(full, horizon.s, horizon.at)
        },
        catch: (error) => {
          if (error instanceof ScenarioInvalidError) {
            process.stderr.write(`${error.render(scenario)}\n`)
            return new InputRejectedError({ message: `${scenario}: ${error.problems.length} problem(s); nothing simulated` })
          }
          return new InputRejectedError({ message: `${scenario}: ${messageOf(error)}` })
        }
      })
      yield* showWarnings(scenario, input.warnings(), strict)
      if (horizon !== undefined && horizon.s > plan.untilS) {
        return yield* Effect.fail(new UsageError({
          message: `--until ${until.pipe(Option.getOrElse(() => ""))} is past the scenario's horizon (until ${formatAtS(plan.untilS)}); leave --until out to run to the horizon`
        }))
      }
      const run = yield* Effect.sync(() => simulateLog(plan, pathSeed, engine as EngineKind, { version: hashsimVersion }))
      // The report is the ledger's fold of the log just written, exactly what `replay` computes from the file.
      const entries: Array<LogEntry> = []
      const checked = validateLogText(run.text, { onEntry: (e) => entries.push(e) })
      if (checked.problems.length > 0) {
        const first = checked.problems[0]!
        return yield* Effect.fail(new InputRejectedError({
          message: `internal: the generated log does not validate (${checked.problems.length} problems; first: line ${first.line}: ${first.field}: ${first.message}); not written`
        }))
      }
      yield* writeFileAtomicEffect(out, run.text).pipe(
        Effect.mapError((e) => new InputRejectedError({ message: `cannot write ${out}: ${e.message}` }))
      )
      const report = reportOfEvents(entries.filter((e) => e.type !== "LogSealed"))
      const printed = format === "json" ? JSON.stringify(report, null, 2) + "\n" : format === "csv" ? reportCsv(report) : reportTable(report)
      yield* Effect.sync(() => {
        process.stdout.write(printed)
        process.stderr.write(`hashsim run: wrote ${out} (${checked.summary.lines} lines, ${engine} engine, seed ${pathSeed})\n`)
      })
    })

