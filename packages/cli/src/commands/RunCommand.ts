// `hashsim run`: planned (see DESIGN.md); its issue replaces this module.
import { Effect } from "effect"
import { Command } from "effect/cli"
import { InputRejectedError } from "../ExitCode.ts"

export const runCommand = Command.make("run", {}, () =>
  Effect.fail(new InputRejectedError({ message: "hashsim run is not built yet" }))
).pipe(Command.withDescription("Simulate a scenario with a seed and write its complete log (block or aggregate engine) (planned)"))
