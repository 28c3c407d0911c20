// `hashsim import chain <data files...> --scenario <plan.jsonl> --out <scenario.jsonl> [--from T] [--to T]`: real
// chain data plus a plan -> one scenario holding the plan and the observed retargets and fee levels in time order,
// validated by the ledger, then written atomically. Every problem in the data prints as `file:line: field: message`
// (exit 1, nothing written).
// This module is the command's descriptor (arguments, flags, help); the work is in ImportHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"

export const chainConfig = {
  files: Argument.String("data").pipe(
    Argument.withDescription("chain data: retarget CSVs (either layout), headers CSV (height,time,bits), monthly fees CSV, JSON lines of bitcoin-cli getblockheader or getblockstats"),
    Argument.atLeast(1)
  ),
  scenario: Flag.String("scenario").pipe(Flag.withDescription("the plan (JSONL scenario) whose network block is replaced by the real one")),
  out: Flag.String("out").pipe(Flag.withDescription("where to write the scenario (atomically; nothing is written on any problem)")),
  from: Flag.optional(Flag.String("from").pipe(Flag.withDescription("start at the first block of the observed epoch holding this time (default: the plan's start)"))),
  to: Flag.optional(Flag.String("to").pipe(Flag.withDescription("end of observation, exclusive (default and at most: the plan's horizon)"))),
  name: Flag.optional(Flag.String("name").pipe(Flag.withDescription("the scenario's name (default: the plan's)")))
}

const chain = Command.make("chain", chainConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./ImportHandler.ts")), (m) => m.chainHandler(args))
).pipe(Command.withDescription("Merge real chain data (retargets, headers, fees) into a plan: one validated scenario"))

export const importCommand = Command.make("import").pipe(
  Command.withDescription("Import real data into a scenario: chain"),
  Command.withSubcommands([chain])
)
