import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { checkShardSet, mergeShards, type BatchManifest } from "../src/index.ts"
import { failureOf, fakeBatch, scratchDir } from "./support.ts"

const manifest = (index: number, count: number, paths: number, over: Partial<BatchManifest> = {}): { dir: string; manifest: BatchManifest } => ({
  dir: `shard-${index}`,
  manifest: {
    hashsimVersion: "0.1.0", scenarioSha256: "ab".repeat(32), engine: "aggregate", masterSeed: 7, paths,
    shard: { index, count }, pathStart: Math.floor(((index - 1) * paths) / count), pathEnd: Math.floor((index * paths) / count),
    columns: [{ name: "minedSats", kind: "number" }], files: {}, ...over
  }
})

describe("checking a set of shards", () => {
  it("accepts every shard of one batch in any order, and returns them in path order", () => {
    const set = [manifest(3, 3, 10), manifest(1, 3, 10), manifest(2, 3, 10)]
    expect(checkShardSet(set).map((s) => s.dir)).toEqual(["shard-1", "shard-2", "shard-3"])
  })

  it.each([
    ["scenarioSha256", { scenarioSha256: "cd".repeat(32) }],
    ["masterSeed", { masterSeed: 8 }],
    ["paths", { paths: 11 }],
    ["engine", { engine: "block" }],
    ["hashsimVersion", { hashsimVersion: "0.2.0" }]
  ] as const)("refuses a shard whose %s differs", (field, over) => {
    expect(() => checkShardSet([manifest(1, 2, 10), { ...manifest(2, 2, 10, over), dir: "odd" }])).toThrow(
      new RegExp(`odd is a shard of another batch: its ${field} is`)
    )
  })

  it("refuses gaps, overlaps and a missing last shard", () => {
    expect(() => checkShardSet([manifest(1, 3, 10), manifest(3, 3, 10)])).toThrow("paths 3..5 are in no shard given")
    expect(() => checkShardSet([manifest(2, 3, 10), manifest(3, 3, 10)])).toThrow(/paths 0..2 are in no shard given .*at the start/)
    expect(() => checkShardSet([manifest(1, 3, 10), manifest(2, 3, 10)])).toThrow(/paths 6..9 are in no shard given .*at the end/)
    expect(() => checkShardSet([manifest(1, 2, 10), manifest(1, 2, 10), manifest(2, 2, 10)])).toThrow(/overlaps/)
    expect(() => checkShardSet([manifest(1, 2, 10), manifest(2, 3, 10), manifest(2, 2, 10)])).toThrow(/overlaps/)
  })

  it("refuses different column lists", () => {
    expect(() => checkShardSet([manifest(1, 2, 10), manifest(2, 2, 10, { columns: [{ name: "x", kind: "number" }] })])).toThrow(/different outcome columns/)
  })
})

describe("merging shard folders", () => {
  it("refuses a truncated shard, naming the file and line, and writes nothing", async () => {
    const root = scratchDir()
    const dirs = [join(root, "a"), join(root, "b")]
    for (const [i, outDir] of dirs.entries()) await fakeBatch({ outDir, shard: { index: i + 1, count: 2 } }, 20)
    const csv = join(root, "b", "outcomes.csv")
    const lines = readFileSync(csv, "utf8").split("\n")
    writeFileSync(csv, `${lines.slice(0, -3).join("\n")}\n`)
    const exit = await Effect.runPromiseExit(mergeShards(dirs, join(root, "m")))
    expect(failureOf(exit)).toMatchObject({ _tag: "ShardSetInvalidError", message: expect.stringMatching(/b\/outcomes\.csv: [0-9]+ bytes, but manifest\.json records [0-9]+ \(truncated or edited\)/) })
    expect(() => readFileSync(join(root, "m", "outcomes.csv"))).toThrow()
  })

  it("refuses a folder without a manifest", async () => {
    const root = scratchDir()
    const exit = await Effect.runPromiseExit(mergeShards([root], join(root, "m")))
    expect(failureOf(exit)).toMatchObject({ _tag: "ShardSetInvalidError", message: expect.stringMatching(/not a Monte Carlo output folder \(no manifest\.json; run `hashsim mc --shard k\/N/) })
  })
})
