import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Effect, Exit, Fiber } from "effect"
import { describe, expect, it } from "vitest"
import { mergeShards, pathSeed, runBatch, type Shard } from "../src/index.ts"
import { fakeValues } from "./FakeRunner.ts"
import { failureOf, fakeBatch, fakeSpec, folderBytes, identity, scratchDir } from "./support.ts"

describe("a batch on worker threads", () => {
  it("writes byte-identical outputs with 1, 2 and 4 workers and any chunk size", async () => {
    const root = scratchDir()
    const runs = [
      { workers: 1 }, { workers: 2 }, { workers: 4 }, { workers: 4, chunkSize: 1 }, { workers: 3, chunkSize: 7 }
    ]
    for (const [i, run] of runs.entries()) await fakeBatch({ outDir: join(root, `w${i}`), ...run }, 301)
    const reference = folderBytes(join(root, "w0"))
    expect(Object.keys(reference)).toEqual(["manifest.json", "outcomes.csv", "summary.json"])
    expect(reference["outcomes.csv"]?.split("\n").length).toBe(301 + 2)
    for (let i = 1; i < runs.length; i++) expect(folderBytes(join(root, `w${i}`))).toEqual(reference)
  })

  it("writes 1, 3 or 7 shards that merge into exactly the unsharded bytes", async () => {
    const root = scratchDir()
    const paths = 100
    await fakeBatch({ outDir: join(root, "whole"), workers: 2 }, paths)
    const reference = folderBytes(join(root, "whole"))
    for (const count of [1, 3, 7]) {
      const dirs: Array<string> = []
      for (let index = 1; index <= count; index++) {
        const outDir = join(root, `s${count}-${index}`)
        dirs.push(outDir)
        await fakeBatch({ outDir, workers: 1 + (index % 3), shard: { index, count } }, paths)
        expect(readdirSync(outDir).sort()).toEqual(["manifest.json", "outcomes.csv"])
      }
      const merged = join(root, `merged-${count}`)
      await Effect.runPromise(mergeShards([...dirs].reverse(), merged))
      expect(folderBytes(merged)).toEqual(reference)
    }
  })

  it("merges shards that include empty ones (more shards than paths)", async () => {
    const root = scratchDir()
    await fakeBatch({ outDir: join(root, "whole") }, 3)
    const dirs = [1, 2, 3, 4, 5].map((index) => join(root, `s${index}`))
    for (const [i, outDir] of dirs.entries()) await fakeBatch({ outDir, shard: { index: i + 1, count: 5 } }, 3)
    await Effect.runPromise(mergeShards(dirs, join(root, "merged")))
    expect(folderBytes(join(root, "merged"))).toEqual(folderBytes(join(root, "whole")))
  })

  it("leaves no scratch files and says how much CPU this thread and each worker spent", async () => {
    const dir = join(scratchDir(), "out")
    const result = await fakeBatch({ outDir: dir, workers: 2, chunkSize: 10 }, 120)
    expect(readdirSync(dir).sort()).toEqual(["manifest.json", "outcomes.csv", "summary.json"])
    expect(readdirSync(join(dir, "..")).sort()).toEqual(["out"])
    if (process.platform === "linux") {
      expect(result.cpu?.workersS.length).toBe(2)
      expect(result.cpu?.mainS).toBeGreaterThanOrEqual(0)
      for (const s of result.cpu?.workersS ?? []) expect(s).toBeGreaterThan(0)
    }
  })

  it("gives path i the values of a single run with path i's seed", async () => {
    const dir = scratchDir()
    await fakeBatch({ outDir: dir, workers: 2 }, 50, 2)
    const rows = readFileSync(join(dir, "outcomes.csv"), "utf8").trim().split("\n").slice(1)
    rows.forEach((row, i) => {
      const cells = row.split(",")
      const seed = pathSeed(20241107, i)
      expect(cells[0]).toBe(String(i))
      expect(cells[1]).toBe(String(seed))
      const values = fakeValues(seed, 2)
      expect(Number(cells[2])).toBe(values[0])
      expect(Number(cells[3])).toBe(values[1])
      expect(cells[4] === "").toBe(Number.isNaN(values[2] as number))
    })
  })
})

