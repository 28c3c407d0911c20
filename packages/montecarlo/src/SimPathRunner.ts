// The real PathRunner: compiles the scenario once per worker and runs @hashsim/sim's engine for each path seed,
// reusing one PathSimulator (no allocation per path). The scenario's bytes travel in the options (not its path),
// so every worker runs exactly the bytes whose SHA-256 the outputs record, even if the file changes meanwhile.
import { createHash } from "node:crypto"
import { PathSimulator, ScenarioInvalidError, scenarioOfText } from "@hashsim/sim"
import { outcomeColumns, writeOutcomeRow } from "./OutcomeColumns.ts"
import type { PathRunner, RunnerSpec } from "./PathRunner.ts"

export type EngineName = "aggregate" | "block"

export interface SimRunnerOptions {
  /** The scenario file's text. */
  readonly scenarioText: string
  /** The file name, for messages (`file:line: field: message`). */
  readonly scenarioFile: string
  readonly engine: EngineName
}

/** Lowercase hex SHA-256 of a scenario file's bytes (what summary.json and shard.json record). */
export const scenarioSha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex")

/** The RunnerSpec that makes workers build `simPathRunner(options)`. */
export const simRunnerSpec = (options: SimRunnerOptions): RunnerSpec => ({
  moduleUrl: new URL("./SimPathRunner.ts", import.meta.url).href,
  exportName: "simPathRunner",
  options
})

/** Builds the simulator's runner for a scenario and engine; an invalid scenario throws `file:line: field: message` lines. */
export const simPathRunner = (options: unknown): PathRunner => {
  const { scenarioText, scenarioFile, engine } = options as SimRunnerOptions
  let simulator: PathSimulator
  try {
    simulator = new PathSimulator(scenarioOfText(scenarioText))
  } catch (error) {
    if (error instanceof ScenarioInvalidError) throw new Error(error.render(scenarioFile))
    throw error
  }
  const months = simulator.plan.calendar.months
  const columns = outcomeColumns(months)
  return {
    columns,
    run(_pathIndex, pathSeed, out) {
      writeOutcomeRow(simulator.run(pathSeed, engine), out)
    }
  }
}
