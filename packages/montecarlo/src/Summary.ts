// summary.json: the statistics of every outcome column, computed from the values outcomes.csv holds, so a merge
// of shards, which only has the CSVs, reproduces an unsharded run's summary exactly. `mc` spills each value as its
// written cell reads back (OutcomeCell.cellValue); `merge` parses the joined CSV back with csv-parse. Either way
// each column goes to its own binary file, then one column at a time is loaded: memory is one column (8 bytes a
// path) however many columns and paths there are.
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

/**
 * Collects a table's values column by column on disk (one binary file of doubles per column, in a scratch folder
 * inside `parent`), then yields each column's statistics loading one column at a time.
 */
export class ColumnSpill {
  private readonly scratch: string
  private readonly fds: Array<number> = []
  private readonly buffers: Array<Float64Array>
  private filled = 0
  private closed = false

  constructor(parent: string, private readonly columnCount: number) {
    this.scratch = mkdtempSync(join(parent, ".summary-"))
    this.buffers = Array.from({ length: columnCount }, () => new Float64Array(spillRows))
    try {
      for (let j = 0; j < columnCount; j++) this.fds.push(openSync(join(this.scratch, `${j}.f64`), "w+"))
    } catch (error) {
      this.dispose()
      throw error
    }
  }

  /** Sets column `j` of the current row. */
  set(j: number, value: number): void {
    ;(this.buffers[j] as Float64Array)[this.filled] = value
  }

  /** Ends the current row. */
  endRow(): void {
    if (++this.filled === spillRows) this.flush()
  }

  private flush(): void {
    for (let j = 0; j < this.columnCount; j++) {
      writeSync(this.fds[j] as number, new Uint8Array((this.buffers[j] as Float64Array).buffer, 0, this.filled * 8))
    }
    this.filled = 0
  }

  /** Statistics of every column (NaN = missing), one column in memory at a time. */
  stats(): Array<ColumnStats> {
    this.flush()
    const stats: Array<ColumnStats> = []
    for (let j = 0; j < this.columnCount; j++) {
      const fd = this.fds[j] as number
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
  }

  /** Closes and removes the scratch files (safe to call twice). */
  dispose(): void {
    if (this.closed) return
    this.closed = true
    for (const fd of this.fds) closeSync(fd)
    rmSync(this.scratch, { recursive: true, force: true })
  }
}

/** Statistics of every column of an outcomes.csv whose header is `path,seed,<columns>`, parsed back with csv-parse. */
export const summarizeOutcomes = async (csvPath: string, columns: ReadonlyArray<OutcomeColumn>, scratchParent: string): Promise<Array<ColumnStats>> => {
  const spill = new ColumnSpill(scratchParent, columns.length)
  try {
    const kinds = columns.map((column) => column.kind)
    const expectedHeader = ["path", "seed", ...columns.map((column) => column.name)].join(",")
    let line = 0
    const parser = createReadStream(csvPath).pipe(parse({ relax_column_count: false }))
    for await (const record of parser as AsyncIterable<Array<string>>) {
      line++
      if (line === 1) {
        if (record.join(",") !== expectedHeader) throw new Error(`${csvPath}:1: header does not list the batch's columns`)
        continue
      }
      for (let j = 0; j < kinds.length; j++) {
        const cell = record[j + 2] ?? ""
        try {
          spill.set(j, parseCell(cell, kinds[j] ?? "number"))
        } catch (error) {
          throw new Error(`${csvPath}:${line}: ${columns[j]?.name}: ${(error as Error).message}`)
        }
      }
      spill.endRow()
    }
    return spill.stats()
  } finally {
    spill.dispose()
  }
}

const dateOrNull = (x: number | null): string | null => (x === null ? null : epochDayToIso(x))

/** The columns whose missing values mean "not within the horizon" (payback), summarised as right-censored. */
const censoredColumns: ReadonlySet<string> = new Set(["paybackDate", "paybackDays"])
export const BEYOND_HORIZON = "beyond the horizon"

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
    if (censoredColumns.has(column.name)) {
      // Over every path: a path without payback counts as paying back beyond the horizon (right-censored).
      const censored: Record<string, unknown> = {}
      for (const [key, value] of s.censoredQuantiles) censored[key] = value === null ? BEYOND_HORIZON : location(value)
      entry["allPathsCensored"] = censored
    }
    columns[column.name] = entry
  })
  const payback = summary.columns.findIndex((c) => c.name === "paybackDays")
  const ps = payback < 0 ? undefined : summary.stats[payback]
  return `${JSON.stringify({
    format: summaryFormat,
    hashsimVersion: summary.hashsimVersion,
    scenarioSha256: summary.scenarioSha256,
    engine: summary.engine,
    masterSeed: summary.masterSeed,
    paths: summary.paths,
    quantiles: "type 7 (linear interpolation between order statistics)",
    ...(ps === undefined
      ? {}
      : {
          payback: {
            probabilityWithinHorizon: ps.count + ps.missing > 0 ? ps.count / (ps.count + ps.missing) : null,
            pathsPaidBack: ps.count,
            pathsNotPaidBack: ps.missing,
            censoring: `a path that does not pay back within the horizon counts as paying back beyond it (+infinity) in allPathsCensored; a quantile that falls among those paths reads "${BEYOND_HORIZON}". The plain quantiles are over the paths that paid back only.`
          }
        }),
    columns
  }, null, 2)}\n`
}