describe("bad batch arguments are refused before any work", () => {
  const expectFailure = async (options: Parameters<typeof runBatch>[0], tag: string, text: RegExp) => {
    const exit = await Effect.runPromiseExit(runBatch(options))
    expect(failureOf(exit)).toMatchObject({ _tag: tag, message: expect.stringMatching(text) })
    expect(existsSync(options.outDir)).toBe(false)
  }
  const base = () => ({ runner: fakeSpec({ months: 1 }), identity: identity(10), workers: 1, outDir: join(scratchDir(), "out") })

  it("refuses zero or negative paths, a bad seed, no workers and a shard beyond the count", async () => {
    await expectFailure({ ...base(), identity: identity(0) }, "BatchOptionsInvalidError", /--paths/)
    await expectFailure({ ...base(), identity: identity(-5) }, "BatchOptionsInvalidError", /--paths/)
    await expectFailure({ ...base(), identity: identity(10, 2 ** 53) }, "BatchOptionsInvalidError", /--seed/)
    await expectFailure({ ...base(), workers: 0 }, "BatchOptionsInvalidError", /--workers/)
    await expectFailure({ ...base(), shard: { index: 3, count: 2 } satisfies Shard }, "BatchOptionsInvalidError", /--shard 3\/2/)
  })

  it("refuses an output folder that holds another batch or another shard, and re-runs the same batch in place", async () => {
    const root = scratchDir()
    const dir = join(root, "out")
    await fakeBatch({ outDir: dir }, 10)
    const before = folderBytes(dir)
    await fakeBatch({ outDir: dir }, 10)
    expect(folderBytes(dir)).toEqual(before)
    const other = await Effect.runPromiseExit(runBatch({ runner: fakeSpec({ months: 4 }), identity: identity(11), workers: 1, outDir: dir }))
    expect(failureOf(other)).toMatchObject({ _tag: "OutputFolderBusyError", message: expect.stringMatching(/already holds the outputs of another batch .*seed 20241107, 10 paths/) })
    const shard = await Effect.runPromiseExit(runBatch({ runner: fakeSpec({ months: 4 }), identity: identity(10), workers: 1, outDir: dir, shard: { index: 1, count: 2 } }))
    expect(failureOf(shard)).toMatchObject({ _tag: "OutputFolderBusyError" })
    expect(folderBytes(dir)).toEqual(before)
    const stray = join(root, "stray")
    mkdirSync(stray)
    writeFileSync(join(stray, "outcomes.csv"), "a,b\n")
    const unknown = await Effect.runPromiseExit(runBatch({ runner: fakeSpec({ months: 4 }), identity: identity(10), workers: 1, outDir: stray }))
    expect(failureOf(unknown)).toMatchObject({ _tag: "OutputFolderBusyError", message: expect.stringMatching(/outputs without a manifest\.json/) })
  })
})

describe("a batch that does not finish", () => {
  it("leaves no complete-looking file when interrupted, and stops its workers", async () => {
    const dir = join(scratchDir(), "out")
    let progressed = 0
    const fiber = Effect.runFork(runBatch({
      runner: fakeSpec({ months: 2, slowMs: 2 }), identity: identity(5000), workers: 2, chunkSize: 10, outDir: dir,
      onProgress: (done) => { progressed = done }
    }))
    while (progressed < 50) await new Promise((resolve) => setTimeout(resolve, 10))
    const exit = await Effect.runPromise(Fiber.interrupt(fiber).pipe(Effect.andThen(Fiber.await(fiber))))
    expect(Exit.isFailure(exit) && exit.cause.reasons.every((r) => r._tag === "Interrupt")).toBe(true)
    expect(existsSync(dir)).toBe(false)
  })

  it("fails with the worker's message when a path throws, and leaves no files", async () => {
    const dir = join(scratchDir(), "out")
    const exit = await Effect.runPromiseExit(runBatch({ runner: fakeSpec({ months: 1, failOnPath: 77 }), identity: identity(200), workers: 2, outDir: dir }))
    expect(failureOf(exit)).toMatchObject({ _tag: "BatchRunFailedError", message: expect.stringMatching(/path chunk .*fake failure on path 77/) })
    expect(existsSync(dir)).toBe(false)
  })
})
