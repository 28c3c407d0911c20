// `hashsim compare A B [C...]`: every scenario on the same path seeds (common random numbers), paired differences
// per path of every outcome column (A against each other scenario), the probability that A beats B on NPV, payback
// and all-in cost per BTC, and where they differ (months, inputs). A table on stdout; with --out a sealed folder:
// one mc folder per scenario, differences-<A>-vs-<B>.csv (or .parquet) and compare.json.
// This module is the command's descriptor (arguments, flags, help); the work is in CompareHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"

export const compareConfig = {
  scenarios: Argument.String("scenario").pipe(Argument.atLeast(2), Argument.withDescription("two or more scenarios (plans or JSONL); the first, A, is compared with each other one")),
  paths: Flag.String("paths").pipe(Flag.withDefault("1000"), Flag.withDescription("paths per scenario (default 1000)")),
  seed: Flag.String("seed").pipe(Flag.withDefault("1"), Flag.withDescription("master seed (default 1); every scenario's path i runs with the seed derived from (seed, i)")),
  out: Flag.optional(Flag.String("out").pipe(Flag.withDescription("output folder: one mc folder per scenario, the paired differences, compare.json, manifest.json"))),
  format: Flag.Literals("format", ["csv", "parquet"]).pipe(Flag.withDefault("csv" as const), Flag.withDescription("outcome and difference tables as csv (default) or parquet")),
  engine: Flag.Literals("engine", ["aggregate", "block"]).pipe(Flag.withDefault("aggregate" as const), Flag.withDescription("aggregate (default) or block")),
  workers: Flag.optional(Flag.Int("workers").pipe(Flag.withDescription("worker threads (default: all cores); outputs do not depend on it")))
}

export const compareCommand = Command.make("compare", compareConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./CompareHandler.ts")), (m) => m.compareHandler(args))
).pipe(Command.withDescription("Compare scenarios path by path on the same seeds: paired differences, P(A beats B), where they differ"))
