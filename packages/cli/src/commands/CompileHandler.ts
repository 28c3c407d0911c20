// `hashsim compile <plan.yaml> [--out scenario.jsonl]`: shows the scenario a YAML plan becomes (the events every
// other command runs), and `hashsim init [--out plan.yaml]`: writes a commented plan to start from.
// The work of the command described in CompileCommand.ts (its arguments typed by that descriptor's config).
import { existsSync } from "node:fs"
import { writeFileAtomicEffect } from "@hashsim/ledger"
import { planTemplate } from "@hashsim/plan"
import { Console, Effect, Option } from "effect"
import type { Command } from "effect/cli"
import type { compileConfig, initConfig } from "./CompileCommand.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { isPlanFile } from "../ScenarioInput.ts"
import { showWarnings, strictFlag } from "../Warnings.ts"
import { readScenarioOrFail } from "./ValidateHandler.ts"

export const compileHandler = ({ plan, out, strict }: Command.Command.Config.Infer<typeof compileConfig>) =>
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


export const initHandler = ({ out }: Command.Command.Config.Infer<typeof initConfig>) =>
    Effect.gen(function* () {
      if (existsSync(out)) return yield* new UsageError({ message: `${out} exists: hashsim init does not overwrite; pass --out <new file>` })
      yield* writeFileAtomicEffect(out, planTemplate).pipe(
        Effect.mapError((e) => new InputRejectedError({ message: `cannot write ${out}: ${e.message}` }))
      )
      yield* Console.log(`wrote ${out}: the Cango 2024 acquisition as an example. Change the figures, then:\n  hashsim validate ${out}\n  hashsim run ${out} --seed 1 --out run.jsonl`)
    })

