// `hashsim run <scenario> --seed <n> [--engine block|aggregate] [--until <date>] --out <log>`: simulates one path,
// writes its complete log atomically and prints the monthly report, the very report `replay` prints for that log.
// The work of the command described in RunCommand.ts (its arguments typed by that descriptor's config).
import { checkOutputPath, formatAtS, type LogEntry, parseAtS, parseDayS, reportOfEvents, validateLogText, writeFileAtomicEffect } from "@hashsim/ledger"
import { pathSeeds } from "@hashsim/montecarlo"
import { type EngineKind, parseSeed, PathSimulator, planUntil, ScenarioInvalidError, type ScenarioPlan, scenarioOfText, SEED_RULE, simulateLog } from "@hashsim/sim"
import { Effect, Option } from "effect"
import type { Command } from "effect/cli"
import type { runConfig } from "./RunCommand.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { acceptScenario } from "../ScenarioAcceptance.ts"
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

/** The master seed of the paths `--context` compares with (the Monte Carlo seeds of `mc --seed 0`). */
const CONTEXT_MASTER_SEED = 0

/**
 * Where a path's NPV sits among `n` paths of the same plan (aggregate engine, the seeds of `mc --seed 0`): the
 * share of those paths whose NPV is at or below it, and their median.
 */
const npvContext = (plan: ScenarioPlan, npvUsdCents: number, n: number): { readonly percentile: number; readonly medianUsdCents: number } => {
  const sim = new PathSimulator(plan)
  const seedOf = pathSeeds(CONTEXT_MASTER_SEED)
  const npvs = new Float64Array(n)
  for (let i = 0; i < n; i++) npvs[i] = sim.run(seedOf(i), "aggregate").npvUsdCents
  let atOrBelow = 0
  for (const x of npvs) if (x <= npvUsdCents) atOrBelow++
  npvs.sort()
  const mid = (n - 1) / 2
  return { percentile: (100 * atOrBelow) / n, medianUsdCents: (npvs[Math.floor(mid)]! + npvs[Math.ceil(mid)]!) / 2 }
}
const dollars = (cents: number): string => `${cents < 0 ? "-" : ""}$${Math.round(Math.abs(cents) / 100).toLocaleString("en-US")}`

export const runHandler = ({ scenario, seed, engine, until, out, format, strict, context }: Command.Command.Config.Infer<typeof runConfig>) =>
    Effect.gen(function* () {
      const pathSeed = parseSeed(seed)
      if (pathSeed === undefined) {
        return yield* Effect.fail(new UsageError({ message: `--seed must be ${SEED_RULE}, got ${JSON.stringify(seed)}` }))
      }
      const horizon = Option.isSome(until) ? parseUntil(until.value) : undefined
      if (Option.isSome(until) && horizon === undefined) {
        return yield* Effect.fail(new UsageError({ message: `--until must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got ${JSON.stringify(until.value)}` }))
      }
      const contextN = Option.isSome(context) ? Number(context.value) : undefined
      if (contextN !== undefined && !(Number.isSafeInteger(contextN) && contextN >= 1 && contextN <= 1_000_000)) {
        return yield* Effect.fail(new UsageError({ message: `--context must be a number of paths from 1 to 1000000, got ${JSON.stringify(Option.getOrElse(context, () => ""))}` }))
      }
      yield* Effect.try({ try: () => checkOutputPath(out, "file"), catch: (e) => new UsageError({ message: messageOf(e) }) })
      const input = yield* readScenarioOrFail(scenario)
      const text = input.bytes
      // Validation and compilation first (the decision `mc` makes too): an invalid scenario is refused before any
      // simulation starts.
      const plan = yield* acceptScenario(scenario, text, horizon)
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
      const onePath = `This is one random path (seed ${pathSeed}), not a forecast: another seed gives another history.`
      const where = contextN === undefined
        ? " `hashsim run --context 1000` says where it sits among 1,000 paths; `hashsim mc` gives the distribution."
        : (() => {
            const c = npvContext(plan, run.outcome.npvUsdCents, contextN)
            return ` Among ${contextN} paths of the same scenario (aggregate engine, seeds of mc --seed 0), its NPV ${dollars(run.outcome.npvUsdCents)} is at the ${c.percentile.toFixed(1)}th percentile (median ${dollars(c.medianUsdCents)}).`
          })()
      const printed = format === "json" ? JSON.stringify(report, null, 2) + "\n" : format === "csv" ? reportCsv(report) : reportTable(report) + `\n${onePath}${where}\n`
      yield* Effect.sync(() => {
        process.stdout.write(printed)
        if (format !== "table") process.stderr.write(`hashsim run: ${onePath}${where}\n`)
        process.stderr.write(`hashsim run: wrote ${out} (${checked.summary.lines} lines, ${engine} engine, seed ${pathSeed})\n`)
      })
    })

