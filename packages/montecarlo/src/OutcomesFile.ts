// Writes outcomes.csv as it streams in: the header, then each chunk's rows as CSV text (produced by csv-stringify
// in the workers, cells formatted by OutcomeCell), LF line ends, so the bytes depend only on the values.
import { stringify } from "csv-stringify/sync"
import type { FileSeal } from "./BatchManifest.ts"
import { cellValue, formatCell } from "./OutcomeCell.ts"
import type { OutcomeColumn } from "./PathRunner.ts"
import { SealedFileWriter } from "./SealedFile.ts"
import type { ColumnSpill } from "./Summary.ts"

/** The header cells of outcomes.csv for these columns. */
export const outcomesHeader = (columns: ReadonlyArray<OutcomeColumn>): Array<string> => ["path", "seed", ...columns.map((column) => column.name)]

/** The CSV text of `path,seed,<columns>` rows (row-major values, `width` = 2 + columns), one LF-ended line each. */
export const outcomesText = (rows: Float64Array, width: number, columns: ReadonlyArray<OutcomeColumn>): string => {
  const records: Array<Array<string>> = []
  for (let at = 0; at < rows.length; at += width) {
    const record: Array<string> = [String(rows[at]), String(rows[at + 1])]
    for (let j = 0; j < columns.length; j++) record.push(formatCell(rows[at + 2 + j] as number, columns[j]?.kind ?? "number"))
    records.push(record)
  }
  return records.length === 0 ? "" : stringify(records, { record_delimiter: "unix", eof: true })
}

export class OutcomesWriter {
  private readonly file: SealedFileWriter
  private readonly started: Promise<void>

  /** `spill`, when given, receives every cell's value exactly as the written text parses back (OutcomeCell.cellValue). */
  constructor(path: string, private readonly columns: ReadonlyArray<OutcomeColumn>, private readonly spill?: ColumnSpill) {
    this.file = new SealedFileWriter(path)
    this.started = this.file.write(stringify([outcomesHeader(columns)], { record_delimiter: "unix", eof: true }))
    this.started.catch(() => undefined)
  }

  /** Writes a chunk: its CSV text, and its values (row-major: path, seed, columns) to the spill; waits when the file falls behind. */
  async writeChunk(text: string, rows: Float64Array, width: number): Promise<void> {
    const spill = this.spill
    if (spill !== undefined) {
      const kinds = this.columns.map((column) => column.kind)
      for (let at = 0; at < rows.length; at += width) {
        for (let j = 0; j < kinds.length; j++) spill.set(j, cellValue(rows[at + 2 + j] as number, kinds[j] ?? "number"))
        spill.endRow()
      }
    }
    await this.started
    await this.file.write(text)
  }

  /** Ends the file, waits until every byte is on disk (fsync) and returns its size and digest. */
  async close(): Promise<FileSeal> {
    await this.started
    return await this.file.close()
  }

  /** Abandons the file (on failure or interruption); the caller removes it. */
  destroy(): void {
    this.file.destroy()
  }
}
