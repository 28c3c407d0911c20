// `hashsim merge`: joins the folders of `hashsim mc --shard k/N` runs into exactly the outcomes.csv and
// summary.json one unsharded run writes, after checking they are all the shards of one batch.
import { mergeShards, OutputFolderBusyError, renderSummaryTable } from "@hashsim/montecarlo"
import { Console, Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { InputRejectedError, UsageError } from "../ExitCode.ts"

export const mergeCommand = Command.make(
  "merge",
  {
    shards: Argument.String("shard-folder").pipe(
      Argument.withDescription("output folders of `hashsim mc --shard k/N` runs (any order)"),
      Argument.atLeast(1)
    ),
    out: Flag.String("out").pipe(Flag.withDescription("folder for the merged outcomes.csv and summary.json"))
  },
  ({ shards, out }) =>
    Effect.gen(function* () {
      const summary = yield* mergeShards(shards, out).pipe(
        // A busy --out is a usage problem (exit 2); shards that are not one batch's complete set, or damaged, exit 1.
        Effect.mapError((error) =>
          error instanceof OutputFolderBusyError ? new UsageError({ message: error.message }) : new InputRejectedError({ message: error.message })
        )
      )
      yield* Console.log(renderSummaryTable(summary).trimEnd())
    })
).pipe(Command.withDescription("Join the outputs of `mc --shard` runs into exactly what one unsharded run writes"))
