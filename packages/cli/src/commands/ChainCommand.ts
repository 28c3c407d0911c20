// `hashsim chain ...`: consensus arithmetic by hand, so a user can check a retarget or a subsidy against a block explorer.
import {
  bitsForHashrate, bitsToDifficulty, blockSubsidy, difficultyToBits, formatBits, hashrateForBits, nextWorkRequired, parseBits, SATS_PER_BTC
} from "@hashsim/chain"
import { formatHashrateThs, parseHashrateThs } from "@hashsim/plan"
import { Console, Effect, Option } from "effect"
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

const bits = Command.make(
  "bits",
  {
    difficulty: Flag.optional(Flag.Finite("difficulty").pipe(Flag.withDescription("a difficulty, e.g. 101.65e12 (give this or --hashrate)"))),
    hashrate: Flag.optional(Flag.String("hashrate").pipe(Flag.withDescription("a network hashrate with its unit, e.g. \"753 EH/s\": the bits at which it finds a block every 600 s")))
  },
  ({ difficulty, hashrate }) =>
    Effect.gen(function* () {
      if (Option.isSome(difficulty) === Option.isSome(hashrate)) {
        return yield* new UsageError({ message: "give one of --difficulty or --hashrate" })
      }
      const result = yield* attempt(() =>
        Option.isSome(difficulty) ? difficultyToBits(difficulty.value) : bitsForHashrate(parseHashrateThs(Option.getOrThrow(hashrate)) * 1e12)
      )
      yield* Console.log(`bits ${formatBits(result)}`)
      yield* Console.log(`difficulty ${bitsToDifficulty(result).toFixed(2)}`)
      yield* Console.log(`hashrate ${formatHashrateThs(Math.round(hashrateForBits(result) / 1e12))} (a block every 600 s at these bits)`)
    })
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
