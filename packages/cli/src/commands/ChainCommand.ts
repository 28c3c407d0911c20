// `hashsim chain ...`: consensus arithmetic by hand, so a user can check a retarget or a subsidy against a block explorer.
import { bitsToDifficulty, blockSubsidy, formatBits, nextWorkRequired, parseBits, SATS_PER_BTC } from "@hashsim/chain"
import { Console, Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { UsageError } from "../ExitCode.ts"

/** Runs pure chain arithmetic, turning its typed input errors into usage errors (exit 2). */
const attempt = <A>(f: () => A): Effect.Effect<A, UsageError> =>
  Effect.try({ try: f, catch: (error) => new UsageError({ message: error instanceof Error ? error.message : String(error) }) })

const retarget = Command.make(
  "retarget",
  {
    bits: Flag.String("bits").pipe(Flag.withDescription("nBits of the epoch's last block, hex (e.g. 1704ed7f)")),
    first: Flag.Int("first").pipe(Flag.withDescription("header time of the epoch's first block (Unix seconds)")),
    last: Flag.Int("last").pipe(Flag.withDescription("header time of the epoch's last block (Unix seconds)"))
  },
  ({ bits, first, last }) =>
    Effect.gen(function* () {
      const next = yield* attempt(() => nextWorkRequired({ bits: parseBits(bits, "--bits"), firstBlockTime: first, lastBlockTime: last }))
      yield* Console.log(`bits ${formatBits(next)}`)
      yield* Console.log(`difficulty ${bitsToDifficulty(next).toFixed(2)}`)
    })
).pipe(Command.withDescription("The mainnet retarget: new bits and difficulty from the old bits and the epoch's first and last block times"))

const subsidy = Command.make(
  "subsidy",
  { height: Flag.Int("height").pipe(Flag.withDescription("block height")) },
  ({ height }) =>
    Effect.gen(function* () {
      const sats = yield* attempt(() => blockSubsidy(height))
      yield* Console.log(`subsidy ${sats} sats (${Number(sats) / Number(SATS_PER_BTC)} BTC)`)
    })
).pipe(Command.withDescription("The block subsidy at a height"))

export const chainCommand = Command.make("chain").pipe(
  Command.withDescription("Consensus arithmetic by hand: retarget, subsidy"),
  Command.withSubcommands([retarget, subsidy])
)
