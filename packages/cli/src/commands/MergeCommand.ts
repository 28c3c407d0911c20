// `hashsim merge`: planned (see DESIGN.md); its issue replaces this module.
import { Effect } from "effect"
import { Command } from "effect/cli"
import { InputRejectedError } from "../ExitCode.ts"

export const mergeCommand = Command.make("merge", {}, () =>
  Effect.fail(new InputRejectedError({ message: "hashsim merge is not built yet" }))
).pipe(Command.withDescription("Join the outputs of --shard runs into exactly what one unsharded run writes (planned)"))
