// `hashsim report <complete log | mc output folder> --out report.html`: one self-contained HTML page with the charts
// a board asks about. Bad input prints `file:line: field: message`, exits 1 and writes nothing.
// This module is the command's descriptor (arguments, flags, help); the work is in ReportHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"

export const reportConfig = {
  input: Argument.String("input").pipe(Argument.withDescription("a complete log (hashsim run --out), a Monte Carlo output folder (hashsim mc --out), or a compare or sweep folder")),
  out: Flag.String("out").pipe(Flag.withDescription("the HTML file to write (atomically: nothing is written on failure)")),
  scenario: Flag.optional(Flag.String("scenario").pipe(Flag.withDescription("for a Monte Carlo folder: the scenario the batch ran (checked against summary.json's SHA-256)")))
}

export const reportCommand = Command.make("report", reportConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./ReportHandler.ts")), (m) => m.reportHandler(args))
).pipe(Command.withDescription("Write a self-contained HTML report (charts, assumptions) of a complete log or a Monte Carlo output folder"))
