// The loop inside one worker thread: builds the runner once, then runs chunks of paths it is sent and posts back
// per chunk its CSV text and a Float64Array of its values (row-major: path, seed, then the runner's columns), so
// the formatting work is spread over the workers too. Plain TypeScript, no Effect.
import { parentPort, workerData } from "node:worker_threads"
import { outcomesText } from "./OutcomesFile.ts"
import { loadRunner, type RunnerSpec } from "./PathRunner.ts"
import { pathSeeds } from "./PathSeed.ts"

export interface WorkerInit {
  readonly entryUrl: string
  readonly runner: RunnerSpec
  readonly masterSeed: number
}

export type ToWorker = { readonly type: "chunk"; readonly id: number; readonly start: number; readonly end: number }

export type FromWorker =
  | { readonly type: "ready"; readonly width: number }
  | { readonly type: "done"; readonly id: number; readonly rows: Float64Array; readonly text: string }
  | { readonly type: "error"; readonly message: string }

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
  port.on("message", (message: ToWorker) => {
    try {
      const rows = new Float64Array((message.end - message.start) * width)
      for (let path = message.start, at = 0; path < message.end; path++, at += width) {
        const seed = seedOf(path)
        out.fill(Number.NaN)
        runner.run(path, seed, out)
        rows[at] = path
        rows[at + 1] = seed
        rows.set(out, at + 2)
      }
      const reply: FromWorker = { type: "done", id: message.id, rows, text: outcomesText(rows, width, runner.columns) }
      port.postMessage(reply, [rows.buffer])
    } catch (error) {
      const reply: FromWorker = { type: "error", message: `path chunk ${message.start}..${message.end - 1}: ${describe(error)}` }
      port.postMessage(reply)
    }
  })
  const ready: FromWorker = { type: "ready", width }
  port.postMessage(ready)
} catch (error) {
  const reply: FromWorker = { type: "error", message: `loading the path runner: ${describe(error)}` }
  port.postMessage(reply)
}
