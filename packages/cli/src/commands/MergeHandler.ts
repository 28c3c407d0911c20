// `hashsim merge`: joins the folders of `hashsim mc --shard k/N` runs into exactly the outcome table (outcomes.csv
// or outcomes.parquet) and summary.json one unsharded run writes, after checking they are all the shards of one batch.
// The work of the command described in MergeCommand.ts (its arguments typed by that descriptor's config).
import { mergeShards, OutputFolderBusyError, renderSummaryTable } from "@hashsim/montecarlo"
import { Console, Effect, Option } from "effect"
import type { Command } from "effect/cli"
import type { mergeConfig } from "./MergeCommand.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"

export const mergeHandler = ({ shards, out, format }: Command.Command.Config.Infer<typeof mergeConfig>) =>
    Effect.gen(function* () {
      const { summary, tableFile } = yield* mergeShards(shards, out, Option.getOrUndefined(format)).pipe(
        // A busy --out is a usage problem (exit 2); shards that are not one batch's complete set, or damaged, exit 1.
        Effect.mapError((error) =>
          error instanceof OutputFolderBusyError ? new UsageError({ message: error.message }) : new InputRejectedError({ message: error.message })
        )
      )
      yield* Console.log(renderSummaryTable(summary, tableFile).trimEnd())
    })

