// Replaying a log file: validate it as a stream and fold the monthly report over the events it accepts, in one
// pass and constant memory (the report's month and day tables aside).
import { finishReport, initialReportState, type MonthlyReport, stepReport } from "./MonthlyReport.ts"
import { type LogProblem, type LogSummary, validateLogFile } from "./LogValidator.ts"

export interface ReplayResult {
  readonly report: MonthlyReport
  readonly summary: LogSummary
  readonly problems: ReadonlyArray<LogProblem>
}

/** Validates `path` and builds its report; `problems` is empty when the log is valid (only then trust `report`). */
export const replayLogFile = async (path: string, options: { readonly maxProblems?: number } = {}): Promise<ReplayResult> => {
  const acc = initialReportState()
  const problems: Array<LogProblem> = []
  const max = options.maxProblems ?? 1000
  const summary = await validateLogFile(path, {
    onProblem: (p) => {
      if (problems.length < max) problems.push(p)
    },
    onEntry: (entry) => {
      stepReport(acc, entry)
    }
  })
  return { report: finishReport(acc), summary, problems }
}
