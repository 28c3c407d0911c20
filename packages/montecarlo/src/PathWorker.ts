// The loop inside one worker thread. It builds the runner once, then does a batch's work itself so the main thread
// only coordinates: for each chunk of paths it is sent, it runs them, writes their rows to a file of the chunk's own
// in the batch's scratch folder, as CSV text for outcomes.csv or as typed columns for outcomes.parquet (the main
// thread appends those to the table in path order, copying, never parsing)
// and, for a whole batch, appends their values to its own values file (ChunkValues.ts); at the end it computes
// the statistics of the columns it is given. Every reply carries the thread's CPU seconds so far. Plain
// TypeScript, no Effect, nothing of the ledger: a worker holds the engine and its own buffers.
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { parentPort, workerData } from "node:worker_threads"
import type { ColumnStats } from "./ColumnStats.ts"
import { columnBlock, ValuesReader, ValuesSpillWriter, type ValuesLayout } from "./ChunkValues.ts"
import { outcomesText } from "./OutcomesText.ts"
import { loadRunner, type RunnerSpec } from "./PathRunner.ts"
import { pathSeeds } from "./PathSeed.ts"
import { threadCpuSeconds } from "./ThreadCpu.ts"

export interface WorkerInit {
  readonly entryUrl: string
  readonly runner: RunnerSpec
  readonly masterSeed: number
  /** The batch's scratch folder: chunk CSV files and values files go there. */
  readonly scratchDir: string
  /** This worker's number (names its values file). */
  readonly workerIndex: number
  /** Spill values for summary.json (a whole batch; a shard has no summary). */
  readonly spillValues: boolean
  /** How chunk files hold the rows: CSV text (outcomes.csv) or typed columns (outcomes.parquet; ChunkValues.columnBlock). */
  readonly chunkFormat: ChunkFormat
}

export type ChunkFormat = "csv" | "columns"

export type ToWorker =
  | { readonly type: "chunk"; readonly id: number; readonly start: number; readonly end: number }
  /** Compute the statistics of column `column` from the values every worker spilled (`layout` is sent once, with the first). */
  | { readonly type: "stats"; readonly column: number; readonly layout?: ValuesLayout }
  /** Close the files this worker holds open; it answers "closed" and waits to be terminated. */
  | { readonly type: "close" }

export type FromWorker =
  | { readonly type: "ready"; readonly columns: number; readonly cpuS: number | undefined }
  /** Chunk `id` is in its chunk file; `valuesAt` is the byte offset of its values in this worker's values file (-1: none). */
  | { readonly type: "done"; readonly id: number; readonly chunkFile: string; readonly valuesAt: number; readonly cpuS: number | undefined }
  | { readonly type: "stats"; readonly column: number; readonly stats: ColumnStats; readonly cpuS: number | undefined }
  | { readonly type: "closed" }
  | { readonly type: "error"; readonly message: string }

/** The file of chunk `id` in the scratch folder. */
export const chunkFileOf = (scratchDir: string, id: number, format: ChunkFormat): string => join(scratchDir, `c${id}.${format === "csv" ? "csv" : "f64"}`)

const port = parentPort
if (port === null) throw new Error("PathWorker.ts runs only as a worker thread")
const init = workerData as WorkerInit

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

try {
  const runner = await loadRunner(init.runner)
  const seedOf = pathSeeds(init.masterSeed)
  const metrics = runner.columns.length
  const width = 2 + metrics
  const out = new Float64Array(metrics)
  const kinds = runner.columns.map((c) => c.kind)
  let spill = init.spillValues ? new ValuesSpillWriter(init.scratchDir, init.workerIndex, runner.columns.map((c) => c.kind)) : undefined
  let rows = new Float64Array(0)
  let reader: ValuesReader | undefined
  port.on("message", (message: ToWorker) => {
    if (message.type === "close") {
      try {
        spill?.close()
        reader?.close()
      } finally {
        spill = undefined
        reader = undefined
        port.postMessage({ type: "closed" } satisfies FromWorker)
      }
      return
    }
    if (message.type === "stats") {
      try {
        if (message.layout !== undefined) {
          spill?.close()
          spill = undefined
          reader = new ValuesReader(init.scratchDir, message.layout)
        }
        if (reader === undefined) throw new Error("no values layout")
        const reply: FromWorker = { type: "stats", column: message.column, stats: reader.stats(message.column), cpuS: threadCpuSeconds() }
        port.postMessage(reply)
      } catch (error) {
        const reply: FromWorker = { type: "error", message: `summary of column ${runner.columns[message.column]?.name ?? message.column}: ${describe(error)}` }
        port.postMessage(reply)
      }
      return
    }
    try {
      const count = message.end - message.start
      if (rows.length < count * width) rows = new Float64Array(count * width)
      const chunk = rows.subarray(0, count * width)
      for (let path = message.start, at = 0; path < message.end; path++, at += width) {
        const seed = seedOf(path)
        out.fill(Number.NaN)
        runner.run(path, seed, out)
        chunk[at] = path
        chunk[at + 1] = seed
        chunk.set(out, at + 2)
      }
      const chunkFile = chunkFileOf(init.scratchDir, message.id, init.chunkFormat)
      writeFileSync(chunkFile, init.chunkFormat === "csv" ? outcomesText(chunk, width, runner.columns) : new Uint8Array(columnBlock(chunk, width, kinds).buffer), { flag: "wx" })
      const valuesAt = spill === undefined ? -1 : spill.append(chunk, width)
      const reply: FromWorker = { type: "done", id: message.id, chunkFile, valuesAt, cpuS: threadCpuSeconds() }
      port.postMessage(reply)
    } catch (error) {
      const reply: FromWorker = { type: "error", message: `path chunk ${message.start}..${message.end - 1}: ${describe(error)}` }
      port.postMessage(reply)
    }
  })
  const ready: FromWorker = { type: "ready", columns: metrics, cpuS: threadCpuSeconds() }
  port.postMessage(ready)
} catch (error) {
  const reply: FromWorker = { type: "error", message: `loading the path runner: ${describe(error)}` }
  port.postMessage(reply)
}
