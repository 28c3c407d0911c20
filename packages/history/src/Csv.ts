// Reads a CSV file with csv-parse: its header and its rows, each with the file line it sits on.
import { parse } from "csv-parse/sync"
import { type Origin, Problems } from "./DataProblem.ts"

export interface CsvRow {
  readonly origin: Origin
  /** Cells by column name. */
  readonly cells: Readonly<Record<string, string>>
}

export interface CsvTable {
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<CsvRow>
}

interface Parsed {
  readonly record: ReadonlyArray<string>
  readonly info: { readonly lines: number }
}

/** The table of `text`, or problems (a malformed CSV: ragged rows, bad quoting) with their lines. */
export const readCsv = (file: string, text: string, problems: Problems): CsvTable => {
  let parsed: ReadonlyArray<Parsed>
  try {
    parsed = parse(text, { info: true, skip_empty_lines: true, bom: true }) as unknown as ReadonlyArray<Parsed>
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 1
    problems.add({ file, line }, "line", `not a well-formed CSV: ${error instanceof Error ? error.message : String(error)}`)
    return { header: [], rows: [] }
  }
  const [head, ...body] = parsed
  const header = head?.record ?? []
  const rows = body.map((p) => ({
    origin: { file, line: p.info.lines },
    cells: Object.fromEntries(header.map((name, i) => [name, p.record[i] ?? ""]))
  }))
  return { header, rows }
}
