// A pool of worker threads that runs a range of paths in chunks and hands the chunks back strictly in path order,
// whatever order they finish in (out-of-order chunks wait in a small buffer; dispatch never runs more than a few
// chunks ahead of the writer, so memory stays bounded for any batch size).
import { Worker } from "node:worker_threads"
import { Data } from "effect"
import type { PathRange } from "./Shard.ts"
import type { RunnerSpec } from "./PathRunner.ts"
import type { FromWorker, ToWorker, WorkerInit } from "./PathWorker.ts"

/** A worker could not build its runner, threw while running paths, or died. */
export class WorkerFailedError extends Data.TaggedError("WorkerFailedError")<{ readonly message: string }> {}

const bootUrl = new URL("./WorkerBoot.mjs", import.meta.url)
const entryUrl = new URL("./PathWorker.ts", import.meta.url).href

interface Slot {
  readonly worker: Worker
  busy: boolean
}

export interface ChunkSink {
  /** Receives the rows of paths [start, end) in path order; the pool waits for it before handing on the next. */
  (start: number, end: number, rows: Float64Array, width: number, text: string): void | Promise<void>
}

export class WorkerPool {
  private failure: ((error: Error) => void) | undefined
  private onMessage: ((slot: Slot, message: FromWorker) => void) | undefined

  private constructor(private readonly slots: ReadonlyArray<Slot>, readonly width: number) {}

  /** Starts `size` workers that each build the runner of `runner`; resolves once all of them are ready. */
  static async start(runner: RunnerSpec, masterSeed: number, size: number): Promise<WorkerPool> {
    const init: WorkerInit = { entryUrl, runner, masterSeed }
    const workers: Array<Worker> = []
    try {
      for (let i = 0; i < size; i++) workers.push(new Worker(bootUrl, { workerData: init, execArgv: [] }))
      const widths = await Promise.all(workers.map((worker) => new Promise<number>((resolve, reject) => {
        const onMessage = (message: FromWorker): void => {
          cleanup()
          if (message.type === "ready") resolve(message.width)
          else reject(new WorkerFailedError({ message: message.type === "error" ? message.message : "unexpected message from a worker" }))
        }
        const onError = (error: Error): void => { cleanup(); reject(new WorkerFailedError({ message: `a worker failed to start: ${error.message}` })) }
        const onExit = (code: number): void => { cleanup(); reject(new WorkerFailedError({ message: `a worker exited with code ${code} while starting` })) }
        const cleanup = (): void => {
          worker.off("message", onMessage)
          worker.off("error", onError)
          worker.off("exit", onExit)
        }
        worker.on("message", onMessage)
        worker.on("error", onError)
        worker.on("exit", onExit)
      })))
      const pool = new WorkerPool(workers.map((worker) => ({ worker, busy: false })), widths[0] ?? 2)
      for (const slot of pool.slots) {
        slot.worker.on("message", (message: FromWorker) => pool.onMessage?.(slot, message))
        slot.worker.on("error", (error) => pool.failure?.(new WorkerFailedError({ message: `a worker failed: ${error.message}` })))
        slot.worker.on("exit", (code) => pool.failure?.(new WorkerFailedError({ message: `a worker exited with code ${code} during the batch` })))
      }
      return pool
    } catch (error) {
      await Promise.all(workers.map((worker) => worker.terminate()))
      throw error
    }
  }

  get size(): number {
    return this.slots.length
  }

  /**
   * Runs paths [range.start, range.end) in chunks of `chunkSize` and feeds them to `sink` in path order.
   * Rejects on the first worker failure; stops dispatching when `signal` aborts.
   */
  run(range: PathRange, chunkSize: number, sink: ChunkSink, signal?: AbortSignal): Promise<void> {
    const chunkCount = Math.ceil((range.end - range.start) / chunkSize)
    const maxAhead = this.slots.length * 4
    return new Promise<void>((resolve, reject) => {
      let settled = false
      let nextToDispatch = 0
      let nextToWrite = 0
      let writing = false
      const finished = new Map<number, { readonly rows: Float64Array; readonly text: string }>()
      const fail = (error: Error): void => {
        if (settled) return
        settled = true
        this.onMessage = undefined
        this.failure = undefined
        reject(error)
      }
      const dispatch = (): void => {
        for (const slot of this.slots) {
          if (settled || signal?.aborted) return
          if (slot.busy || nextToDispatch >= chunkCount || nextToDispatch - nextToWrite >= maxAhead) continue
          const id = nextToDispatch++
          const start = range.start + id * chunkSize
          const message: ToWorker = { type: "chunk", id, start, end: Math.min(range.end, start + chunkSize) }
          slot.busy = true
          slot.worker.postMessage(message)
        }
      }
      const drain = async (): Promise<void> => {
        if (writing) return
        writing = true
        try {
          for (let chunk = finished.get(nextToWrite); chunk !== undefined && !settled; chunk = finished.get(nextToWrite)) {
            finished.delete(nextToWrite)
            const start = range.start + nextToWrite * chunkSize
            await sink(start, Math.min(range.end, start + chunkSize), chunk.rows, this.width, chunk.text)
            nextToWrite++
            dispatch()
          }
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)))
          return
        } finally {
          writing = false
        }
        if (!settled && nextToWrite >= chunkCount) {
          settled = true
          this.onMessage = undefined
          this.failure = undefined
          resolve()
        }
      }
      this.failure = fail
      this.onMessage = (slot, message) => {
        if (message.type === "error") return fail(new WorkerFailedError({ message: message.message }))
        if (message.type !== "done") return
        slot.busy = false
        finished.set(message.id, { rows: message.rows, text: message.text })
        dispatch()
        void drain()
      }
      signal?.addEventListener("abort", () => fail(new Error("interrupted")), { once: true })
      if (chunkCount === 0) {
        settled = true
        resolve()
        return
      }
      dispatch()
    })
  }

  /** Stops every worker (safe to call twice). */
  async close(): Promise<void> {
    this.onMessage = undefined
    this.failure = undefined
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }
}
