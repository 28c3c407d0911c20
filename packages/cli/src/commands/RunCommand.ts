// `hashsim run <scenario> --seed <n> [--engine block|aggregate] [--until <date>] --out <log>`: simulates one path,
// writes its complete log atomically and prints the monthly report, the very report `replay` prints for that log.
// This module is the command's descriptor (arguments, flags, help); the work is in RunHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { strictFlag } from "../Warnings.ts"

export const runConfig = {
  scenario: Argument.String("scenario").pipe(Argument.withDescription("scenario log (JSONL) or plan (YAML) to simulate")),
  seed: Flag.String("seed").pipe(Flag.withDescription("path seed, 0 to 2^53-1 (a Monte Carlo path's seed reproduces that path)")),
  engine: Flag.Literals("engine", ["block", "aggregate"]).pipe(
    Flag.withDefault("block" as const),
    Flag.withDescription("block (default: every block drawn, fleet blocks in the log) or aggregate (daily summaries)")
  ),
  until: Flag.optional(Flag.String("until").pipe(Flag.withDescription("stop earlier than the scenario's horizon: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: the scenario's until)"))),
  out: Flag.String("out").pipe(Flag.withDescription("where to write the complete log (written atomically)")),
  format: Flag.Literals("format", ["table", "json", "csv"]).pipe(
    Flag.withDefault("table" as const),
    Flag.withDescription("the report printed on stdout, as `replay --format` prints it (default: table)")
  ),
  strict: strictFlag
}

export const runCommand = Command.make("run", runConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./RunHandler.ts")), (m) => m.runHandler(args))
).pipe(Command.withDescription("Simulate a scenario with a seed, write its complete log, print the monthly report"))
