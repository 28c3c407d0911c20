// `hashsim mc`: planned (see DESIGN.md); its issue replaces this module.
import { Effect } from "effect"
import { Command } from "effect/cli"
import { InputRejectedError } from "../ExitCode.ts"

export const mcCommand = Command.make("mc", {}, () =>
  Effect.fail(new InputRejectedError({ message: "hashsim mc is not built yet" }))
).pipe(Command.withDescription("Run a Monte Carlo batch of seeded paths on all cores; write outcomes.csv and summary.json (planned)"))
