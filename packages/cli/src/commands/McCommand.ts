// `hashsim mc`: a Monte Carlo batch of seeded paths on every core (or one shard of it), written to --out as
// outcomes.csv (or outcomes.parquet, --format parquet) + summary.json (whole batch) or the outcomes alone (a shard, for
// `hashsim merge`), sealed by manifest.json.
// This module is the command's descriptor (arguments, flags, help); the work is in McHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"

export const mcConfig = {
  scenario: Argument.String("scenario").pipe(Argument.withDescription("scenario log (JSONL) or plan (YAML) to run")),
  paths: Flag.String("paths").pipe(Flag.withDescription("number of paths in the batch (e.g. 10000 or 1e6)")),
  seed: Flag.String("seed").pipe(Flag.withDescription("master seed, 0 to 2^53-1; path i runs with a seed derived from (seed, i)")),
  out: Flag.String("out").pipe(Flag.withDescription("output folder (outcomes.csv + summary.json + manifest.json; a shard has no summary.json)")),
  workers: Flag.optional(Flag.Int("workers").pipe(Flag.withDescription("worker threads (default: all cores); outputs do not depend on it"))),
  engine: Flag.Literals("engine", ["aggregate", "block"]).pipe(
    Flag.withDefault("aggregate" as const),
    Flag.withDescription("aggregate (default, fast) or block (every block drawn; for validation on small batches)")
  ),
  format: Flag.Literals("format", ["csv", "parquet"]).pipe(
    Flag.withDefault("csv" as const),
    Flag.withDescription("the outcome table: outcomes.csv (default) or outcomes.parquet (same rows; for pandas, DuckDB, Arrow)")
  ),
  shard: Flag.optional(Flag.String("shard").pipe(Flag.withDescription("run only shard k of N (k from 1), e.g. 2/7"))),
  shards: Flag.optional(Flag.Int("shards").pipe(Flag.withDescription("shard count; the shard comes from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID")))
}

export const mcCommand = Command.make("mc", mcConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./McHandler.ts")), (m) => m.mcHandler(args))
).pipe(Command.withDescription("Run a Monte Carlo batch of seeded paths on all cores; write outcomes.csv and summary.json"))
