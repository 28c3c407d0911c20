// What `hashsim report` was given, turned into a view model: a complete log becomes a single-run report, a Monte
// Carlo output folder (with the scenario it ran) a batch report. Input problems throw ReportInputError, misuse
// of the flags ReportUsageError, each with a message ready to print.
import { statSync } from "node:fs"
import { batchModel } from "./BatchModel.ts"
import { compareFolderFormat, compareModel, decisionFolderFormat, sweepFolderFormat, sweepModel } from "./DecisionModels.ts"
import { readCompleteLog, ReportInputError } from "./CompleteLog.ts"
import type { ReportModel } from "./ReportModel.ts"
import { singleRunModel } from "./SingleRunModel.ts"

/** The flags do not fit the input (exit 2). */
export class ReportUsageError extends Error {
  readonly _tag = "ReportUsageError"
}

const isFolder = (path: string): boolean | undefined => {
  try {
    return statSync(path).isDirectory()
  } catch {
    return undefined
  }
}

export const reportModelOf = async (input: string, scenario: string | undefined, hashsimVersion: string): Promise<ReportModel> => {
  const folder = isFolder(input)
  if (folder === undefined) throw new ReportInputError(`${input}: no such file or folder`)
  if (folder) {
    // A compare or sweep folder carries its scenarios' digests and its own tables: no --scenario.
    const format = decisionFolderFormat(input)
    if (format === compareFolderFormat || format === sweepFolderFormat) {
      if (scenario !== undefined) throw new ReportUsageError(`--scenario is for a Monte Carlo output folder; ${input} is a ${format === compareFolderFormat ? "compare" : "sweep"} folder`)
      return format === compareFolderFormat ? await compareModel(input) : sweepModel(input)
    }
    if (scenario === undefined) {
      throw new ReportUsageError(`${input} is a Monte Carlo output folder: pass --scenario <the scenario file the batch ran> so the report can state its assumptions`)
    }
    return await batchModel(input, { input, scenarioFile: scenario })
  }
  if (scenario !== undefined) throw new ReportUsageError("--scenario is for a Monte Carlo output folder; a complete log carries its scenario")
  return singleRunModel(await readCompleteLog(input), { input, hashsimVersion })
}
