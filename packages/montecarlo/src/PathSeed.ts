// Per-path seeds: path i of a batch with master seed S gets seed(S, i), a pure function of (S, i) alone, so a
// path's outcome never depends on the batch size, the order, the number of workers or the shard it ran in.
//
// Derivation (documented in the README, stable across versions; changing it changes every batch):
//   key   = splitmix64(S)                              -- decorrelates neighbouring master seeds
//   state = key + (i + 1) * 0x9E3779B97F4A7C15 mod 2^64 -- the (i+1)-th state of a splitmix64 stream keyed by S
//   seed  = splitmix64(state) >> 11                    -- the top 53 bits: a decimal integer in 0 .. 2^53 - 1
// splitmix64 is Steele, Lea & Flood's finalizer (the seeding function of the xoshiro family); its output
// passes BigCrush for consecutive states, which is exactly how path indices are fed in here.

const MASK64 = (1n << 64n) - 1n
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n

/** Largest seed the contract allows (2^53 - 1): every seed is exact as a JavaScript number. */
export const maxSeed = Number.MAX_SAFE_INTEGER

/** The splitmix64 finalizer over 64-bit unsigned integers (bigint). */
export const splitmix64 = (z0: bigint): bigint => {
  let z = z0 & MASK64
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64
  return z ^ (z >> 31n)
}

/** True for an integer seed in 0 .. 2^53 - 1. */
export const isValidSeed = (seed: number): boolean => Number.isSafeInteger(seed) && seed >= 0

/** Derives path seeds for one master seed; the master's key is mixed once, then each path costs one mix. */
export const pathSeeds = (masterSeed: number): ((pathIndex: number) => number) => {
  if (!isValidSeed(masterSeed)) throw new RangeError(`master seed must be an integer in 0..2^53-1, got ${masterSeed}`)
  const key = splitmix64(BigInt(masterSeed))
  return (pathIndex: number): number => {
    if (!Number.isSafeInteger(pathIndex) || pathIndex < 0) throw new RangeError(`path index must be a non-negative integer, got ${pathIndex}`)
    const state = (key + (BigInt(pathIndex) + 1n) * GOLDEN_GAMMA) & MASK64
    return Number(splitmix64(state) >> 11n)
  }
}

/** The seed of path `pathIndex` (counted from 0) in a batch with master seed `masterSeed`. */
export const pathSeed = (masterSeed: number, pathIndex: number): number => pathSeeds(masterSeed)(pathIndex)
