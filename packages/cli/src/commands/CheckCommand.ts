// `hashsim check`: planned (see DESIGN.md); its issue replaces this module.
import { Effect } from "effect"
import { Command } from "effect/cli"
import { InputRejectedError } from "../ExitCode.ts"

export const checkCommand = Command.make("check", {}, () =>
  Effect.fail(new InputRejectedError({ message: "hashsim check is not built yet" }))
).pipe(Command.withDescription("Validate, run with K seeds, and check determinism, replay, conservation and fleet invariants (planned)"))
