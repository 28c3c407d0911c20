// `hashsim mc`: a Monte Carlo batch of seeded paths on every core (or one shard of it), written to --out as
// outcomes.csv + summary.json (whole batch) or outcomes.csv (a shard, for `hashsim merge`), sealed by manifest.json.
// The work of the command described in McCommand.ts (its arguments typed by that descriptor's config).
import { availableParallelism } from "node:os"
import {
  BatchOptionsInvalidError,
  formatShard,
  OutputFolderBusyError,
  progressReporter,
  renderSummaryTable,
  runBatch,
  scenarioSha256,
  selectShard,
  shardRange,
  ShardSpecInvalidError,
  simRunnerSpec,
  type Shard
} from "@hashsim/montecarlo"
import { MODEL_VERSION, parseSeed, SEED_RULE } from "@hashsim/sim"
import { Console, Effect, Option } from "effect"
import type { Command } from "effect/cli"
import type { mcConfig } from "./McCommand.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { hashsimVersion } from "../Version.ts"
import { readScenarioOrFail } from "./ValidateHandler.ts"

/** A whole number from `min` (decimal, or with an exponent like 1e6), within 2^53 - 1: a count, such as --paths. */
const parseWhole = (flag: string, text: string, min: number): number => {
  const trimmed = text.trim()
  const value = /^[0-9]+$/.test(trimmed) || /^[0-9]+(\.[0-9]+)?e[0-9]+$/i.test(trimmed) ? Number(trimmed) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError({ message: `${flag} must be a whole number from ${min}, got "${text}"` })
  }
  return value
}

/** The master seed: the one seed rule of every command (@hashsim/sim's Seed module), not a count's looser one. */
const parseMasterSeed = (text: string): number => {
  const seed = parseSeed(text)
  if (seed === undefined) throw new UsageError({ message: `--seed must be ${SEED_RULE}, got ${JSON.stringify(text)}` })
  return seed
}

const usage = <A>(f: () => A): Effect.Effect<A, UsageError> =>
  Effect.try({
    try: f,
    catch: (error) => (error instanceof UsageError ? error : new UsageError({ message: error instanceof Error ? error.message : String(error) }))
  })

export const mcHandler = (args: Command.Command.Config.Infer<typeof mcConfig>) =>
    Effect.gen(function* () {
      const paths = yield* usage(() => parseWhole("--paths", args.paths, 1))
      const masterSeed = yield* usage(() => parseMasterSeed(args.seed))
      const cores = availableParallelism()
      const asked = Option.isSome(args.workers) ? args.workers.value : cores
      if (!Number.isSafeInteger(asked) || asked < 1) return yield* new UsageError({ message: `--workers must be a whole number from 1, got ${asked}` })
      // More threads than cores only costs memory (~30 MB each): clamped, and said so.
      const workers = Math.min(asked, cores)
      if (asked > cores) process.stderr.write(`hashsim: --workers ${asked} is more than this machine's ${cores} cores; using ${cores}\n`)
      const explicitShard = Option.getOrUndefined(args.shard)
      const shardCount = Option.getOrUndefined(args.shards)
      const selected = yield* usage(() => selectShard({ shard: explicitShard, shards: shardCount, env: process.env }))
      const shard: Shard | undefined = explicitShard !== undefined || shardCount !== undefined ? selected : undefined
      // A YAML plan runs as the scenario it compiles to (its batch identity is that scenario's SHA-256).
      const bytes = (yield* readScenarioOrFail(args.scenario)).bytes
      const identity = { hashsimVersion, scenarioSha256: scenarioSha256(bytes), engine: args.engine, masterSeed, paths, modelVersion: MODEL_VERSION }
      const label = shard === undefined ? "mc" : `mc shard ${formatShard(shard)}`
      const progress = progressReporter({ isTTY: process.stderr.isTTY === true, write: (t) => { process.stderr.write(t) } }, label, () => performance.now())
      // The scenario is validated and compiled once, here, before any worker starts.
      const runner = yield* Effect.try({
        try: () => simRunnerSpec({ scenarioText: bytes.toString("utf8"), scenarioFile: args.scenario, engine: args.engine }),
        catch: (error) => new InputRejectedError({ message: (error as Error).message })
      })
      const result = yield* runBatch({
        runner,
        identity,
        shard,
        workers,
        outDir: args.out,
        onProgress: (done, total) => progress.update(done, total)
      }).pipe(
        Effect.ensuring(Effect.sync(() => progress.finish())),
        Effect.mapError((error) => {
          if (error instanceof BatchOptionsInvalidError || error instanceof OutputFolderBusyError || error instanceof ShardSpecInvalidError) {
            return new UsageError({ message: error.message })
          }
          return new InputRejectedError({ message: error.message })
        })
      )
      // For `pnpm bench`: the coordinating thread's CPU next to each worker's (Linux only; unset, nothing is printed).
      if (process.env["HASHSIM_REPORT_CPU"] === "1" && result.cpu !== undefined) {
        process.stderr.write(`hashsim-cpu: main ${result.cpu.mainS.toFixed(2)} workers ${result.cpu.workersS.map((s) => s.toFixed(2)).join(",")} paths ${result.range.end - result.range.start}\n`)
      }
      if (result.summary !== undefined) {
        yield* Console.log(renderSummaryTable(result.summary).trimEnd())
      } else if (shard !== undefined) {
        const range = shardRange(paths, shard)
        yield* Console.log(`shard ${formatShard(shard)}: paths ${range.start}..${range.end - 1} of ${paths} written to ${args.out}; join the shards with \`hashsim merge <shard folders...> --out <folder>\``)
      }
    })

