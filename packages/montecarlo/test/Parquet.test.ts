// outcomes.parquet: the same rows as outcomes.csv (read back through the folder's one reader, each row's text is
// the CSV's line), the same summary, deterministic bytes whatever the chunking and workers, and a sealed file.
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { parquetMetadata } from "hyparquet"
import { describe, expect, it } from "vitest"
import { openBatchFolder, readOutcomeRows, verifyBatchFolder } from "../src/index.ts"
import { fakeBatch, folderBytes, scratchDir } from "./support.ts"

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
