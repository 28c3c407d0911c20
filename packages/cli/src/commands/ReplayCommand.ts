// `hashsim replay <log> [--format table|json|csv]`: validates a log and prints its monthly report and totals.
// JSON is the stable contract (docs/EVENTS.md, "The monthly report"); CSV has one row per month plus a total row.
// This module is the command's descriptor (arguments, flags, help); the work is in ReplayHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"

export const replayConfig = {
  log: Argument.String("log").pipe(Argument.withDescription("a complete log (JSONL)")),
  format: Flag.Literals("format", ["table", "json", "csv"]).pipe(
    Flag.withDefault("table"),
    Flag.withDescription("table (people), json (the stable contract) or csv (one row a month, then totals); default: table")
  )
}

export const replayCommand = Command.make("replay", replayConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./ReplayHandler.ts")), (m) => m.replayHandler(args))
).pipe(Command.withDescription("Fold a complete log and print the monthly report and totals (table, json or csv)"))
