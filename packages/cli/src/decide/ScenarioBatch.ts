// One Monte Carlo batch of a scenario's bytes for the decision commands (compare, sweep, breakeven): run through
// the montecarlo package's batch API into a sealed mc folder, then read back through its one reader into columns.
// Every batch of one command uses the same master seed, so path i of every scenario has the same path seed and
// the same random streams (common random numbers).
import {
  BatchOptionsInvalidError, openBatchFolder, OutputFolderBusyError, progressReporter, readOutcomeRows, runBatch,
  scenarioSha256, ShardSpecInvalidError, simRunnerSpec, type OutcomeTable, type Summary
} from "@hashsim/montecarlo"
import { MODEL_VERSION } from "@hashsim/sim"
import { Effect } from "effect"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { hashsimVersion } from "../Version.ts"

export interface BatchSettings {
  readonly paths: number
  readonly masterSeed: number
  readonly engine: "aggregate" | "block"
  readonly workers: number
  readonly format: "csv" | "parquet"
}

export interface ScenarioBatchResult {
  readonly summary: Summary
  readonly table: OutcomeTable
  readonly scenarioSha256: string
}

/** Runs `bytes` (scenario JSONL) as a batch into `outDir` and loads its outcome table; `label` names it in progress and errors. */
export const runScenarioBatch = (
  bytes: Buffer,
  file: string,
  label: string,
  settings: BatchSettings,
  outDir: string,
  quiet = false
): Effect.Effect<ScenarioBatchResult, UsageError | InputRejectedError> =>
  Effect.gen(function* () {
    const sha = scenarioSha256(bytes)
    const identity = { hashsimVersion, scenarioSha256: sha, engine: settings.engine, masterSeed: settings.masterSeed, paths: settings.paths, modelVersion: MODEL_VERSION }
    const runner = yield* Effect.try({
      try: () => simRunnerSpec({ scenarioText: bytes.toString("utf8"), scenarioFile: file, engine: settings.engine }),
      catch: (error) => new InputRejectedError({ message: (error as Error).message })
    })
    const progress = progressReporter(
      { isTTY: process.stderr.isTTY === true, write: (t) => { if (!quiet) process.stderr.write(t) } },
      label,
      () => performance.now()
    )
    const result = yield* runBatch({
      runner, identity, workers: settings.workers, format: settings.format, outDir,
      onProgress: (done, total) => progress.update(done, total)
    }).pipe(
      Effect.ensuring(Effect.sync(() => progress.finish())),
      Effect.mapError((error) =>
        error instanceof BatchOptionsInvalidError || error instanceof OutputFolderBusyError || error instanceof ShardSpecInvalidError
          ? new UsageError({ message: error.message })
          : new InputRejectedError({ message: `${label}: ${error.message}` }))
    )
    const summary = result.summary as Summary
    const table = yield* Effect.tryPromise({
      try: () => loadOutcomeTable(outDir),
      catch: (error) => new InputRejectedError({ message: `${label}: ${(error as Error).message}` })
    })
    return { summary, table, scenarioSha256: sha }
  })

/** The outcome table of a sealed mc folder, column by column, read (and rechecked) by the folder's one reader. */
export const loadOutcomeTable = async (dir: string): Promise<OutcomeTable> => {
  const view = openBatchFolder(dir, "batch")
  const names = view.manifest.columns.map((c) => c.name)
  const n = view.manifest.pathEnd - view.manifest.pathStart
  const values = names.map(() => new Float64Array(n))
  let i = 0
  await readOutcomeRows(view, (_text, row) => {
    for (let j = 0; j < names.length; j++) (values[j] as Float64Array)[i] = row[j] as number
    i++
  })
  return { names, values }
}
