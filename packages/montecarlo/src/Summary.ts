// summary.json: the statistics of every outcome column, computed from the values outcomes.csv holds, so a merge
// of shards, which only has the CSVs, reproduces an unsharded run's summary exactly. `mc` has its workers spill
// each value as its written cell reads back (OutcomeCell.cellValue) and compute whole columns (ChunkValues.ts);
// `merge` spills the values its reader rechecked (BatchFolder) with ColumnSpill below. Either way each column's
// values are in path order when its statistics are computed, and memory is one column (8 bytes a path).
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Schema } from "effect"
import { parseStrictJson } from "@hashsim/ledger"
import { firstProblem } from "./BatchManifest.ts"
import { columnStatsOfCells, type ColumnStats } from "./ColumnStats.ts"
import { epochDayToIso } from "./OutcomeCell.ts"
import type { OutcomeColumn } from "./PathRunner.ts"

/** What makes two batches the same batch (and shards of one batch mergeable). */
export interface BatchIdentity {
  readonly hashsimVersion: string
  /** Lowercase hex SHA-256 of the scenario file's bytes. */
  readonly scenarioSha256: string
  readonly engine: string
  readonly masterSeed: number
  readonly paths: number
  /** The simulator's model version (recorded in manifest.json; not part of summary.json's bytes). */
  readonly modelVersion?: number | undefined
}

export const summaryFormat = "hashsim-mc-summary/1"

export interface Summary extends BatchIdentity {
  readonly columns: ReadonlyArray<OutcomeColumn>
  readonly stats: ReadonlyArray<ColumnStats>
}

const spillRows = 8192

/**
 * Collects a table's values column by column on disk (one binary file of doubles per column, in a scratch folder
 * inside `parent`), then yields each column's statistics loading one column at a time. Files are opened only while
 * a block of rows is appended, one at a time, so a batch with any number of columns (a long horizon has two a
 * month) holds at most one file open.
 */
export class ColumnSpill {
  private readonly scratch: string
  private readonly buffers: Array<Float64Array>
  private filled = 0
  private closed = false

  constructor(parent: string, private readonly columnCount: number) {
    this.scratch = mkdtempSync(join(parent, ".summary-"))
    this.buffers = Array.from({ length: columnCount }, () => new Float64Array(spillRows))
  }

  private fileOf(j: number): string {
    return join(this.scratch, `${j}.f64`)
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
      appendFileSync(this.fileOf(j), new Uint8Array((this.buffers[j] as Float64Array).buffer, 0, this.filled * 8))
    }
    this.filled = 0
  }

  /** Statistics of every column (NaN = missing), one column in memory at a time. */
  stats(): Array<ColumnStats> {
    this.flush()
    const stats: Array<ColumnStats> = []
    for (let j = 0; j < this.columnCount; j++) {
      const bytes = readFileSync(this.fileOf(j))
      stats.push(columnStatsOfCells(new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8)))
    }
    return stats
  }

  /** Removes the scratch files (safe to call twice). */
  dispose(): void {
    if (this.closed) return
    this.closed = true
    rmSync(this.scratch, { recursive: true, force: true })
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

const StatValue = Schema.Union([Schema.Number, Schema.String, Schema.Null])

const SummaryJson = Schema.Struct({
  format: Schema.Literal(summaryFormat),
  hashsimVersion: Schema.String,
  scenarioSha256: Schema.String.check(Schema.isPattern(/^[0-9a-f]{64}$/)),
  engine: Schema.String.check(Schema.isPattern(/^[a-z][a-z0-9-]{0,31}$/)),
  masterSeed: Schema.Number.check(Schema.isInt()),
  paths: Schema.Number.check(Schema.isInt()),
  quantiles: Schema.String,
  columns: Schema.Record(Schema.String, Schema.Record(Schema.String, StatValue))
})

/** summary.json as a reader sees it: the batch identity and, by column name, its statistics. */
export type SummaryDocument = typeof SummaryJson.Type

const decodeSummaryJson = Schema.decodeUnknownResult(SummaryJson)

/** Decodes summary.json's text; returns the document or `field: message` of the first problem. */
export const decodeSummary = (text: string): { readonly summary: SummaryDocument } | { readonly problem: string } => {
  // Strict: a key given twice (JSON.parse would keep the last), deep nesting and inexact numbers are refused.
  const parsed = parseStrictJson(text)
  if (!("value" in parsed)) return { problem: `${parsed.field}: ${parsed.message}` }
  const json = parsed.value
  const result = decodeSummaryJson(json, { errors: "first", onExcessProperty: "error" })
  return result._tag === "Failure" ? { problem: firstProblem(result.failure.issue) } : { summary: result.success }
}
