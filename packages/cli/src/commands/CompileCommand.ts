// `hashsim compile <plan.yaml> [--out scenario.jsonl]`: shows the scenario a YAML plan becomes (the events every
// other command runs), and `hashsim init [--out plan.yaml]`: writes a commented plan to start from.
import { existsSync } from "node:fs"
import { writeFileAtomicEffect } from "@hashsim/ledger"
import { planTemplate } from "@hashsim/plan"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { isPlanFile } from "../ScenarioInput.ts"
import { showWarnings, strictFlag } from "../Warnings.ts"
import { readScenarioOrFail } from "./ValidateCommand.ts"

export const compileCommand = Command.make(
  "compile",
  {
    plan: Argument.String("plan").pipe(Argument.withDescription("the plan (YAML) to compile")),
    out: Flag.optional(Flag.String("out").pipe(Flag.withDescription("the scenario (JSONL) to write, atomically (default: print it on stdout)"))),
    strict: strictFlag
  },
  ({ plan, out, strict }) =>
    Effect.gen(function* () {
      if (!isPlanFile(plan)) return yield* new UsageError({ message: `compile takes a plan (.yaml or .yml), got "${plan}"; a JSONL scenario is already compiled` })
      const input = yield* readScenarioOrFail(plan)
      for (const note of input.notes) yield* Effect.sync(() => process.stderr.write(`${plan}: note: ${note}\n`))
      yield* showWarnings(plan, input.warnings(), strict)
      if (Option.isNone(out)) return yield* Effect.sync(() => process.stdout.write(input.bytes))
      yield* writeFileAtomicEffect(out.value, input.bytes.toString("utf8")).pipe(
        Effect.mapError((e) => new InputRejectedError({ message: `cannot write ${out.value}: ${e.message}` }))
      )
      const events = input.bytes.toString("utf8").split("\n").length - 1
      yield* Console.error(`hashsim compile: wrote ${out.value} (${events} events)`)
    })
).pipe(Command.withDescription("Compile a YAML plan to the scenario (JSONL) it stands for"))

export const initCommand = Command.make(
  "init",
  {
    out: Flag.String("out").pipe(Flag.withDefault("plan.yaml"), Flag.withDescription("where to write the plan (default: plan.yaml; never overwritten)"))
  },
  ({ out }) =>
    Effect.gen(function* () {
      if (existsSync(out)) return yield* new UsageError({ message: `${out} exists: hashsim init does not overwrite; pass --out <new file>` })
      yield* writeFileAtomicEffect(out, planTemplate).pipe(
        Effect.mapError((e) => new InputRejectedError({ message: `cannot write ${out}: ${e.message}` }))
      )
      yield* Console.log(`wrote ${out}: the Cango 2024 acquisition as an example. Change the figures, then:\n  hashsim validate ${out}\n  hashsim run ${out} --seed 1 --out run.jsonl`)
    })
).pipe(Command.withDescription("Write a commented plan (YAML) to start from: the founding acquisition as the example"))
