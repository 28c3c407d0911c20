// summary.json: the statistics of every outcome column, computed from outcomes.csv as written (parsed back with
// csv-parse), so a merge of shards, which only has the CSVs, reproduces an unsharded run's summary exactly.
// One parse spills each column to its own binary file; then one column at a time is loaded, so memory is one
// column (8 bytes a path) however many columns and paths there are.
import { closeSync, createReadStream, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs"
import { join } from "node:path"
import { parse } from "csv-parse"
import { columnStats, type ColumnStats } from "./ColumnStats.ts"
import { epochDayToIso, parseCell } from "./OutcomeCell.ts"
import type { OutcomeColumn } from "./PathRunner.ts"

/** What makes two batches the same batch (and shards of one batch mergeable). */
export interface BatchIdentity {
  readonly hashsimVersion: string
  /** Lowercase hex SHA-256 of the scenario file's bytes. */
  readonly scenarioSha256: string
  readonly engine: string
  readonly masterSeed: number
  readonly paths: number
}

export const summaryFormat = "hashsim-mc-summary/1"

export interface Summary extends BatchIdentity {
  readonly columns: ReadonlyArray<OutcomeColumn>
  readonly stats: ReadonlyArray<ColumnStats>
}

const spillRows = 8192

/** Statistics of every column of an outcomes.csv whose header is `path,seed,<columns>`. */
export const summarizeOutcomes = async (csvPath: string, columns: ReadonlyArray<OutcomeColumn>, scratchParent: string): Promise<Array<ColumnStats>> => {
  const scratch = mkdtempSync(join(scratchParent, ".summary-"))
  const fds: Array<number> = []
  try {
    const buffers = columns.map(() => new Float64Array(spillRows))
    for (let j = 0; j < columns.length; j++) fds.push(openSync(join(scratch, `${j}.f64`), "w+"))
    const flush = (filled: number): void => {
      for (let j = 0; j < columns.length; j++) {
        const buffer = buffers[j] as Float64Array
        writeSync(fds[j] as number, new Uint8Array(buffer.buffer, 0, filled * 8))
      }
    }
    const kinds = columns.map((column) => column.kind)
    const expectedHeader = ["path", "seed", ...columns.map((column) => column.name)]
    let filled = 0
    let line = 0
    const parser = createReadStream(csvPath).pipe(parse({ relax_column_count: false }))
    for await (const record of parser as AsyncIterable<Array<string>>) {
      line++
      if (line === 1) {
        if (record.join(",") !== expectedHeader.join(",")) throw new Error(`${csvPath}:1: header does not list the batch's columns`)
        continue
      }
      for (let j = 0; j < kinds.length; j++) {
        const cell = record[j + 2] ?? ""
        let value: number
        try {
          value = parseCell(cell, kinds[j] ?? "number")
        } catch (error) {
          throw new Error(`${csvPath}:${line}: ${columns[j]?.name}: ${(error as Error).message}`)
        }
        ;(buffers[j] as Float64Array)[filled] = value
      }
      if (++filled === spillRows) {
        flush(filled)
        filled = 0
      }
    }
    flush(filled)
    const stats: Array<ColumnStats> = []
    for (let j = 0; j < columns.length; j++) {
      const fd = fds[j] as number
      const all = new Float64Array(fstatSync(fd).size / 8)
      const bytes = new Uint8Array(all.buffer)
      for (let read = 0; read < bytes.length;) read += readSync(fd, bytes, read, bytes.length - read, read)
      let present = 0
      for (let i = 0; i < all.length; i++) {
        const x = all[i] as number
        if (!Number.isNaN(x)) all[present++] = x
      }
      stats.push(columnStats(all.subarray(0, present), all.length - present))
    }
    return stats
  } finally {
    for (const fd of fds) closeSync(fd)
    rmSync(scratch, { recursive: true, force: true })
  }
}

const dateOrNull = (x: number | null): string | null => (x === null ? null : epochDayToIso(x))

/** The bytes of summary.json: fixed key order, two-space indent, a final newline. */
export const renderSummaryJson = (summary: Summary): string => {
  const columns: Record<string, unknown> = {}
  summary.columns.forEach((column, j) => {
    const s = summary.stats[j] as ColumnStats
    const location = column.kind === "date" ? dateOrNull : (x: number | null) => x
    const entry: Record<string, unknown> = {}
    if (column.kind === "date") entry["kind"] = "date"
    entry["count"] = s.count
    entry["missing"] = s.missing
    entry["mean"] = location(s.mean)
    entry[column.kind === "date" ? "sdDays" : "sd"] = s.sd
    entry["min"] = location(s.min)
    for (const [key, value] of s.quantiles) entry[key] = location(value)
    entry["max"] = location(s.max)
    columns[column.name] = entry
  })
  return `${JSON.stringify({
    format: summaryFormat,
    hashsimVersion: summary.hashsimVersion,
    scenarioSha256: summary.scenarioSha256,
    engine: summary.engine,
    masterSeed: summary.masterSeed,
    paths: summary.paths,
    quantiles: "type 7 (linear interpolation between order statistics)",
    columns
  }, null, 2)}\n`
}
