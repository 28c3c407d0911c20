// `hashsim replay`: planned (see DESIGN.md); its issue replaces this module.
import { Effect } from "effect"
import { Command } from "effect/cli"
import { InputRejectedError } from "../ExitCode.ts"

export const replayCommand = Command.make("replay", {}, () =>
  Effect.fail(new InputRejectedError({ message: "hashsim replay is not built yet" }))
).pipe(Command.withDescription("Fold a complete log and print the monthly report and totals (table, json or csv) (planned)"))
