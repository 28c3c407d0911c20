// The text of outcomes.csv: its header and the CSV text of a block of rows (produced by csv-stringify, cells
// formatted by OutcomeCell), LF line ends, so the bytes depend only on the values. Workers format their own rows
// with it; it imports nothing heavier than csv-stringify, so a worker thread stays small.
import { stringify } from "csv-stringify/sync"
import { formatCell } from "./OutcomeCell.ts"
import type { OutcomeColumn } from "./PathRunner.ts"

/** The header cells of outcomes.csv for these columns. */
export const outcomesHeader = (columns: ReadonlyArray<OutcomeColumn>): Array<string> => ["path", "seed", ...columns.map((column) => column.name)]

/** The header line of outcomes.csv (LF-ended). */
export const outcomesHeaderText = (columns: ReadonlyArray<OutcomeColumn>): string =>
  stringify([outcomesHeader(columns)], { record_delimiter: "unix", eof: true })

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
