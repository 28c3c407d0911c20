// The values behind summary.json, spilled by the workers that computed them. Each worker appends, per chunk, the
// chunk's cells column by column (as the written cells read back, OutcomeCell.cellValue) to a file of its own;
// the main thread notes where each chunk went (a ValuesLayout, in path order). At the end each worker takes whole
// columns: it gathers a column's values in path order from every worker's file and computes its statistics, the
// same numbers over the same values in the same order as one thread would, so summary.json's bytes depend on
// neither the workers nor the chunks. Memory: one column (8 bytes a path) per worker at a time.
import { closeSync, openSync, readSync, writeSync } from "node:fs"
import { join } from "node:path"
import { columnStatsOfCells, type ColumnStats } from "./ColumnStats.ts"
import { cellValue } from "./OutcomeCell.ts"
import type { OutcomeColumnKind } from "./PathRunner.ts"

/** The values file of worker `worker` in the batch's scratch folder. */
export const valuesFile = (dir: string, worker: number): string => join(dir, `w${worker}.f64`)

/** Where each chunk's values lie, in path order: three numbers a chunk (worker, byte offset, rows). */
export type ValuesLayout = Float64Array

/**
 * A chunk's rows as typed columns, the bytes of a chunk file for outcomes.parquet: column-major doubles, path, seed,
 * then every column as its cell reads back (cellValue), `rows` values each. The main thread copies them into its row
 * groups as they are: no text is written or parsed, and the values are the ones outcomes.csv's cells would hold.
 */
export const columnBlock = (rows: Float64Array, width: number, kinds: ReadonlyArray<OutcomeColumnKind>): Float64Array => {
  const count = rows.length / width
  const block = new Float64Array(count * width)
  for (let i = 0, at = 0; i < count; i++, at += width) {
    block[i] = rows[at] as number
    block[count + i] = rows[at + 1] as number
  }
  for (let j = 0; j < kinds.length; j++) {
    const kind = kinds[j] as OutcomeColumnKind
    const base = (j + 2) * count
    for (let i = 0, at = 2 + j; i < count; i++, at += width) block[base + i] = cellValue(rows[at] as number, kind)
  }
  return block
}

/** The typed columns of a chunk file's bytes (copied when the bytes do not start on an 8-byte boundary). */
export const readColumnBlock = (bytes: Uint8Array): Float64Array => {
  if (bytes.byteLength % 8 !== 0) throw new Error(`a chunk of typed columns is ${bytes.byteLength} bytes, not a whole number of doubles`)
  if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8)
  return new Float64Array(new Uint8Array(bytes).buffer)
}

/** Appends chunks' values to one worker's file. */
export class ValuesSpillWriter {
  private readonly fd: number
  private offset = 0
  private block = new Float64Array(0)

  constructor(dir: string, worker: number, private readonly kinds: ReadonlyArray<OutcomeColumnKind>) {
    this.fd = openSync(valuesFile(dir, worker), "wx")
  }

  /** Appends the values of `rows` (row-major: path, seed, then one per column; `width` = 2 + columns) column by column; returns the byte offset. */
  append(rows: Float64Array, width: number): number {
    const count = rows.length / width
    const columns = this.kinds.length
    if (this.block.length < count * columns) this.block = new Float64Array(count * columns)
    const block = this.block
    for (let j = 0; j < columns; j++) {
      const kind = this.kinds[j] as OutcomeColumnKind
      const base = j * count
      for (let i = 0, at = 2 + j; i < count; i++, at += width) block[base + i] = cellValue(rows[at] as number, kind)
    }
    const bytes = new Uint8Array(block.buffer, 0, count * columns * 8)
    const at = this.offset
    for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done, bytes.length - done, at + done)
    this.offset += bytes.length
    return at
  }

  close(): void {
    closeSync(this.fd)
  }
}

/** Reads whole columns back in path order from every worker's file. */
export class ValuesReader {
  private readonly fds = new Map<number, number>()
  readonly rows: number

  constructor(private readonly dir: string, private readonly layout: ValuesLayout) {
    let rows = 0
    for (let c = 0; c < layout.length; c += 3) rows += layout[c + 2] as number
    this.rows = rows
  }

  private fdOf(worker: number): number {
    let fd = this.fds.get(worker)
    if (fd === undefined) {
      fd = openSync(valuesFile(this.dir, worker), "r")
      this.fds.set(worker, fd)
    }
    return fd
  }

  /** Column `j` of every chunk, in path order (NaN = missing). */
  column(j: number): Float64Array {
    const values = new Float64Array(this.rows)
    const bytes = new Uint8Array(values.buffer)
    const layout = this.layout
    let at = 0
    for (let c = 0; c < layout.length; c += 3) {
      const fd = this.fdOf(layout[c] as number)
      const rows = layout[c + 2] as number
      const from = (layout[c + 1] as number) + j * rows * 8
      const length = rows * 8
      for (let done = 0; done < length;) {
        const n = readSync(fd, bytes, at + done, length - done, from + done)
        if (n === 0) throw new Error(`${valuesFile(this.dir, layout[c] as number)}: ends early`)
        done += n
      }
      at += length
    }
    return values
  }

  /** The statistics of column `j`. */
  stats(j: number): ColumnStats {
    return columnStatsOfCells(this.column(j))
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd)
    this.fds.clear()
  }
}
