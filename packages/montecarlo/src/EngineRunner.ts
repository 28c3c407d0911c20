// The PathRunner a worker builds: @hashsim/sim's engine over a plan compiled once in the main thread, reusing one
// PathSimulator (no allocation per path). It imports the engine alone (`@hashsim/sim/engine`): no ledger, no
// Effect, so a worker starts in a fraction of the time the whole simulator package takes to load.
import "./JitBudget.ts"
import { PathSimulator, type ScenarioPlan } from "@hashsim/sim/engine"
import { outcomeColumns, writeOutcomeRow } from "./OutcomeColumns.ts"
import type { PathRunner } from "./PathRunner.ts"

export type EngineName = "aggregate" | "block"

export interface EngineRunnerOptions {
  /** The compiled scenario (structured-cloned into each worker). */
  readonly plan: ScenarioPlan
  readonly engine: EngineName
}

export const enginePathRunner = (options: unknown): PathRunner => {
  const { plan, engine } = options as EngineRunnerOptions
  const simulator = new PathSimulator(plan)
  return {
    columns: outcomeColumns(plan.calendar.months),
    run(_pathIndex, pathSeed, out) {
      writeOutcomeRow(simulator.run(pathSeed, engine), out)
    }
  }
}
