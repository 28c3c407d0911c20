// Runs a batch (or one shard of it) on a pool of worker threads and writes its outputs. The workers do the work
// (paths, CSV text or typed columns, the values and statistics of the summary); this thread only hands out chunks,
// appends the chunk files to the outcome table in path order (hashing them for the seal) and writes the summary. Effect owns the edges:
// argument checks before any work, the worker pool, open files and the output folder's lock and staging folder as
// scoped resources, interruption (Ctrl-C) that stops the workers and drops the staging folder (the previous
// outputs stay as they were), and the final swap that publishes the sealed folder (BatchFolder.ts).
import { mkdirSync, readFileSync, rmSync, unlinkSync } from "node:fs"
import { join } from "node:path"
import { Data, Effect, Exit } from "effect"
import { OutputPathInvalidError } from "@hashsim/ledger"
import { beginFolderWrite, OutputFolderBusyError, outcomesFileOf, summaryFileName, type OutcomesFormat } from "./BatchFolder.ts"
import type { FileSeal } from "./BatchManifest.ts"
import { OutcomesWriter } from "./OutcomesFile.ts"
import { readColumnBlock } from "./ChunkValues.ts"
import { OutcomesParquetWriter } from "./OutcomesParquet.ts"
import { loadRunner, type OutcomeColumn, type RunnerSpec } from "./PathRunner.ts"
import { isValidSeed } from "@hashsim/sim/seed"
import { shardRange, wholeBatch, type PathRange, type Shard } from "./Shard.ts"
import { writeSealedText } from "./SealedFile.ts"
import { renderSummaryJson, type BatchIdentity, type Summary } from "./Summary.ts"
import type { ColumnStats } from "./ColumnStats.ts"
import { columnStatsOfCells } from "./ColumnStats.ts"
import { threadCpuSeconds } from "./ThreadCpu.ts"
import { WorkerPool } from "./WorkerPool.ts"

/** A batch asked for something impossible (no paths, a bad seed, no workers); nothing has run. */
export class BatchOptionsInvalidError extends Data.TaggedError("BatchOptionsInvalidError")<{ readonly message: string }> {}

/** The batch started but could not finish: a worker failed, or a file could not be written. */
export class BatchRunFailedError extends Data.TaggedError("BatchRunFailedError")<{ readonly message: string }> {}

export interface BatchOptions {
  readonly runner: RunnerSpec
  readonly identity: BatchIdentity
  /** The shard to run; undefined runs the whole batch and writes summary.json instead of a shard manifest. */
  readonly shard?: Shard | undefined
  /** Worker threads (at least 1; never more than there are chunks to run). */
  readonly workers: number
  readonly outDir: string
  /** Paths per message to a worker; outputs do not depend on it. Default: up to 256, at least 16 chunks a worker. */
  readonly chunkSize?: number | undefined
  /** The outcome table's format: outcomes.csv (default) or outcomes.parquet; the summary is the same either way. */
  readonly format?: OutcomesFormat | undefined
  /** Called after each chunk is written, in path order. */
  readonly onProgress?: ((donePaths: number, totalPaths: number) => void) | undefined
}

export interface BatchResult {
  readonly columns: ReadonlyArray<OutcomeColumn>
  readonly range: PathRange
  /** The summary of a whole batch (undefined for a shard). */
  readonly summary: Summary | undefined
  /** CPU seconds of this (the coordinating) thread and of each worker thread while the batch ran, where the system says. */
  readonly cpu: BatchCpu | undefined
}

