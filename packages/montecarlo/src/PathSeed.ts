// Per-path seeds: path i of a batch with master seed S gets seed(S, i), a pure function of (S, i) alone, so a
// path's outcome never depends on the batch size, the order, the number of workers or the shard it ran in.
//
// Derivation (documented in the README, stable across versions; changing it changes every batch):
//   key   = splitmix64(S)                              -- decorrelates neighbouring master seeds
//   state = key + (i + 1) * 0x9E3779B97F4A7C15 mod 2^64 -- the (i+1)-th state of a splitmix64 stream keyed by S
//   seed  = splitmix64(state) >> 11                    -- the top 53 bits: a decimal integer in 0 .. 2^53 - 1
// splitmix64 is Steele, Lea & Flood's finalizer (the seeding function of the xoshiro family); its output
// passes BigCrush for consecutive states, which is exactly how path indices are fed in here. The seed rule and
// splitmix64 itself are @hashsim/sim's Seed module's (one owner).
import { isValidSeed, mix64, splitmix64At } from "@hashsim/sim/seed"

/** Derives path seeds for one master seed; the master's key is mixed once, then each path costs one mix. */
export const pathSeeds = (masterSeed: number): ((pathIndex: number) => number) => {
  if (!isValidSeed(masterSeed)) throw new RangeError(`master seed must be an integer in 0..2^53-1, got ${masterSeed}`)
  const key = mix64(BigInt(masterSeed))
  return (pathIndex: number): number => {
    if (!Number.isSafeInteger(pathIndex) || pathIndex < 0) throw new RangeError(`path index must be a non-negative integer, got ${pathIndex}`)
    return Number(splitmix64At(key, BigInt(pathIndex) + 1n) >> 11n)
  }
}

/** The seed of path `pathIndex` (counted from 0) in a batch with master seed `masterSeed`. */
export const pathSeed = (masterSeed: number, pathIndex: number): number => pathSeeds(masterSeed)(pathIndex)
