// Streams outcome rows into outcomes.csv with csv-stringify: header `path,seed,<columns>`, one row per path,
// LF line ends, cells formatted by OutcomeCell so the bytes depend only on the values.
import { createWriteStream, type WriteStream } from "node:fs"
import { once } from "node:events"
import { stringify, type Stringifier } from "csv-stringify"
import { formatCell, parseCell } from "./OutcomeCell.ts"
import type { OutcomeColumn } from "./PathRunner.ts"
import type { ColumnSpill } from "./Summary.ts"

/** The header cells of outcomes.csv for these columns. */
export const outcomesHeader = (columns: ReadonlyArray<OutcomeColumn>): Array<string> => ["path", "seed", ...columns.map((column) => column.name)]

export class OutcomesWriter {
  private readonly stringifier: Stringifier
  private readonly file: WriteStream
  private readonly done: Promise<void>

  /** `spill`, when given, receives every cell's value as parsed back from the text written for it. */
  constructor(path: string, private readonly columns: ReadonlyArray<OutcomeColumn>, private readonly spill?: ColumnSpill) {
    this.stringifier = stringify({ record_delimiter: "unix", eof: true })
    this.file = createWriteStream(path)
    this.done = new Promise<void>((resolve, reject) => {
      this.file.on("finish", () => resolve())
      this.file.on("error", reject)
      this.stringifier.on("error", reject)
    })
    this.done.catch(() => undefined)
    this.stringifier.pipe(this.file)
    this.stringifier.write(outcomesHeader(columns))
  }

  /** Writes the rows of a chunk (row-major: path, seed, columns); waits when the file falls behind. */
  async writeRows(rows: Float64Array, width: number): Promise<void> {
    const kinds = this.columns.map((column) => column.kind)
    let ok = true
    for (let at = 0; at < rows.length; at += width) {
      const record: Array<string> = [String(rows[at]), String(rows[at + 1])]
      for (let j = 0; j < kinds.length; j++) {
        const kind = kinds[j] ?? "number"
        const cell = formatCell(rows[at + 2 + j] as number, kind)
        record.push(cell)
        this.spill?.set(j, parseCell(cell, kind))
      }
      this.spill?.endRow()
      ok = this.stringifier.write(record) && ok
    }
    if (!ok) await Promise.race([once(this.stringifier, "drain"), this.done])
  }

  /** Ends the file and waits until every byte is on disk. */
  async close(): Promise<void> {
    this.stringifier.end()
    await this.done
  }

  /** Abandons the file (on failure or interruption); the caller removes it. */
  destroy(): void {
    this.stringifier.destroy()
    this.file.destroy()
  }
}
