// `hashsim validate <log | plan>`: checks a log's bytes, schema, order, hash chain, decider rules and seal, streaming
// it, and prints every problem as `file:line: field: message` on stderr (exit 1), or a one-line summary (exit 0).
// A YAML plan is compiled first (its problems point at the plan's lines). Plausibility warnings follow.
// This module is the command's descriptor (arguments, flags, help); the work is in ValidateHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command } from "effect/cli"
import { strictFlag } from "../Warnings.ts"

export const validateConfig = {
  log: Argument.String("log").pipe(Argument.withDescription("the log (JSONL) or plan (YAML) to check")),
  strict: strictFlag
}

export const validateCommand = Command.make("validate", validateConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./ValidateHandler.ts")), (m) => m.validateHandler(args))
).pipe(Command.withDescription("Check a log's (or plan's) schema, order, hash chain and decider rules; print every problem as file:line: field: message"))
