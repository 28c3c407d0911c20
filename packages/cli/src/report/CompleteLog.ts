// Reads a complete log for the report through the ledger's validator (schema, numbering, hash chain, decider,
// seal) and refuses anything a report should not be drawn from, including a scenario that was never run.
// Problems read `file:line: field: message`, the CLI's contract.
import { formatProblem, type LedgerState, type LogEntry, type LogProblem, type LogSummary, validateLogFile, validateLogText } from "@hashsim/ledger"

/** The input of `hashsim report` cannot be reported on; the message is ready to print. */
export class ReportInputError extends Error {
  readonly _tag = "ReportInputError"
}

/** What `report` and `replay` say of a log that is a scenario (plan events only), never run. */
export const notCompleteMessage = (file: string, summary: Pick<LogSummary, "lines">): string =>
  `${file}:${Math.max(1, summary.lines)}: line: not a complete log (no generated events and no LogSealed): run the scenario first (\`hashsim run <scenario> --seed n --out log.jsonl\`)`

export interface CompleteLog {
  readonly file: string
  /** The accepted entries in order, LogSealed last. */
  readonly entries: ReadonlyArray<LogEntry>
  readonly finalState: LedgerState
}

/** At most this many problems are quoted; the rest are counted. */
const quotedProblems = 10

const checked = (file: string, summary: LogSummary, problems: ReadonlyArray<LogProblem>, entries: ReadonlyArray<LogEntry>): CompleteLog => {
  if (problems.length > 0) {
    const shown = problems.slice(0, quotedProblems).map((p) => formatProblem(file, p))
    if (problems.length > quotedProblems) shown.push(`${file}: ... and ${problems.length - quotedProblems} more problems`)
    throw new ReportInputError(shown.join("\n"))
  }
  if (!summary.complete || !summary.sealed) {
    throw new ReportInputError(notCompleteMessage(file, summary))
  }
  return { file, entries, finalState: summary.state }
}

/** Checks the text of a complete log; throws ReportInputError quoting its problems. */
export const parseCompleteLog = (file: string, text: string | Buffer): CompleteLog => {
  const entries: Array<LogEntry> = []
  const { summary, problems } = validateLogText(text, { onEntry: (entry) => entries.push(entry) })
  return checked(file, summary, problems, entries)
}

/** Reads and checks a complete log from disk (streamed). */
export const readCompleteLog = async (file: string): Promise<CompleteLog> => {
  const entries: Array<LogEntry> = []
  const problems: Array<LogProblem> = []
  let summary: LogSummary
  try {
    summary = await validateLogFile(file, { onProblem: (p) => problems.push(p), onEntry: (entry) => entries.push(entry) })
  } catch (error) {
    throw new ReportInputError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  return checked(file, summary, problems, entries)
}
