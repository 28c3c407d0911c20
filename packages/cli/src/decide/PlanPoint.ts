// One point of a sweep or a break-even search: the plan with some parameters set (in the plan's own units),
// compiled as if typed there, run as a batch on the command's master seed, and the statistics a sweep row holds.
import { checkPlanParameter, PlanParameterInvalidError, setPlanParameters } from "@hashsim/plan"
import { quantileType7, type OutcomeTable } from "@hashsim/montecarlo"
import { Effect } from "effect"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { compilePlanText, isPlanFile, ScenarioUnreadableError } from "../ScenarioInput.ts"
import { column, paybackProbabilityOf } from "./Compare.ts"
import { runScenarioBatch, type BatchSettings, type ScenarioBatchResult } from "./ScenarioBatch.ts"

export type Setting = readonly [name: string, value: string]

/** Checks that a scenario can be varied (a plan) and that `name` is one of its parameters; a usage error otherwise. */
export const checkParameter = (file: string, source: string, name: string): Effect.Effect<void, UsageError> =>
  Effect.try({
    try: () => {
      if (!isPlanFile(file)) {
        throw new UsageError({ message: `${file}: sweep and breakeven vary a plan's keys (YAML); write this scenario as a plan (docs/PLANS.md)` })
      }
      checkPlanParameter(source, name)
    },
    catch: (error) => (error instanceof UsageError ? error : new UsageError({ message: `${file}: ${(error as Error).message}` }))
  })

/** The scenario JSONL of the plan with `settings` applied; a plan that no longer compiles names the point. */
export const compilePoint = (file: string, source: string, settings: ReadonlyArray<Setting>): Effect.Effect<Buffer, InputRejectedError | UsageError> =>
  Effect.try({
    try: () => Buffer.from(compilePlanText(setPlanParameters(source, settings), file).text, "utf8"),
    catch: (error) => {
      const at = settings.map(([n, v]) => `${n}=${v}`).join(", ")
      if (error instanceof PlanParameterInvalidError) return new UsageError({ message: `${file}: ${error.message}` })
      if (error instanceof ScenarioUnreadableError) {
        for (const line of error.lines) process.stderr.write(`${line}\n`)
        return new InputRejectedError({ message: `${file} with ${at}: the plan does not compile (${error.message})` })
      }
      return new InputRejectedError({ message: `${file} with ${at}: ${(error as Error).message}` })
    }
  })

export const runPoint = (
  file: string, source: string, settings: ReadonlyArray<Setting>, batch: BatchSettings, outDir: string, label: string, quiet = false
): Effect.Effect<ScenarioBatchResult, InputRejectedError | UsageError> =>
  Effect.flatMap(compilePoint(file, source, settings), (bytes) => runScenarioBatch(bytes, file, label, batch, outDir, quiet))

/** The statistics of one point, in the order of `pointStatNames`. */
export const pointStatNames = [
  "npvUsdCentsP05", "npvUsdCentsP50", "npvUsdCentsP95", "npvUsdCentsMean", "paybackProbability", "paybackDaysP50",
  "allInCostPerBtcUsdCentsP50", "cashCostPerBtcUsdCentsP50", "minedSatsP50"
] as const

const sortedPresent = (x: Float64Array): Float64Array => x.filter((v) => !Number.isNaN(v)).sort()
const quantile = (x: Float64Array, p: number): number => {
  const s = sortedPresent(x)
  return s.length === 0 ? Number.NaN : quantileType7(s, p)
}
const mean = (x: Float64Array): number => {
  const s = sortedPresent(x)
  let sum = 0
  for (const v of s) sum += v
  return s.length === 0 ? Number.NaN : sum / s.length
}

export const pointStats = (table: OutcomeTable): Record<(typeof pointStatNames)[number], number> => {
  const npv = column(table, "npvUsdCents")
  return {
    npvUsdCentsP05: quantile(npv, 0.05),
    npvUsdCentsP50: quantile(npv, 0.5),
    npvUsdCentsP95: quantile(npv, 0.95),
    npvUsdCentsMean: mean(npv),
    paybackProbability: paybackProbabilityOf(table),
    // Days to payback among the paths that pay back (a censored median would need issue 13's summary).
    paybackDaysP50: quantile(column(table, "paybackDays"), 0.5),
    allInCostPerBtcUsdCentsP50: quantile(column(table, "allInCostPerBtcUsdCents"), 0.5),
    cashCostPerBtcUsdCentsP50: quantile(column(table, "cashCostPerBtcUsdCents"), 0.5),
    minedSatsP50: quantile(column(table, "minedSats"), 0.5)
  }
}
