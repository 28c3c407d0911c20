// A problem in a chain data file, printed as every hashsim problem is: `file:line: field: message`. Readers collect
// every problem they find (not only the first), so one run shows all that is wrong with a file.
import { Data } from "effect"

export interface DataProblem {
  /** The file as the user named it. */
  readonly file: string
  /** 1-based line of the file (the header is line 1 of a CSV). */
  readonly line: number
  /** The column or JSON field at fault, or "line" for the line as a whole. */
  readonly field: string
  readonly message: string
}

export const formatDataProblem = (p: DataProblem): string => `${p.file}:${p.line}: ${p.field}: ${p.message}`

/** The data cannot be imported; every problem names its file, line and field. */
export class ChainDataInvalidError extends Data.TaggedError("ChainDataInvalidError")<{
  readonly problems: ReadonlyArray<DataProblem>
  readonly message: string
}> {}

/** Where a record came from, for messages and for the `source` of the events made from it. */
export interface Origin {
  readonly file: string
  readonly line: number
}

/** Collects problems as a reader finds them. */
export class Problems {
  readonly list: Array<DataProblem> = []
  add(origin: Origin, field: string, message: string): void {
    this.list.push({ file: origin.file, line: origin.line, field, message })
  }
  get empty(): boolean {
    return this.list.length === 0
  }
}
