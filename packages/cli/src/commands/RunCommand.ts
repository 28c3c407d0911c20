// `hashsim run <scenario> --seed <n> [--engine block|aggregate] [--until <date>] --out <log>`: simulates one path,
// writes its complete log atomically and prints the monthly report, the very report `replay` prints for that log.
import { type LogEntry, parseAtS, parseDayS, reportOfEvents, validateLogText, writeFileAtomicEffect } from "@hashsim/ledger"
import { type EngineKind, parseSeed, SEED_RULE, simulateLog } from "@hashsim/sim"
import { Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { acceptScenario } from "../ScenarioAcceptance.ts"
import { hashsimVersion } from "../Version.ts"
import { showWarnings, strictFlag } from "../Warnings.ts"
import { reportCsv, reportTable } from "./ReplayCommand.ts"
import { readScenarioOrFail } from "./ValidateCommand.ts"

/** `--until`: a day (its 00:00:00Z) or a full `YYYY-MM-DDTHH:MM:SSZ`; returns seconds and the canonical `at`. */
const parseUntil = (text: string): { readonly s: number; readonly at: string } | undefined => {
  const day = parseDayS(text)
  if (day !== undefined) return { s: day, at: `${text}T00:00:00Z` }
  const s = parseAtS(text)
  return s === undefined ? undefined : { s, at: text }
}

export const runCommand = Command.make(
  "run",
  {
    scenario: Argument.String("scenario").pipe(Argument.withDescription("scenario log (JSONL) or plan (YAML) to simulate")),
    seed: Flag.String("seed").pipe(Flag.withDescription("path seed, 0 to 2^53-1 (a Monte Carlo path's seed reproduces that path)")),
    engine: Flag.Literals("engine", ["block", "aggregate"]).pipe(
      Flag.withDefault("block" as const),
      Flag.withDescription("block (default: every block drawn, fleet blocks in the log) or aggregate (daily summaries)")
    ),
    until: Flag.optional(Flag.String("until").pipe(Flag.withDescription("stop earlier than the scenario's horizon: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: the scenario's until)"))),
    out: Flag.String("out").pipe(Flag.withDescription("where to write the complete log (written atomically)")),
    format: Flag.Literals("format", ["table", "json", "csv"]).pipe(
      Flag.withDefault("table" as const),
      Flag.withDescription("the report printed on stdout, as `replay --format` prints it (default: table)")
    ),
    strict: strictFlag
  },
  ({ scenario, seed, engine, until, out, format, strict }) =>
    Effect.gen(function* () {
      const pathSeed = parseSeed(seed)
      if (pathSeed === undefined) {
        return yield* Effect.fail(new UsageError({ message: `--seed must be ${SEED_RULE}, got ${JSON.stringify(seed)}` }))
      }
      const horizon = Option.isSome(until) ? parseUntil(until.value) : undefined
      if (Option.isSome(until) && horizon === undefined) {
        return yield* Effect.fail(new UsageError({ message: `--until must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got ${JSON.stringify(until.value)}` }))
      }
      const input = yield* readScenarioOrFail(scenario)
      const text = input.bytes
      // Validation and compilation first (the decision `mc` makes too): an invalid scenario is refused before any
      // simulation starts.
      const plan = yield* acceptScenario(scenario, text, horizon)
      yield* showWarnings(scenario, input.warnings(), strict)
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
).pipe(Command.withDescription("Simulate a scenario with a seed, write its complete log, print the monthly report"))
