// `hashsim mc`: a Monte Carlo batch of seeded paths on every core (or one shard of it), written to --out as
// outcomes.csv + summary.json (whole batch) or outcomes.csv (a shard, for `hashsim merge`), sealed by manifest.json.
// The work of the command described in McCommand.ts (its arguments typed by that descriptor's config).
import {
  BatchOptionsInvalidError,
  formatShard,
  outcomesFileOf,
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
import { MODEL_VERSION } from "@hashsim/sim"
import { Console, Effect, Option } from "effect"
import type { Command } from "effect/cli"
import type { mcConfig } from "./McCommand.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { acceptScenario } from "../ScenarioAcceptance.ts"
import { hashsimVersion } from "../Version.ts"
import { parseMasterSeed, parseWhole, usage, workersOf } from "../BatchFlags.ts"
import { readScenarioOrFail } from "./ValidateHandler.ts"

export const mcHandler = (args: Command.Command.Config.Infer<typeof mcConfig>) =>
    Effect.gen(function* () {
      const paths = yield* usage(() => parseWhole("--paths", args.paths, 1))
      const masterSeed = yield* usage(() => parseMasterSeed(args.seed))
      const workers = yield* workersOf(args.workers)
      const explicitShard = Option.getOrUndefined(args.shard)
      const shardCount = Option.getOrUndefined(args.shards)
      const selected = yield* usage(() => selectShard({ shard: explicitShard, shards: shardCount, env: process.env }))
      const shard: Shard | undefined = explicitShard !== undefined || shardCount !== undefined ? selected : undefined
      // A YAML plan runs as the scenario it compiles to (its batch identity is that scenario's SHA-256).
      const bytes = (yield* readScenarioOrFail(args.scenario)).bytes
      const identity = { hashsimVersion, scenarioSha256: scenarioSha256(bytes), engine: args.engine, masterSeed, paths, modelVersion: MODEL_VERSION }
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
        format: args.format,
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
        yield* Console.log(renderSummaryTable(result.summary, outcomesFileOf(args.format)).trimEnd())
      } else if (shard !== undefined) {
        const range = shardRange(paths, shard)
        yield* Console.log(`shard ${formatShard(shard)}: paths ${range.start}..${range.end - 1} of ${paths} written to ${args.out}; join the shards with \`hashsim merge <shard folders...> --out <folder>\``)
      }
    })

