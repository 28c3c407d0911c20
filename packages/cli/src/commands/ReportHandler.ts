// `hashsim report <complete log | mc output folder> --out report.html`: one self-contained HTML page with the charts
// a board asks about. Bad input prints `file:line: field: message`, exits 1 and writes nothing.
// The work of the command described in ReportCommand.ts (its arguments typed by that descriptor's config).
import { writeFileAtomicEffect } from "@hashsim/ledger"
import { Console, Effect, Option } from "effect"
import type { Command } from "effect/cli"
import type { reportConfig } from "./ReportCommand.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { ReportInputError } from "../report/CompleteLog.ts"
import { renderReportHtml } from "../report/ReportHtml.ts"
import { reportModelOf, ReportUsageError } from "../report/ReportInput.ts"
import { hashsimVersion } from "../Version.ts"

export const reportHandler = ({ input, out, scenario }: Command.Command.Config.Infer<typeof reportConfig>) =>
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

