// `hashsim validate`: planned (see DESIGN.md); its issue replaces this module.
import { Effect } from "effect"
import { Command } from "effect/cli"
import { InputRejectedError } from "../ExitCode.ts"

export const validateCommand = Command.make("validate", {}, () =>
  Effect.fail(new InputRejectedError({ message: "hashsim validate is not built yet" }))
).pipe(Command.withDescription("Check a log's schema, order, hash chain and decider rules; print every problem as file:line: field: message (planned)"))
