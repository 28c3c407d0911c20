// `hashsim report <complete log | mc output folder> --out report.html`: one self-contained HTML page with the charts
// a board asks about. Bad input prints `file:line: field: message`, exits 1 and writes nothing.
import { statSync } from "node:fs"
import { writeFileAtomicEffect } from "@hashsim/ledger"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { batchModel } from "../report/BatchModel.ts"
import { readCompleteLog, ReportInputError } from "../report/CompleteLog.ts"
import type { ReportModel } from "../report/ReportModel.ts"
import { renderReportHtml } from "../report/ReportHtml.ts"
import { singleRunModel } from "../report/SingleRunModel.ts"
import { hashsimVersion } from "../Version.ts"

const isFolder = (path: string): boolean | undefined => {
  try {
    return statSync(path).isDirectory()
  } catch {
    return undefined
  }
}

/** Builds the model, turning input problems into InputRejectedError (exit 1) and anything else into a bug report. */
const buildModel = (input: string, scenario: string | undefined): Effect.Effect<ReportModel, InputRejectedError | UsageError> =>
  Effect.gen(function* () {
    const folder = isFolder(input)
    if (folder === undefined) return yield* new InputRejectedError({ message: `${input}: no such file or folder` })
    if (folder && scenario === undefined) {
      return yield* new UsageError({ message: `${input} is a Monte Carlo output folder: pass --scenario <the scenario file the batch ran> so the report can state its assumptions` })
    }
    if (!folder && scenario !== undefined) {
      return yield* new UsageError({ message: "--scenario is for a Monte Carlo output folder; a complete log carries its scenario" })
    }
    const problem = (error: unknown): InputRejectedError => {
      if (error instanceof ReportInputError) return new InputRejectedError({ message: error.message })
      throw error
    }
    if (folder) {
      return yield* Effect.try({ try: (): ReportModel => batchModel(input, { input, scenarioFile: scenario as string }), catch: problem })
    }
    const log = yield* Effect.tryPromise({ try: () => readCompleteLog(input), catch: problem })
    return yield* Effect.try({ try: (): ReportModel => singleRunModel(log, { input, hashsimVersion }), catch: problem })
  })

export const reportCommand = Command.make(
  "report",
  {
    input: Argument.String("input").pipe(Argument.withDescription("a complete log (hashsim run --out) or a Monte Carlo output folder (hashsim mc --out)")),
    out: Flag.String("out").pipe(Flag.withDescription("the HTML file to write (atomically: nothing is written on failure)")),
    scenario: Flag.optional(Flag.String("scenario").pipe(Flag.withDescription("for a Monte Carlo folder: the scenario the batch ran (checked against summary.json's SHA-256)")))
  },
  ({ input, out, scenario }) =>
    Effect.gen(function* () {
      if (!out.endsWith(".html") && !out.endsWith(".htm")) return yield* new UsageError({ message: `--out must name an .html file, got "${out}"` })
      const model = yield* buildModel(input, Option.getOrUndefined(scenario))
      const html = renderReportHtml(model)
      yield* writeFileAtomicEffect(out, html).pipe(Effect.mapError((error) => new InputRejectedError({ message: `${out}: cannot write: ${error.message}` })))
      yield* Console.log(`report (${model.kind === "single" ? "single run" : `Monte Carlo, ${model.paths} paths`}) written to ${out}`)
    })
).pipe(Command.withDescription("Write a self-contained HTML report (charts, assumptions) of a complete log or a Monte Carlo output folder"))
