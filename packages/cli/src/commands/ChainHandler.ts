// `hashsim chain ...`: consensus arithmetic by hand, so a user can check a retarget or a subsidy against a block explorer.
// The work of the command described in ChainCommand.ts (its arguments typed by that descriptor's config).
import {
  bitsForHashrate, bitsToDifficulty, blockSubsidy, difficultyToBits, formatBits, hashrateForBits, nextWorkRequired, parseBits, SATS_PER_BTC
} from "@hashsim/chain"
import { formatHashrateThs, parseHashrateThs } from "@hashsim/plan"
import { Console, Effect, Option } from "effect"
import type { Command } from "effect/cli"
import type { retargetConfig, subsidyConfig, bitsConfig } from "./ChainCommand.ts"
import { UsageError } from "../ExitCode.ts"

/** Runs pure chain arithmetic, turning its typed input errors into usage errors (exit 2). */
const attempt = <A>(f: () => A): Effect.Effect<A, UsageError> =>
  Effect.try({ try: f, catch: (error) => new UsageError({ message: error instanceof Error ? error.message : String(error) }) })

export const retargetHandler = ({ bits, first, last }: Command.Command.Config.Infer<typeof retargetConfig>) =>
    Effect.gen(function* () {
      const next = yield* attempt(() => nextWorkRequired({ bits: parseBits(bits, "--bits"), firstBlockTime: first, lastBlockTime: last }))
      yield* Console.log(`bits ${formatBits(next)}`)
      yield* Console.log(`difficulty ${bitsToDifficulty(next).toFixed(2)}`)
    })


export const subsidyHandler = ({ height }: Command.Command.Config.Infer<typeof subsidyConfig>) =>
    Effect.gen(function* () {
      const sats = yield* attempt(() => blockSubsidy(height))
      yield* Console.log(`subsidy ${sats} sats (${Number(sats) / Number(SATS_PER_BTC)} BTC)`)
    })


export const bitsHandler = ({ difficulty, hashrate }: Command.Command.Config.Infer<typeof bitsConfig>) =>
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


