// The one owner of seeds: what a seed is (a decimal integer 0 .. 2^53-1, the README's and DESIGN.md's rule, the
// same for every command), its check, its parse from text, and splitmix64, the mixer every seed derivation uses
// (stream states here, path seeds in @hashsim/montecarlo). Setup-time code only; BigInt is fine.

const MASK64 = (1n << 64n) - 1n
/** splitmix64's increment: 2^64 / golden ratio, odd. */
export const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n

/** The largest seed: seeds are decimal integers 0 .. 2^53 - 1 (DESIGN.md, Contracts), exact as JavaScript numbers. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER

/** The rule in words, for messages: every command that takes a seed says the same. */
export const SEED_RULE = "a decimal integer from 0 to 2^53-1 (9007199254740991)"

/** A seed outside 0 .. 2^53-1, or not an integer. */
export class SeedInvalidError extends Error {
  readonly _tag = "SeedInvalidError"
  constructor(readonly seed: number) {
    super(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`)
    this.name = "SeedInvalidError"
  }
}

/** True for an integer seed in 0 .. 2^53-1. */
export const isValidSeed = (seed: number): boolean => Number.isSafeInteger(seed) && seed >= 0

/** Throws SeedInvalidError unless `seed` is an integer in 0 .. 2^53-1. */
export const checkSeed = (seed: number): void => {
  if (!isValidSeed(seed)) throw new SeedInvalidError(seed)
}

/**
 * The seed a text names, or undefined: only plain decimal digits without a sign, spaces, leading zeros, exponent or
 * fraction ("0", "42", "9007199254740991"); anything else ("1e3", "-1", " 1", "01", "2^53") is not a seed.
 */
export const parseSeed = (text: string): number | undefined => {
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text)) return undefined
  const n = Number(text)
  return isValidSeed(n) ? n : undefined
}

/** The splitmix64 finaliser (Stafford's variant 13): a bijection on 64-bit words with full avalanche. */
export const mix64 = (x: bigint): bigint => {
  let z = x & MASK64
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64
  return z ^ (z >> 31n)
}

/** The i-th output (i from 1) of splitmix64 started at `state`: mix64(state + i x GOLDEN_GAMMA mod 2^64). */
export const splitmix64At = (state: bigint, i: number | bigint): bigint =>
  mix64((state + BigInt(i) * GOLDEN_GAMMA) & MASK64)
