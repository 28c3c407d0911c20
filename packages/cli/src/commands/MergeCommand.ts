// `hashsim merge`: joins the folders of `hashsim mc --shard k/N` runs into exactly the outcome table (outcomes.csv
// or outcomes.parquet) and summary.json one unsharded run writes, after checking they are all the shards of one batch.
// This module is the command's descriptor (arguments, flags, help); the work is in MergeHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"

export const mergeConfig = {
  shards: Argument.String("shard-folder").pipe(
    Argument.withDescription("output folders of `hashsim mc --shard k/N` runs (any order)"),
    Argument.atLeast(1)
  ),
  out: Flag.String("out").pipe(Flag.withDescription("folder for the merged outcome table and summary.json")),
  format: Flag.optional(Flag.Literals("format", ["csv", "parquet"]).pipe(
    Flag.withDescription("the merged outcome table: outcomes.csv or outcomes.parquet (default: the shards' own format)")
  ))
}

export const mergeCommand = Command.make("merge", mergeConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./MergeHandler.ts")), (m) => m.mergeHandler(args))
).pipe(Command.withDescription("Join the outputs of `mc --shard` runs into exactly what one unsharded run writes"))
