// A small table with one row per point of a sweep (parameter values as text, statistics as numbers), in CSV
// (csv-stringify, cells as outcomes.csv writes them: a number in its shortest round-trip form, empty when missing)
// or Parquet (hyparquet-writer: text as STRING, numbers as DOUBLE, missing as null). Deterministic bytes.
import { stringify } from "csv-stringify/sync"
import { parquetWriteBuffer } from "hyparquet-writer"
import { formatCell } from "./OutcomeCell.ts"

export interface PointTableColumn {
  readonly name: string
  readonly kind: "text" | "number"
}

export type PointTableRow = ReadonlyArray<string | number>

export const pointTableCsv = (columns: ReadonlyArray<PointTableColumn>, rows: ReadonlyArray<PointTableRow>): string =>
  stringify([columns.map((c) => c.name), ...rows.map((r) => r.map((cell, j) => (columns[j]?.kind === "number" ? formatCell(cell as number, "number") : String(cell))))], {
    record_delimiter: "unix",
    eof: true
  })

export const pointTableParquet = (columns: ReadonlyArray<PointTableColumn>, rows: ReadonlyArray<PointTableRow>): Uint8Array =>
  new Uint8Array(parquetWriteBuffer({
    createdBy: "hashsim",
    columnData: columns.map((c, j) => c.kind === "text"
      ? { name: c.name, data: rows.map((r) => String(r[j])), type: "STRING" as const, nullable: false }
      : { name: c.name, data: rows.map((r) => (Number.isNaN(r[j] as number) ? null : (r[j] as number))), type: "DOUBLE" as const })
  }))
