// `hashsim chain ...`: consensus arithmetic by hand, so a user can check a retarget or a subsidy against a block explorer.
// This module is the command's descriptor (arguments, flags, help); the work is in ChainHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Command, Flag } from "effect/cli"

export const retargetConfig = {
  bits: Flag.String("bits").pipe(Flag.withDescription("nBits of the epoch's last block, hex (e.g. 1704ed7f)")),
  first: Flag.Int("first").pipe(Flag.withDescription("header time of the epoch's first block (Unix seconds)")),
  last: Flag.Int("last").pipe(Flag.withDescription("header time of the epoch's last block (Unix seconds)"))
}

const retarget = Command.make("retarget", retargetConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./ChainHandler.ts")), (m) => m.retargetHandler(args))
).pipe(Command.withDescription("The mainnet retarget: new bits and difficulty from the old bits and the epoch's first and last block times"))

export const subsidyConfig = {
  height: Flag.Int("height").pipe(Flag.withDescription("block height"))
}

const subsidy = Command.make("subsidy", subsidyConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./ChainHandler.ts")), (m) => m.subsidyHandler(args))
).pipe(Command.withDescription("The block subsidy at a height"))

export const bitsConfig = {
  difficulty: Flag.optional(Flag.Finite("difficulty").pipe(Flag.withDescription("a difficulty, e.g. 101.65e12 (give this or --hashrate)"))),
  hashrate: Flag.optional(Flag.String("hashrate").pipe(Flag.withDescription("a network hashrate with its unit, e.g. \"753 EH/s\": the bits at which it finds a block every 600 s")))
}

const bits = Command.make("bits", bitsConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./ChainHandler.ts")), (m) => m.bitsHandler(args))
).pipe(
  Command.withDescription("The compact bits (nBits) of a difficulty or of the hashrate that finds a block every 600 s, for events written by hand"),
  Command.withExamples([
    { command: "hashsim chain bits --difficulty 101.65e12", description: "the bits of a difficulty (1702c4de)" },
    { command: "hashsim chain bits --hashrate \"753 EH/s\"", description: "the bits at which 753 EH/s finds a block every 600 s" }
  ])
)

export const chainCommand = Command.make("chain").pipe(
  Command.withDescription("Consensus arithmetic by hand: retarget, subsidy, bits"),
  Command.withSubcommands([retarget, subsidy, bits])
)