export interface BatchCpu {
  readonly mainS: number
  readonly workersS: ReadonlyArray<number>
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Checks a batch's options; the failure names the flag a CLI user would fix. */
export const checkBatchOptions = (options: BatchOptions): Effect.Effect<void, BatchOptionsInvalidError> => {
  const { identity, workers, shard } = options
  const fail = (text: string) => Effect.fail(new BatchOptionsInvalidError({ message: text }))
  if (!Number.isSafeInteger(identity.paths) || identity.paths < 1) return fail(`--paths must be a whole number from 1, got ${identity.paths}`)
  if (!isValidSeed(identity.masterSeed)) return fail(`--seed must be a whole number from 0 to 2^53-1, got ${identity.masterSeed}`)
  if (!Number.isSafeInteger(workers) || workers < 1) return fail(`--workers must be a whole number from 1, got ${workers}`)
  if (shard !== undefined && !(Number.isSafeInteger(shard.index) && Number.isSafeInteger(shard.count) && shard.index >= 1 && shard.index <= shard.count)) {
    return fail(`--shard ${shard.index}/${shard.count}: the shard number must be from 1 to the shard count`)
  }
  if (options.chunkSize !== undefined && (!Number.isSafeInteger(options.chunkSize) || options.chunkSize < 1)) return fail(`chunk size must be a whole number from 1`)
  return Effect.void
}

const defaultChunkSize = (paths: number, workers: number): number => Math.max(1, Math.min(256, Math.ceil(paths / (workers * 16))))

/** Runs the batch or shard described by `options` and publishes its files in `options.outDir`. */
export const runBatch = (options: BatchOptions): Effect.Effect<BatchResult, BatchOptionsInvalidError | BatchRunFailedError | OutputFolderBusyError> =>
  Effect.gen(function* () {
    yield* checkBatchOptions(options)
    const { identity, shard, outDir } = options
    const range = shardRange(identity.paths, shard ?? wholeBatch)
    const count = range.end - range.start
    const runner = yield* Effect.tryPromise({
      try: () => loadRunner(options.runner),
      catch: (error) => new BatchRunFailedError({ message: message(error) })
    })
    const columns = runner.columns
    const ioFailure = (what: string) => (error: unknown) => new BatchRunFailedError({ message: `${what}: ${message(error)}` })

    return yield* Effect.scoped(Effect.gen(function* () {
      const folder = yield* Effect.acquireRelease(
        Effect.try({
          try: () => beginFolderWrite(outDir, identity, shard),
          catch: (error) =>
            error instanceof OutputFolderBusyError ? error
            : error instanceof OutputPathInvalidError ? new OutputFolderBusyError({ message: error.message })
            : new BatchRunFailedError({ message: `cannot write --out ${outDir}: ${message(error)}` })
        }),
        (f) => Effect.sync(() => f.abandon())
      )
      const staging = folder.staging
      const wantSummary = shard === undefined
      const tableName = outcomesFileOf(options.format ?? "csv")
      const csvPath = join(staging, tableName)
      const writer = yield* Effect.acquireRelease(
        Effect.try({
          try: () => (options.format === "parquet" ? new OutcomesParquetWriter(csvPath, columns) : new OutcomesWriter(csvPath, columns)),
          catch: ioFailure(`cannot write ${csvPath}`)
        }),
        (w, exit) => (Exit.isSuccess(exit) ? Effect.void : Effect.sync(() => w.destroy()))
      )
      // The workers' chunk and values files; gone before the folder is published.
      const scratch = join(staging, ".work")
      yield* Effect.try({ try: () => mkdirSync(scratch), catch: ioFailure(`cannot write in ${staging}`) })
      const cpuAtStart = threadCpuSeconds()
      let workersCpu: Array<number | undefined> = []
      let stats: Array<ColumnStats> | undefined
      if (count > 0) {
        const chunkSize = options.chunkSize ?? defaultChunkSize(count, options.workers)
        const poolSize = Math.min(options.workers, Math.ceil(count / chunkSize))
        // Where each chunk's values are, in path order: worker, byte offset, rows.
        const layout = new Float64Array(Math.ceil(count / chunkSize) * 3)
        let done = 0
        stats = yield* Effect.scoped(Effect.gen(function* () {
          const pool = yield* Effect.acquireRelease(
            Effect.tryPromise({
              try: () => WorkerPool.start({ runner: options.runner, masterSeed: identity.masterSeed, size: poolSize, scratchDir: scratch, spillValues: wantSummary, chunkFormat: options.format === "parquet" ? "columns" : "csv" }),
              catch: ioFailure("cannot start the workers")
            }),
            (p) => Effect.promise(() => p.close())
          )
          yield* Effect.tryPromise({
            try: (signal) => pool.run(range, chunkSize, async (chunk) => {
              const bytes = readFileSync(chunk.chunkFile)
              unlinkSync(chunk.chunkFile)
              if (writer instanceof OutcomesParquetWriter) await writer.writeColumns(readColumnBlock(bytes), chunk.end - chunk.start)
              else await writer.writeChunk(bytes)
              layout[chunk.id * 3] = chunk.worker
              layout[chunk.id * 3 + 1] = chunk.valuesAt
              layout[chunk.id * 3 + 2] = chunk.end - chunk.start
              done += chunk.end - chunk.start
              options.onProgress?.(done, count)
              await faultHook("chunk", done)
            }, signal),
            catch: ioFailure("the batch failed")
          })
          const columnStats = wantSummary
            ? yield* Effect.tryPromise({ try: (signal) => pool.stats(layout, columns.length, signal), catch: ioFailure("cannot summarize the outcomes") })
            : undefined
          workersCpu = pool.workerCpuSeconds()
          return columnStats
        }))
      } else {
        options.onProgress?.(0, 0)
        if (wantSummary) stats = columns.map(() => columnStatsOfCells(new Float64Array(0)))
      }
      yield* Effect.try({ try: () => rmSync(scratch, { recursive: true, force: true }), catch: ioFailure(`cannot remove ${scratch}`) })
      const files: Record<string, FileSeal> = {}
      files[tableName] = yield* Effect.tryPromise({ try: () => writer.close(), catch: ioFailure(`cannot write ${csvPath}`) })
      let summary: Summary | undefined
      if (stats !== undefined) {
        summary = { ...identity, columns, stats }
        const text = renderSummaryJson(summary)
        const summaryPath = join(staging, summaryFileName)
        files[summaryFileName] = yield* Effect.try({ try: () => writeSealedText(summaryPath, text), catch: ioFailure(`cannot write ${summaryPath}`) })
      }
      const cpuAtEnd = threadCpuSeconds()
      const cpu: BatchCpu | undefined = cpuAtStart === undefined || cpuAtEnd === undefined || workersCpu.some((x) => x === undefined)
        ? undefined
        : { mainS: cpuAtEnd - cpuAtStart, workersS: workersCpu as Array<number> }
      yield* Effect.promise(() => faultHook("publish", count))
      yield* Effect.try({
        try: () => folder.publish({ ...identity, shard, pathStart: range.start, pathEnd: range.end, columns }, files),
        catch: ioFailure(`cannot publish the outputs in ${outDir}`)
      })
      return { columns, range, summary, cpu }
    }))
  })

/**
 * Test hook for the fault suite (test/adversarial): with HASHSIM_FAULT_AT=<point> (chunk or publish) the process
 * announces the point on stderr and waits there (HASHSIM_FAULT_WAIT_MS, default 60 s), so a test can kill it at a
 * chosen moment. Unset, it costs one property read.
 */
const faultHook = async (point: string, done: number): Promise<void> => {
  if (process.env["HASHSIM_FAULT_AT"] !== point) return
  process.stderr.write(`\nhashsim-fault: at ${point} (${done} paths)\n`)
  const ms = Number(process.env["HASHSIM_FAULT_WAIT_MS"] ?? "60000")
  await new Promise((resolve) => setTimeout(resolve, ms))
}
