// A pool of worker threads that does a batch's work: runs a range of paths in chunks (each worker writes its
// chunk's rows and values to files itself, PathWorker.ts) and hands the finished chunks back strictly in path
// order, whatever order they finish in (out-of-order chunks wait as a few small records; dispatch never runs more
// than a few chunks ahead of the writer, so memory and scratch files stay bounded for any batch size); then
// computes the summary's column statistics, a column at a time on whichever worker is free.
import { Worker } from "node:worker_threads"
import { Data } from "effect"
import type { ColumnStats } from "./ColumnStats.ts"
import type { ValuesLayout } from "./ChunkValues.ts"
import type { PathRange } from "./Shard.ts"
import type { RunnerSpec } from "./PathRunner.ts"
import type { ChunkFormat, FromWorker, ToWorker, WorkerInit } from "./PathWorker.ts"

/** A worker could not build its runner, threw while running paths, or died. */
export class WorkerFailedError extends Data.TaggedError("WorkerFailedError")<{ readonly message: string }> {}

const bootUrl = new URL("./WorkerBoot.mjs", import.meta.url)
const entryUrl = new URL("./PathWorker.ts", import.meta.url).href

interface Slot {
  readonly worker: Worker
  readonly index: number
  busy: boolean
  /** The worker thread's CPU seconds at its last reply. */
  cpuS: number | undefined
  sentLayout: boolean
}

/** A chunk of paths [start, end) a worker finished: its rows are in `chunkFile`, its values at `valuesAt` (-1: none) of worker `worker`'s values file. */
export interface ChunkDone {
  readonly id: number
  readonly start: number
  readonly end: number
  readonly chunkFile: string
  readonly worker: number
  readonly valuesAt: number
}

export interface ChunkSink {
  /** Receives the chunks in path order; the pool waits for it before handing on the next. */
  (chunk: ChunkDone): void | Promise<void>
}

export interface WorkerPoolOptions {
  readonly runner: RunnerSpec
  readonly masterSeed: number
  readonly size: number
  /** Where the workers write chunk files and values files (the caller removes it). */
  readonly scratchDir: string
  /** Spill every chunk's values for `stats` (a whole batch). */
  readonly spillValues: boolean
  /** Chunk files as CSV text or as typed columns (PathWorker.ts). */
  readonly chunkFormat: ChunkFormat
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)))

export class WorkerPool {
  private failure: ((error: Error) => void) | undefined
  private onMessage: ((slot: Slot, message: FromWorker) => void) | undefined

  private constructor(private readonly slots: ReadonlyArray<Slot>, readonly columns: number) {}

