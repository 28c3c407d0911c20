// `hashsim compile <plan.yaml> [--out scenario.jsonl]`: shows the scenario a YAML plan becomes (the events every
// other command runs), and `hashsim init [--out plan.yaml]`: writes a commented plan to start from.
// This module is the command's descriptor (arguments, flags, help); the work is in CompileHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { strictFlag } from "../Warnings.ts"

export const compileConfig = {
  plan: Argument.String("plan").pipe(Argument.withDescription("the plan (YAML) to compile")),
  out: Flag.optional(Flag.String("out").pipe(Flag.withDescription("the scenario (JSONL) to write, atomically (default: print it on stdout)"))),
  strict: strictFlag
}

export const compileCommand = Command.make("compile", compileConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./CompileHandler.ts")), (m) => m.compileHandler(args))
).pipe(Command.withDescription("Compile a YAML plan to the scenario (JSONL) it stands for"))

export const initConfig = {
  out: Flag.String("out").pipe(Flag.withDefault("plan.yaml"), Flag.withDescription("where to write the plan (default: plan.yaml; never overwritten)"))
}

export const initCommand = Command.make("init", initConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./CompileHandler.ts")), (m) => m.initHandler(args))
).pipe(Command.withDescription("Write a commented plan (YAML) to start from: the founding acquisition as the example"))
