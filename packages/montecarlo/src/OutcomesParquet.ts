// outcomes.parquet: the outcome table as Parquet (hyparquet-writer), for pandas, DuckDB and Arrow. The same rows
// and values as outcomes.csv: `path` and `seed` as INT64, number columns as DOUBLE, date columns as DATE (INT32 days),
// a missing value as null. The workers hand over their chunks as typed columns of the values outcomes.csv's cells
// would read back as (ChunkValues.columnBlock, OutcomeCell.cellValue), so the two formats hold the same values and
// this thread copies them without parsing any text. Written as it streams in, in row groups of a fixed size, so
// the bytes depend only on the values (never on chunking or workers), and sealed like the CSV (size and SHA-256).
import { parquetRead } from "hyparquet"
import { ByteWriter, ParquetWriter } from "hyparquet-writer"
import type { SchemaElement } from "hyparquet"
import type { FileSeal } from "./BatchManifest.ts"
import type { OutcomeColumn } from "./PathRunner.ts"
import { SealedFileWriter } from "./SealedFile.ts"

export const outcomesParquetFileName = "outcomes.parquet"

/** Rows per row group: fixed, so the file's bytes do not depend on how the batch was chunked. */
export const parquetRowGroupRows = 65_536

const msPerDay = 86_400_000

/** The Parquet schema of an outcome table with these columns. */
export const outcomesParquetSchema = (columns: ReadonlyArray<OutcomeColumn>): Array<SchemaElement> => [
  { name: "root", num_children: columns.length + 2 },
  { name: "path", type: "INT64", repetition_type: "REQUIRED" },
  { name: "seed", type: "INT64", repetition_type: "REQUIRED" },
  ...columns.map((c): SchemaElement =>
    c.kind === "date"
      ? { name: c.name, type: "INT32", converted_type: "DATE", repetition_type: "OPTIONAL" }
      : { name: c.name, type: "DOUBLE", repetition_type: "OPTIONAL" })
]

/** Streams an outcome table into a sealed Parquet file. */
export class OutcomesParquetWriter {
  private readonly file: SealedFileWriter
  private readonly bytes = new ByteWriter(1 << 20)
  private readonly parquet: ParquetWriter
  private readonly buffered: Array<Float64Array>
  private filled = 0

  constructor(path: string, private readonly columns: ReadonlyArray<OutcomeColumn>) {
    this.file = new SealedFileWriter(path)
    this.parquet = new ParquetWriter({ writer: this.bytes, schema: outcomesParquetSchema(columns), createdBy: "hashsim" })
    this.buffered = Array.from({ length: columns.length + 2 }, () => new Float64Array(parquetRowGroupRows))
  }

  /** Writes one row: its path, seed and column values (NaN = missing, dates in days since 1970), in path order. */
  async writeRow(path: number, seed: number, values: ArrayLike<number>): Promise<void> {
    if (values.length !== this.columns.length) throw new Error(`outcomes row: ${values.length} values, expected ${this.columns.length}`)
    ;(this.buffered[0] as Float64Array)[this.filled] = path
    ;(this.buffered[1] as Float64Array)[this.filled] = seed
    for (let j = 0; j < values.length; j++) (this.buffered[j + 2] as Float64Array)[this.filled] = values[j] as number
    if (++this.filled === parquetRowGroupRows) await this.flushRowGroup()
  }

  /**
   * Writes a chunk of rows given as typed columns (ChunkValues.columnBlock: column-major, path, seed, then the
   * columns, `rows` values each), in path order: copied into the row group, never parsed.
   */
  async writeColumns(block: Float64Array, rows: number): Promise<void> {
    const width = this.columns.length + 2
    if (block.length !== rows * width) throw new Error(`outcomes chunk: ${block.length} values, expected ${rows} rows of ${width}`)
    let done = 0
    while (done < rows) {
      const take = Math.min(rows - done, parquetRowGroupRows - this.filled)
      for (let k = 0; k < width; k++) {
        const from = k * rows + done
        ;(this.buffered[k] as Float64Array).set(block.subarray(from, from + take), this.filled)
      }
      this.filled += take
      done += take
      if (this.filled === parquetRowGroupRows) await this.flushRowGroup()
    }
  }

  private async flushRowGroup(): Promise<void> {
    if (this.filled === 0) return
    const n = this.filled
    const int64 = (k: number) => BigInt64Array.from(this.buffered[k]!.subarray(0, n), (x) => BigInt(x))
    // A column without a missing value goes as its typed array (no array of boxed numbers to build); one with nulls
    // as an array. The library encodes both alike: the bytes are the same.
    const nullable = (k: number) => {
      const values = this.buffered[k]!.subarray(0, n)
      return values.some(Number.isNaN) ? Array.from(values, (x) => (Number.isNaN(x) ? null : x)) : values.slice()
    }
    const columnData = [
      { name: "path", data: int64(0) },
      { name: "seed", data: int64(1) },
      // Doubles split by byte (BYTE_STREAM_SPLIT) compress about a quarter better than plain ones: sats and cents
      // share their high bytes from path to path. Dates (small integers) keep the default encoding.
      ...this.columns.map((c, j) => (c.kind === "number"
        ? { name: c.name, data: nullable(j + 2), encoding: "BYTE_STREAM_SPLIT" as const }
        : { name: c.name, data: nullable(j + 2) }))
    ]
    this.parquet.write({ columnData, rowGroupSize: n })
    this.filled = 0
    await this.drain()
  }

  private async drain(): Promise<void> {
    const chunk = this.bytes.getBytes()
    if (chunk.length === 0) return
    const copy = Buffer.from(chunk)
    this.bytes.index = 0
    await this.file.writeBytes(copy)
  }

  /** Writes the last row group and the footer, fsyncs the file and returns its size and digest. */
  async close(): Promise<FileSeal> {
    await this.flushRowGroup()
    this.parquet.finish()
    await this.drain()
    return await this.file.close()
  }

  destroy(): void {
    this.file.destroy()
  }
}

/** One row of a Parquet outcome table read back: path, seed and the column values (NaN = missing, dates in days). */
export type ParquetOutcomeRow = Float64Array

/**
 * Reads an outcome table written by OutcomesParquetWriter; returns its rows (path, seed, columns) as numbers, or
 * throws an Error whose message says what does not match the columns.
 */
export const readOutcomesParquet = async (bytes: Uint8Array, columns: ReadonlyArray<OutcomeColumn>): Promise<Array<ParquetOutcomeRow>> => {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  const names = ["path", "seed", ...columns.map((c) => c.name)]
  let rows: Array<Array<unknown>> = []
  await parquetRead({ file: buffer, columns: names, onComplete: (r) => { rows = r } })
  return rows.map((row, i) => {
    if (row.length !== names.length) throw new Error(`row ${i}: ${row.length} columns, expected ${names.length}`)
    const out = new Float64Array(names.length)
    row.forEach((cell, j) => {
      out[j] = cell === null || cell === undefined ? Number.NaN
        : typeof cell === "bigint" ? Number(cell)
        : cell instanceof Date ? cell.getTime() / msPerDay
        : typeof cell === "number" ? cell
        : Number.NaN
      if (typeof cell !== "number" && typeof cell !== "bigint" && !(cell instanceof Date) && cell !== null && cell !== undefined) {
        throw new Error(`row ${i}: ${names[j]}: not a number (${typeof cell})`)
      }
    })
    return out
  })
}
