// `hashsim report`: planned (see DESIGN.md); its issue replaces this module.
import { Effect } from "effect"
import { Command } from "effect/cli"
import { InputRejectedError } from "../ExitCode.ts"

export const reportCommand = Command.make("report", {}, () =>
  Effect.fail(new InputRejectedError({ message: "hashsim report is not built yet" }))
).pipe(Command.withDescription("Write a self-contained HTML report of a complete log or a Monte Carlo output folder (planned)"))
