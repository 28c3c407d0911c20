// `hashsim report <complete log | mc output folder> --out report.html`: one self-contained HTML page with the charts
// a board asks about. Bad input prints `file:line: field: message`, exits 1 and writes nothing.
import { writeFileAtomicEffect } from "@hashsim/ledger"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { ReportInputError } from "../report/CompleteLog.ts"
import { renderReportHtml } from "../report/ReportHtml.ts"
import { reportModelOf, ReportUsageError } from "../report/ReportInput.ts"
import { hashsimVersion } from "../Version.ts"

export const reportCommand = Command.make(
  "report",
  {
    input: Argument.String("input").pipe(Argument.withDescription("a complete log (hashsim run --out), a Monte Carlo output folder (hashsim mc --out), or a compare or sweep folder")),
    out: Flag.String("out").pipe(Flag.withDescription("the HTML file to write (atomically: nothing is written on failure)")),
    scenario: Flag.optional(Flag.String("scenario").pipe(Flag.withDescription("for a Monte Carlo folder: the scenario the batch ran (checked against summary.json's SHA-256)")))
  },
  ({ input, out, scenario }) =>
    Effect.gen(function* () {
      if (!out.endsWith(".html") && !out.endsWith(".htm")) return yield* new UsageError({ message: `--out must name an .html file, got "${out}"` })
      const model = yield* Effect.tryPromise({
        try: () => reportModelOf(input, Option.getOrUndefined(scenario), hashsimVersion),
        catch: (error) => {
          if (error instanceof ReportInputError) return new InputRejectedError({ message: error.message })
          if (error instanceof ReportUsageError) return new UsageError({ message: error.message })
          throw error
        }
      })
      const html = renderReportHtml(model)
      yield* writeFileAtomicEffect(out, html).pipe(Effect.mapError((error) => new InputRejectedError({ message: `${out}: cannot write: ${error.message}` })))
      const kind = model.kind === "single" ? "single run" : model.kind === "batch" ? `Monte Carlo, ${model.paths} paths` : model.kind === "compare" ? `comparison, ${model.paths} paths each` : `sweep, ${model.rows.length} points`
      yield* Console.log(`report (${kind}) written to ${out}`)
    })
).pipe(Command.withDescription("Write a self-contained HTML report (charts, assumptions) of a complete log or a Monte Carlo output folder"))
