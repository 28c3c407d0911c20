// `hashsim import chain <data files...> --scenario <plan.jsonl> --out <scenario.jsonl> [--from T] [--to T]`: real
// chain data plus a plan -> one scenario holding the plan and the observed retargets and fee levels in time order,
// validated by the ledger, then written atomically. Every problem in the data prints as `file:line: field: message`
// (exit 1, nothing written).
// The work of the command described in ImportCommand.ts (its arguments typed by that descriptor's config).
import { ChainDataInvalidError, formatDataProblem, ImportRefusedError, importChain } from "@hashsim/history"
import { parseAtS, parseDayS, writeFileAtomicEffect } from "@hashsim/ledger"
import { Console, Effect, Option } from "effect"
import type { Command } from "effect/cli"
import type { chainConfig } from "./ImportCommand.ts"
import { readFile } from "node:fs/promises"
import { InputRejectedError, UsageError } from "../ExitCode.ts"

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** A time flag: a day (its 00:00:00Z) or `YYYY-MM-DDTHH:MM:SSZ`. */
const parseTime = (flag: string, value: Option.Option<string>): Effect.Effect<number | undefined, UsageError> => {
  if (Option.isNone(value)) return Effect.succeed(undefined)
  const s = parseDayS(value.value) ?? parseAtS(value.value)
  return s === undefined
    ? Effect.fail(new UsageError({ message: `${flag} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got ${JSON.stringify(value.value)}` }))
    : Effect.succeed(s)
}

const readText = (path: string): Effect.Effect<{ readonly file: string; readonly text: string }, InputRejectedError> =>
  Effect.tryPromise({
    try: async () => ({ file: path, text: await readFile(path, "utf8") }),
    catch: (error) => new InputRejectedError({ message: `cannot read ${path}: ${messageOf(error)}` })
  })

export const chainHandler = ({ files, scenario, out, from, to, name }: Command.Command.Config.Infer<typeof chainConfig>) =>
    Effect.gen(function* () {
      const fromS = yield* parseTime("--from", from)
      const toS = yield* parseTime("--to", to)
      const plan = yield* readText(scenario)
      const data = yield* Effect.forEach(files, readText)
      const result = yield* Effect.try({
        try: () => importChain({ plan, data, ...(fromS === undefined ? {} : { fromS }), ...(toS === undefined ? {} : { toS }), ...(Option.isSome(name) ? { name: name.value } : {}) }),
        catch: (error) => {
          if (error instanceof ChainDataInvalidError) {
            for (const p of error.problems) process.stderr.write(`${formatDataProblem(p)}\n`)
            return new InputRejectedError({ message: error.message })
          }
          if (error instanceof ImportRefusedError) return new InputRejectedError({ message: error.message })
          return new InputRejectedError({ message: `import failed: ${messageOf(error)}` })
        }
      })
      yield* writeFileAtomicEffect(out, result.text).pipe(
        Effect.mapError((e) => new InputRejectedError({ message: `cannot write ${out}: ${e.message}` }))
      )
      const n = result.network
      yield* Console.log(`${out}: start ${result.startAt} at height ${n.height}, bits ${n.bits}, epoch first block ${n.epochFirstBlockTimeS}, ${(n.hashrateThs / 1e6).toFixed(2)} EH/s implied by the epoch's pace`)
      yield* Console.log(`${out}: ${result.retargets} observed retargets, ${result.feeSpans} fee spans${result.lastObservedAt === undefined ? "" : `, observed to ${result.lastObservedAt}`}`)
    })


