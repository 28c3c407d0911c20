// `hashsim breakeven <plan> --solve <parameter> --target <metric>[=value]`: the value of one of the plan's
// parameters at which a target holds (median NPV = 0, probability of payback by the horizon = 50%, median all-in
// cost per BTC = the BTC price), found by a root finder over batches on the same master seed (common random numbers
// make the statistic a deterministic function of the parameter), with its standard error from the batch size: the
// statistic's standard error at the root divided by its sensitivity to the parameter.
// The work of the command described in BreakevenCommand.ts (its arguments typed by that descriptor's config).
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { quantileType7, type OutcomeTable } from "@hashsim/montecarlo"
import { formatNumericValue, numericValue, startShiftParameter, parseFraction, parseUsdCents, planParameterValue, resolutionDecimals, roundNumericValue, UnitInvalidError, type NumericValue } from "@hashsim/plan"
import { Effect, Option } from "effect"
import type { Command } from "effect/cli"
import { parseMasterSeed, parseWhole, usage, workersOf } from "../BatchFlags.ts"
import { column, paybackProbabilityOf, usd } from "../decide/Compare.ts"
import { checkParameter, runPoint } from "../decide/PlanPoint.ts"
import { findRoot, RootNotBracketedError } from "../decide/RootFinder.ts"
import type { BatchSettings } from "../decide/ScenarioBatch.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { compilePlanText } from "../ScenarioInput.ts"

/** What `--target` names: a statistic of a batch, its target value, how to show it, and its standard error. */
export interface Target {
  readonly metric: "npv" | "payback" | "cost"
  readonly description: string
  readonly value: number
  readonly statistic: (table: OutcomeTable) => number
  /** The statistic's standard error from the batch size. */
  readonly standardError: (table: OutcomeTable) => number
  readonly show: (x: number) => string
}

const present = (x: Float64Array): Float64Array => x.filter((v) => !Number.isNaN(v)).sort()

/**
 * The median and its standard error from the order statistics: the distance between the quantiles at
 * 1/2 ± 1/(2 sqrt n) (one binomial standard error of the rank either side), halved; distribution-free.
 */
