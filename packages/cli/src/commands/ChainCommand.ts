// `hashsim chain ...`: small hand tools over the consensus arithmetic of @hashsim/chain.
import { Effect } from "effect"
import { Command } from "effect/cli"
import { InputRejectedError } from "../ExitCode.ts"

export const chainCommand = Command.make("chain", {}, () =>
  Effect.fail(new InputRejectedError({ message: "hashsim chain is not built yet" }))
).pipe(Command.withDescription("Consensus arithmetic by hand: retarget (planned)"))
