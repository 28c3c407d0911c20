// The flags every batch command shares (mc, compare, sweep, breakeven): counts, the master seed, worker threads.
import { availableParallelism } from "node:os"
import { parseSeed, SEED_RULE } from "@hashsim/sim"
import { Effect, Option } from "effect"
import { UsageError } from "./ExitCode.ts"

/** A whole number from `min` (decimal, or with an exponent like 1e6), within 2^53 - 1: a count, such as --paths. */
export const parseWhole = (flag: string, text: string, min: number): number => {
  const trimmed = text.trim()
  const value = /^[0-9]+$/.test(trimmed) || /^[0-9]+(\.[0-9]+)?e[0-9]+$/i.test(trimmed) ? Number(trimmed) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError({ message: `${flag} must be a whole number from ${min}, got "${text}"` })
  }
  return value
}

/** The master seed: the one seed rule of every command (@hashsim/sim's Seed module), not a count's looser one. */
export const parseMasterSeed = (text: string): number => {
  const seed = parseSeed(text)
  if (seed === undefined) throw new UsageError({ message: `--seed must be ${SEED_RULE}, got ${JSON.stringify(text)}` })
  return seed
}

export const usage = <A>(f: () => A): Effect.Effect<A, UsageError> =>
  Effect.try({
    try: f,
    catch: (error) => (error instanceof UsageError ? error : new UsageError({ message: error instanceof Error ? error.message : String(error) }))
  })

/** --workers: default all cores; more than the cores is clamped (threads beyond them only cost memory), and said so. */
export const workersOf = (option: Option.Option<number>): Effect.Effect<number, UsageError> =>
  Effect.gen(function* () {
    const cores = availableParallelism()
    const asked = Option.isSome(option) ? option.value : cores
    if (!Number.isSafeInteger(asked) || asked < 1) return yield* new UsageError({ message: `--workers must be a whole number from 1, got ${asked}` })
    if (asked > cores) process.stderr.write(`hashsim: --workers ${asked} is more than this machine's ${cores} cores; using ${cores}\n`)
    return Math.min(asked, cores)
  })
