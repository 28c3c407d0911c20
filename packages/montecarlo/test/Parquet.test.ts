// outcomes.parquet: the same rows as outcomes.csv (read back through the folder's one reader, each row's text is
// the CSV's line), the same summary, deterministic bytes whatever the chunking and workers, and a sealed file.
import { createHash } from "node:crypto"
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { parquetMetadata } from "hyparquet"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { mergeShards, openBatchFolder, OutcomesParquetWriter, parseCell, readOutcomeRows, verifyBatchFolder, type OutcomesFormat } from "../src/index.ts"
import { failureOf, fakeBatch, folderBytes, scratchDir } from "./support.ts"

const rowsOf = async (dir: string): Promise<Array<string>> => {
  const lines: Array<string> = []
  await readOutcomeRows(openBatchFolder(dir, "batch"), (text) => { lines.push(text) })
  return lines
}

describe("outcomes.parquet", () => {
  it("holds the rows of outcomes.csv: round trip equal to the CSV, and the same summary", async () => {
    const dir = scratchDir()
    const csv = join(dir, "csv")
    const pq = join(dir, "pq")
    // More paths than a row group, so the file has several.
    await fakeBatch({ outDir: csv }, 70_000, 2)
    await fakeBatch({ outDir: pq, format: "parquet" }, 70_000, 2)
    const csvLines = readFileSync(join(csv, "outcomes.csv"), "utf8").trimEnd().split("\n").slice(1)
    const got = await rowsOf(pq)
    expect(got.length).toBe(csvLines.length)
    // The first row that differs, if any (a whole-array diff of 70,000 strings is too slow to print).
    const first = got.findIndex((line, i) => line !== csvLines[i])
    expect(first === -1 ? "" : `row ${first}: ${got[first]} != ${csvLines[first]}`).toBe("")
    expect(readFileSync(join(pq, "summary.json"), "utf8")).toBe(readFileSync(join(csv, "summary.json"), "utf8"))
    const meta = parquetMetadata(readFileSync(join(pq, "outcomes.parquet")).buffer as ArrayBuffer)
    expect(meta.row_groups.length).toBe(2)
    expect(Number(meta.num_rows)).toBe(70_000)
    // A missing value is null in Parquet (the fake leaves some payback dates out).
    expect(csvLines.some((l) => l.split(",")[4] === "")).toBe(true)
  }, 120_000)

  it("has the same bytes whatever the chunk size and the number of workers", async () => {
    const dir = scratchDir()
    await fakeBatch({ outDir: join(dir, "a"), format: "parquet", chunkSize: 7, workers: 1 }, 500, 3)
    await fakeBatch({ outDir: join(dir, "b"), format: "parquet", chunkSize: 64, workers: 2 }, 500, 3)
    expect(folderBytes(join(dir, "b"))).toEqual(folderBytes(join(dir, "a")))
  }, 60_000)

  it("is the file that parsing outcomes.csv row by row would give: the workers' typed columns hold the cells' values", async () => {
    const dir = scratchDir()
    await fakeBatch({ outDir: join(dir, "csv"), workers: 2, chunkSize: 13 }, 700, 3)
    await fakeBatch({ outDir: join(dir, "pq"), format: "parquet", workers: 2, chunkSize: 13 }, 700, 3)
    // The reference: every CSV line parsed cell by cell (OutcomeCell.parseCell) and written one row at a time.
    const columns = openBatchFolder(join(dir, "csv"), "batch").manifest.columns
    const reference = new OutcomesParquetWriter(join(dir, "reference.parquet"), columns)
    for (const line of readFileSync(join(dir, "csv", "outcomes.csv"), "utf8").trimEnd().split("\n").slice(1)) {
      const cells = line.split(",")
      await reference.writeRow(Number(cells[0]), Number(cells[1]), columns.map((c, j) => parseCell(cells[j + 2]!, c.kind)))
    }
    await reference.close()
    expect(digests(join(dir, "pq"))["outcomes.parquet"]).toBe(createHash("sha256").update(readFileSync(join(dir, "reference.parquet"))).digest("hex"))
  }, 60_000)

  it("is sealed: an edited byte is found by the folder's reader", async () => {
    const dir = join(scratchDir(), "pq")
    await fakeBatch({ outDir: dir, format: "parquet" }, 50, 2)
    await expect(verifyBatchFolder(dir, "batch")).resolves.toBeDefined()
    const file = join(dir, "outcomes.parquet")
    const bytes = readFileSync(file)
    bytes[100] = bytes[100]! ^ 1
    writeFileSync(file, bytes)
    await expect(verifyBatchFolder(dir, "batch")).rejects.toThrow(/outcomes.parquet: its SHA-256 is not the one manifest.json records/)
  })
})

