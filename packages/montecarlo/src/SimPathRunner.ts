// The real PathRunner: compiles the scenario once per worker and runs @hashsim/sim's engine for each path seed.
// The scenario's bytes travel in the options (not its path), so every worker runs exactly the bytes whose
// SHA-256 the outputs record, even if the file changes during the batch.
import { createHash } from "node:crypto"
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

/** Builds the simulator's runner for a scenario and engine (throws a `file:line: field: message` text if invalid). */
export const simPathRunner = async (options: unknown): Promise<PathRunner> => {
  const { scenarioFile } = options as SimRunnerOptions
  throw new Error(`${scenarioFile}: the simulator (@hashsim/sim) does not yet export path outcomes`)
}