  /** Starts `size` workers that each build the runner; resolves once all of them are ready. */
  static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
    const workers: Array<Worker> = []
    try {
      for (let i = 0; i < options.size; i++) {
        const init: WorkerInit = {
          entryUrl, runner: options.runner, masterSeed: options.masterSeed, scratchDir: options.scratchDir, workerIndex: i, spillValues: options.spillValues,
          chunkFormat: options.chunkFormat
        }
        workers.push(new Worker(bootUrl, { workerData: init, execArgv: [] }))
      }
      const ready = await Promise.all(workers.map((worker) => new Promise<{ columns: number; cpuS: number | undefined }>((resolve, reject) => {
        const onMessage = (message: FromWorker): void => {
          cleanup()
          if (message.type === "ready") resolve(message)
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
      const slots = workers.map((worker, index): Slot => ({ worker, index, busy: false, cpuS: ready[index]?.cpuS, sentLayout: false }))
      const pool = new WorkerPool(slots, ready[0]?.columns ?? 0)
      for (const slot of pool.slots) {
        slot.worker.on("message", (message: FromWorker) => {
          if (message.type === "done" || message.type === "stats") slot.cpuS = message.cpuS
          pool.onMessage?.(slot, message)
        })
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

  /** Each worker thread's CPU seconds at its last reply (undefined where the system does not say). */
  workerCpuSeconds(): Array<number | undefined> {
    return this.slots.map((slot) => slot.cpuS)
  }

  /** Runs one phase: `step` dispatches work, the handler takes replies; settles once through `finish` or a failure. */
  private phase<A>(
    signal: AbortSignal | undefined,
    body: (ctl: { readonly settled: () => boolean; readonly fail: (error: Error) => void; readonly finish: (value: A) => void }) => {
      readonly start: () => void
      readonly reply: (slot: Slot, message: FromWorker) => void
    }
  ): Promise<A> {
    return new Promise<A>((resolve, reject) => {
      let settled = false
      const end = (): void => {
        settled = true
        this.onMessage = undefined
        this.failure = undefined
      }
      const fail = (error: Error): void => {
        if (settled) return
        end()
        reject(error)
      }
      const finish = (value: A): void => {
        if (settled) return
        end()
        resolve(value)
      }
      const handlers = body({ settled: () => settled, fail, finish })
      this.failure = fail
      this.onMessage = (slot, message) => {
        if (message.type === "error") return fail(new WorkerFailedError({ message: message.message }))
        handlers.reply(slot, message)
      }
      signal?.addEventListener("abort", () => fail(new Error("interrupted")), { once: true })
      handlers.start()
    })
  }

  /**
   * Runs paths [range.start, range.end) in chunks of `chunkSize` and feeds the finished chunks to `sink` in path
   * order. Rejects on the first worker failure; stops dispatching when `signal` aborts.
   */
  run(range: PathRange, chunkSize: number, sink: ChunkSink, signal?: AbortSignal): Promise<void> {
    const chunkCount = Math.ceil((range.end - range.start) / chunkSize)
    const maxAhead = this.slots.length * 4
    return this.phase<void>(signal, ({ settled, fail, finish }) => {
      let nextToDispatch = 0
      let nextToWrite = 0
      let writing = false
      const finished = new Map<number, ChunkDone>()
      const dispatch = (): void => {
        for (const slot of this.slots) {
          if (settled() || signal?.aborted) return
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
          for (let chunk = finished.get(nextToWrite); chunk !== undefined && !settled(); chunk = finished.get(nextToWrite)) {
            finished.delete(nextToWrite)
            await sink(chunk)
            nextToWrite++
            dispatch()
          }
        } catch (error) {
          fail(asError(error))
          return
        } finally {
          writing = false
        }
        if (nextToWrite >= chunkCount) finish()
      }
      return {
        start: () => (chunkCount === 0 ? finish() : dispatch()),
        reply: (slot, message) => {
          if (message.type !== "done") return
          slot.busy = false
          const start = range.start + message.id * chunkSize
          finished.set(message.id, {
            id: message.id, start, end: Math.min(range.end, start + chunkSize), chunkFile: message.chunkFile, worker: slot.index, valuesAt: message.valuesAt
          })
          dispatch()
          void drain()
        }
      }
    })
  }

  /** The statistics of columns 0..columns-1 from the values the workers spilled (`layout`: where each chunk's are, in path order). */
  stats(layout: ValuesLayout, columns: number, signal?: AbortSignal): Promise<Array<ColumnStats>> {
    return this.phase<Array<ColumnStats>>(signal, ({ settled, finish }) => {
      const stats: Array<ColumnStats | undefined> = new Array(columns)
      let next = 0
      let done = 0
      const dispatch = (): void => {
        for (const slot of this.slots) {
          if (settled() || signal?.aborted) return
          if (slot.busy || next >= columns) continue
          const message: ToWorker = slot.sentLayout ? { type: "stats", column: next++ } : { type: "stats", column: next++, layout }
          slot.sentLayout = true
          slot.busy = true
          slot.worker.postMessage(message)
        }
      }
      return {
        start: () => (columns === 0 ? finish([]) : dispatch()),
        reply: (slot, message) => {
          if (message.type !== "stats") return
          slot.busy = false
          stats[message.column] = message.stats
          if (++done === columns) finish(stats as Array<ColumnStats>)
          else dispatch()
        }
      }
    })
  }

  /** Lets every worker close its files, then stops it (safe to call twice). */
  async close(): Promise<void> {
    this.onMessage = undefined
    this.failure = undefined
    await Promise.all(this.slots.map(async (slot) => {
      const closed = new Promise<void>((resolve) => {
        const onMessage = (message: FromWorker): void => {
          if (message.type === "closed") resolve()
        }
        slot.worker.on("message", onMessage)
        slot.worker.once("exit", () => resolve())
        try {
          slot.worker.postMessage({ type: "close" } satisfies ToWorker)
        } catch {
          resolve()
        }
      })
      // A worker in the middle of a chunk answers after it; one that hangs is stopped anyway.
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000).unref())])
      await slot.worker.terminate()
    }))
  }
}