/** Each file of a folder by its SHA-256 (Parquet is binary: compared as bytes, not as text). */
const digests = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((name) => [name, createHash("sha256").update(readFileSync(join(dir, name))).digest("hex")]))

describe("merging into outcomes.parquet", () => {
  const shards = async (root: string, format: OutcomesFormat, paths: number, count: number): Promise<Array<string>> => {
    const dirs: Array<string> = []
    for (let index = 1; index <= count; index++) {
      const outDir = join(root, `${format}-s${index}`)
      dirs.push(outDir)
      await fakeBatch({ outDir, format, workers: 1 + (index % 2), shard: { index, count } }, paths, 3)
    }
    return dirs
  }

  it("writes the shards' format by default, or the one asked, byte-identical to the unsharded batch in it", async () => {
    const root = scratchDir()
    const paths = 300
    await fakeBatch({ outDir: join(root, "whole-parquet"), format: "parquet" }, paths, 3)
    await fakeBatch({ outDir: join(root, "whole-csv") }, paths, 3)
    const pq = await shards(root, "parquet", paths, 3)
    const csv = await shards(root, "csv", paths, 3)
    // Parquet shards: a Parquet batch (the default), or a CSV one when asked.
    const a = await Effect.runPromise(mergeShards([...pq].reverse(), join(root, "m-pq")))
    expect(a.tableFile).toBe("outcomes.parquet")
    expect(Object.keys(digests(join(root, "m-pq")))).toEqual(["manifest.json", "outcomes.parquet", "summary.json"])
    expect(digests(join(root, "m-pq"))).toEqual(digests(join(root, "whole-parquet")))
    const b = await Effect.runPromise(mergeShards(pq, join(root, "m-pq-csv"), "csv"))
    expect(b.tableFile).toBe("outcomes.csv")
    expect(digests(join(root, "m-pq-csv"))).toEqual(digests(join(root, "whole-csv")))
    // CSV shards into Parquet; and shards of both formats, with a format named.
    await Effect.runPromise(mergeShards(csv, join(root, "m-csv-pq"), "parquet"))
    expect(digests(join(root, "m-csv-pq"))).toEqual(digests(join(root, "whole-parquet")))
    const mixed = [csv[0]!, pq[1]!, csv[2]!]
    await Effect.runPromise(mergeShards(mixed, join(root, "m-mixed"), "parquet"))
    expect(digests(join(root, "m-mixed"))).toEqual(digests(join(root, "whole-parquet")))
    // The merged Parquet file reads back as the CSV's rows.
    const merged: Array<string> = []
    await readOutcomeRows(openBatchFolder(join(root, "m-pq"), "batch"), (text) => { merged.push(text) })
    expect(merged).toEqual(readFileSync(join(root, "whole-csv", "outcomes.csv"), "utf8").trimEnd().split("\n").slice(1))
  }, 120_000)

  it("asks for a format when the shards are in both", async () => {
    const root = scratchDir()
    const pq = await shards(root, "parquet", 40, 2)
    const csv = await shards(root, "csv", 40, 2)
    const exit = await Effect.runPromiseExit(mergeShards([csv[0]!, pq[1]!], join(root, "m")))
    expect(failureOf(exit)).toMatchObject({ _tag: "ShardSetInvalidError", message: expect.stringContaining("pass --format csv or --format parquet") })
    expect(() => readdirSync(join(root, "m"))).toThrow()
  })
})
