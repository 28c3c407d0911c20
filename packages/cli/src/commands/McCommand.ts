// `hashsim mc`: a Monte Carlo batch of seeded paths on every core (or one shard of it), written to --out as
// outcomes.csv + summary.json (whole batch) or outcomes.csv + shard.json (a shard, for `hashsim merge`).
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
  planRunnerSpec,
  type Shard
} from "@hashsim/montecarlo"
import { parseSeed, SEED_RULE } from "@hashsim/sim"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { acceptScenario } from "../ScenarioAcceptance.ts"
import { hashsimVersion } from "../Version.ts"
import { readScenarioOrFail } from "./ValidateCommand.ts"

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

export const mcCommand = Command.make(
  "mc",
  {
    scenario: Argument.String("scenario").pipe(Argument.withDescription("scenario log (JSONL) or plan (YAML) to run")),
    paths: Flag.String("paths").pipe(Flag.withDescription("number of paths in the batch (e.g. 10000 or 1e6)")),
    seed: Flag.String("seed").pipe(Flag.withDescription("master seed, 0 to 2^53-1; path i runs with a seed derived from (seed, i)")),
    out: Flag.String("out").pipe(Flag.withDescription("output folder (outcomes.csv + summary.json, or + shard.json for a shard)")),
    workers: Flag.optional(Flag.Int("workers").pipe(Flag.withDescription("worker threads (default: all cores); outputs do not depend on it"))),
    engine: Flag.Literals("engine", ["aggregate", "block"]).pipe(
      Flag.withDefault("aggregate" as const),
      Flag.withDescription("aggregate (default, fast) or block (every block drawn; for validation on small batches)")
    ),
    shard: Flag.optional(Flag.String("shard").pipe(Flag.withDescription("run only shard k of N (k from 1), e.g. 2/7"))),
    shards: Flag.optional(Flag.Int("shards").pipe(Flag.withDescription("shard count; the shard comes from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID")))
  },
  (args) =>
    Effect.gen(function* () {
      const paths = yield* usage(() => parseWhole("--paths", args.paths, 1))
      const masterSeed = yield* usage(() => parseMasterSeed(args.seed))
      const workers = Option.isSome(args.workers) ? args.workers.value : availableParallelism()
      if (!Number.isSafeInteger(workers) || workers < 1) return yield* new UsageError({ message: `--workers must be a whole number from 1, got ${workers}` })
      const explicitShard = Option.getOrUndefined(args.shard)
      const shardCount = Option.getOrUndefined(args.shards)
      const selected = yield* usage(() => selectShard({ shard: explicitShard, shards: shardCount, env: process.env }))
      const shard: Shard | undefined = explicitShard !== undefined || shardCount !== undefined ? selected : undefined
      // A YAML plan runs as the scenario it compiles to (its batch identity is that scenario's SHA-256).
      const bytes = (yield* readScenarioOrFail(args.scenario)).bytes
      const identity = { hashsimVersion, scenarioSha256: scenarioSha256(bytes), engine: args.engine, masterSeed, paths }
      const label = shard === undefined ? "mc" : `mc shard ${formatShard(shard)}`
      const progress = progressReporter({ isTTY: process.stderr.isTTY === true, write: (t) => { process.stderr.write(t) } }, label, () => performance.now())
      // The scenario is validated and compiled once, here, before any worker starts: the decision `run` makes.
      const plan = yield* acceptScenario(args.scenario, bytes)
      const runner = planRunnerSpec(plan, args.engine)
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
      if (result.summary !== undefined) {
        yield* Console.log(renderSummaryTable(result.summary).trimEnd())
      } else if (shard !== undefined) {
        const range = shardRange(paths, shard)
        yield* Console.log(`shard ${formatShard(shard)}: paths ${range.start}..${range.end - 1} of ${paths} written to ${args.out}; join the shards with \`hashsim merge <shard folders...> --out <folder>\``)
      }
    })
).pipe(Command.withDescription("Run a Monte Carlo batch of seeded paths on all cores; write outcomes.csv and summary.json"))
