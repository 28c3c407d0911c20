// `hashsim check <scenario or log...> [--seeds K] [--engine block|aggregate]`: for users' CI. Validates each file;
// runs a scenario with seeds 1..K (each twice: determinism), checks replay and the conservation, fleet and chain
// invariants of every generated log; checks a complete log's invariants and replays it. One line per check,
// `ok` or `FAIL`; exit 1 if any check failed.
// This module is the command's descriptor (arguments, flags, help); the work is in CheckHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { strictFlag } from "../Warnings.ts"

export const checkConfig = {
  files: Argument.String("file").pipe(Argument.withDescription("scenario or complete log (JSONL), or plan (YAML)"), Argument.atLeast(1)),
  seeds: Flag.Int("seeds").pipe(
    Flag.withDefault(3),
    Flag.withDescription("seeded runs per scenario (seeds 1..K, each run twice; default: 3)")
  ),
  engine: Flag.Literals("engine", ["block", "aggregate"]).pipe(
    Flag.withDefault("block" as const),
    Flag.withDescription("engine for a scenario's runs (block, as `run`, or aggregate, as `mc`; default: block)")
  ),
  strict: strictFlag
}

export const checkCommand = Command.make("check", checkConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./CheckHandler.ts")), (m) => m.checkHandler(args))
).pipe(Command.withDescription("Validate, run with seeds 1..K, and check determinism, replay, conservation, fleet and chain invariants"))
