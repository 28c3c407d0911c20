// The real PathRunner's spec: the scenario is validated and compiled here, once, in the calling thread (so an
// invalid scenario is refused before any worker starts), and the compiled plan travels to the workers, which
// run the engine alone (EngineRunner.ts). The plan comes from the scenario's bytes, whose SHA-256 the outputs record.
import { createHash } from "node:crypto"
import { ScenarioInvalidError, scenarioOfText, type ScenarioPlan } from "@hashsim/sim"
import { enginePathRunner, type EngineName, type EngineRunnerOptions } from "./EngineRunner.ts"
import type { PathRunner, RunnerSpec } from "./PathRunner.ts"

export type { EngineName } from "./EngineRunner.ts"

export interface SimRunnerOptions {
  /** The scenario file's text. */
  readonly scenarioText: string
  /** The file name, for messages (`file:line: field: message`). */
  readonly scenarioFile: string
  readonly engine: EngineName
}

/** Lowercase hex SHA-256 of a scenario file's bytes (what summary.json and shard.json record). */
export const scenarioSha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex")

/** Validates and compiles the scenario; an invalid one throws an Error of `file:line: field: message` lines. */
const engineOptions = ({ scenarioText, scenarioFile, engine }: SimRunnerOptions): EngineRunnerOptions => {
  try {
    return { plan: scenarioOfText(scenarioText), engine }
  } catch (error) {
    if (error instanceof ScenarioInvalidError) throw new Error(error.render(scenarioFile))
    throw error
  }
}

/** The RunnerSpec that makes workers build the engine's runner for a plan already compiled (the CLI's decision). */
export const planRunnerSpec = (plan: ScenarioPlan, engine: EngineName): RunnerSpec => ({
  moduleUrl: new URL("./EngineRunner.ts", import.meta.url).href,
  exportName: "enginePathRunner",
  options: { plan, engine } satisfies EngineRunnerOptions
})

/** The RunnerSpec that makes workers build the engine's runner for this scenario (throws on an invalid scenario). */
export const simRunnerSpec = (options: SimRunnerOptions): RunnerSpec => {
  const { plan, engine } = engineOptions(options)
  return planRunnerSpec(plan, engine)
}

/** The same runner in this thread (benchmarks and tests). */
export const simPathRunner = (options: SimRunnerOptions): PathRunner => enginePathRunner(engineOptions(options))