export const medianWithError = (values: Float64Array): { readonly median: number; readonly standardError: number } => {
  const s = present(values)
  if (s.length === 0) return { median: Number.NaN, standardError: Number.NaN }
  const h = 0.5 / Math.sqrt(s.length)
  return { median: quantileType7(s, 0.5), standardError: (quantileType7(s, Math.min(1, 0.5 + h)) - quantileType7(s, Math.max(0, 0.5 - h))) / 2 }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

/** `npv[=$0]`, `payback[=50%]`, `cost[=<price>]` (default: the plan's BTC price at the start). */
export const parseTarget = (text: string, startPriceUsdCents: number): Target => {
  const [metric, valueText] = text.split("=", 2) as [string, string | undefined]
  const value = <A>(read: (t: string) => A, fallback: A): A => {
    if (valueText === undefined) return fallback
    try {
      return read(valueText.trim())
    } catch (error) {
      if (error instanceof UnitInvalidError) throw new UsageError({ message: `--target ${text}: ${error.message}` })
      throw error
    }
  }
  switch (metric.trim()) {
    case "npv": {
      const negative = valueText?.trim().startsWith("-") === true
      const v = value((t) => (negative ? -parseUsdCents(t.slice(1)) : parseUsdCents(t)), 0)
      return {
        metric: "npv", description: `median NPV = ${usd(v)}`, value: v, show: usd,
        statistic: (t) => medianWithError(column(t, "npvUsdCents")).median,
        standardError: (t) => medianWithError(column(t, "npvUsdCents")).standardError
      }
    }
    case "payback": {
      const v = value((t) => parseFraction(t), 0.5)
      return {
        metric: "payback", description: `probability of payback by the horizon = ${pct(v)}`, value: v, show: pct,
        statistic: paybackProbabilityOf,
        standardError: (t) => {
          const p = paybackProbabilityOf(t)
          return Math.sqrt((p * (1 - p)) / column(t, "paybackDays").length)
        }
      }
    }
    case "cost": {
      const v = value(parseUsdCents, startPriceUsdCents)
      return {
        metric: "cost", description: `median all-in cost per BTC = ${usd(v)}`, value: v, show: usd,
        statistic: (t) => medianWithError(column(t, "allInCostPerBtcUsdCents")).median,
        standardError: (t) => medianWithError(column(t, "allInCostPerBtcUsdCents")).standardError
      }
    }
    default:
      throw new UsageError({ message: `--target ${JSON.stringify(text)}: npv[=<usd>] (median NPV, default $0), payback[=<share>] (probability of payback by the horizon, default 50%) or cost[=<usd>] (median all-in cost per BTC, default the plan's btcPrice)` })
  }
}

const parseBracket = (text: string): readonly [NumericValue, NumericValue] => {
  const m = /^(.+?)\.\.(.+)$/.exec(text.trim())
  const lo = m === null ? undefined : numericValue(m[1]!)
  const hi = m === null ? undefined : numericValue(m[2]!)
  if (lo === undefined || hi === undefined) throw new UsageError({ message: `--bracket ${JSON.stringify(text)}: write <from>..<to> in the parameter's units, e.g. $0.02/kWh..$0.06/kWh` })
  if (lo.prefix !== hi.prefix || lo.suffix !== hi.suffix) throw new UsageError({ message: `--bracket ${JSON.stringify(text)}: both ends take the same units` })
  return [lo, hi]
}

import type { breakevenConfig } from "./BreakevenCommand.ts"

export const breakevenHandler = (args: Command.Command.Config.Infer<typeof breakevenConfig>) =>
    Effect.gen(function* () {
      const paths = yield* usage(() => parseWhole("--paths", args.paths, 2))
      const masterSeed = yield* usage(() => parseMasterSeed(args.seed))
      const workers = yield* workersOf(args.workers)
      const batch: BatchSettings = { paths, masterSeed, engine: args.engine, workers, format: "csv" }
      const file = args.scenario
      const source = yield* Effect.try({
        try: () => readFileSync(file, "utf8"),
        catch: (error) => new InputRejectedError({ message: `${file}: cannot read the plan: ${(error as Error).message}` })
      })
      const name = args.solve
      yield* checkParameter(file, source, name)
      // A start-date shift is whole days, and NPV need not cross a target once along it (the halving comes sooner
      // or later in the horizon): there is no root to bracket. The sweep answers "which start?".
      if (name === startShiftParameter) {
        return yield* new UsageError({ message: `--solve ${name}: a start date is not solved for (whole days, no single crossing); sweep it: hashsim sweep ${file} --vary '${name}=0d,90d,180d'` })
      }
      const current = numericValue(planParameterValue(source, name))
      const bracketText = Option.getOrUndefined(args.bracket)
      const bracket = bracketText !== undefined ? yield* usage(() => parseBracket(bracketText)) : undefined
      const like = bracket?.[0] ?? current
      if (like === undefined) return yield* new UsageError({ message: `--solve ${name}: its value in ${file} (${planParameterValue(source, name)}) is not a number to solve for; give --bracket <from>..<to>` })
      // The plan's BTC price at the start, for `cost` without a value.
      const startPrice = yield* Effect.try({
        try: () => {
          const first = JSON.parse(compilePlanText(source, file).text.split("\n")[0]!) as { data: { priceUsdCents: number } }
          return first.data.priceUsdCents
        },
        catch: () => new InputRejectedError({ message: `${file}: the plan does not compile; \`hashsim validate ${file}\` shows why` })
      })
      const target = yield* usage(() => parseTarget(args.target, startPrice))
      const scratch = mkdtempSync(join(tmpdir(), "hashsim-breakeven-"))
      const tables = new Map<number, OutcomeTable>()
      let n = 0
      let gTolerance: number | undefined
      const g = (x: number) =>
        Effect.gen(function* () {
          n++
          const value = formatNumericValue(like, x)
          const r = yield* runPoint(file, source, [[name, value]], batch, join(scratch, String(n)), `breakeven ${n}: ${name}=${value}`, true)
          rmSync(join(scratch, String(n)), { recursive: true, force: true })
          tables.set(x, r.table)
          const s = target.statistic(r.table)
          // Finer than a twentieth of the statistic's own standard error is noise: the search stops there.
          if (gTolerance === undefined) gTolerance = target.standardError(r.table) / 20
          process.stderr.write(`breakeven: ${name}=${value}: ${target.show(s)}\n`)
          return s - target.value
        })
      const resolution = 10 ** -Math.min(12, resolutionDecimals(like))
      const nonNegative = like.value >= 0 && (like.prefix.includes("$") || like.suffix.includes("%") || like.suffix.includes("/")) && !name.endsWith("drift")
      const start = like.value
      const result = yield* findRoot({
        g,
        round: (x) => roundNumericValue(like, x),
        bracket: bracket === undefined ? undefined : [bracket[0].value, bracket[1].value],
        start,
        step: Math.max(Math.abs(start) * 0.2, resolution * 10, start === 0 ? 0.1 : 0),
        lowest: nonNegative ? 0 : undefined,
        tolerance: Math.max(resolution, Math.abs(start) * 1e-4),
        maxEvaluations: 16,
        get gTolerance() {
          return gTolerance
        }
      }).pipe(
        Effect.ensuring(Effect.sync(() => rmSync(scratch, { recursive: true, force: true }))),
        Effect.mapError((error) =>
          error instanceof RootNotBracketedError
            ? new InputRejectedError({
              message: `no ${name} found where ${target.description}: the statistic stays on one side at every value tried (${error.evaluations.map((e) => `${formatNumericValue(like, e.x)}: ${target.show(e.g + target.value)}`).join("; ")}); give a wider --bracket`
            })
            : error)
      )
      // The standard error at the root: the statistic's, at the evaluated value nearest the root, over the slope.
      const nearest = [...tables.keys()].reduce((p, x) => (Math.abs(x - result.root) < Math.abs(p - result.root) ? x : p))
      const statError = target.standardError(tables.get(nearest)!)
      const rootError = Math.abs(statError / result.slope)
      // Two decimals finer than the units carry: the interpolated root lies between two values the plan can hold.
      const show = (x: number) => `${like.prefix}${Number(x.toFixed(Math.min(12, resolutionDecimals(like) + 2)))}${like.suffix}`
      const lines = [
        `Break-even: ${name} = ${show(result.root)} where ${target.description} (${paths} paths a batch, master seed ${masterSeed}, ${result.evaluations.length} batches on the same path seeds)`,
        Number.isFinite(rootError)
          ? `standard error from the batch size: ±${show(rootError).replace(/^-/, "")} (95%: ${show(result.root - 1.96 * rootError)} .. ${show(result.root + 1.96 * rootError)}); the statistic's standard error ${target.show(statError)} over its sensitivity ${target.show(result.slope)} per unit of ${name}`
          : "standard error: - (the root was hit exactly)",
        `final bracket: ${formatNumericValue(like, result.bracket[0])} .. ${formatNumericValue(like, result.bracket[1])}`,
        "evaluations:",
        ...result.evaluations.map((e) => `  ${formatNumericValue(like, e.x).padEnd(16)} ${target.show(e.g + target.value)}`)
      ]
      yield* Effect.sync(() => process.stdout.write(`${lines.join("\n")}\n`))
    })
