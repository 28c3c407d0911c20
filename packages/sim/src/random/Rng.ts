// The one interface every sampler draws from: 32-bit words and open-interval doubles from a seeded generator.
// Hot-loop code calls these methods directly; nothing here allocates.

/** A seeded pseudo-random generator. Implementations are classes with their state in a typed array (no closures). */
export interface Rng {
  /** A uniform 32-bit unsigned integer in [0, 2^32). */
  nextU32(): number
  /**
   * A uniform double in the OPEN interval (0, 1) at 53-bit resolution: k / 2^53 for k uniform in 1 .. 2^53-1.
   * Never 0 (so -log(U) is finite) and never 1 (so log(1-U) is finite).
   */
  nextDouble(): number
}

/** 2^-53, the spacing of the doubles `nextDouble` returns. */
export const DOUBLE_UNIT = 1.1102230246251565e-16

/** 2^32: the high 21 bits of the first word are scaled by it, then the second word's 32 bits are added. */
export const TWO_POW_32 = 4294967296

/**
 * Builds the 53-bit open-interval double from two 32-bit words (hi first): k = (hi >>> 11) * 2^32 + lo, and
 * k = 0 is reported as 0 so the caller can draw again (probability 2^-53). Kept as a function for tests and
 * for generators that are not hand-written; the hand-written generators inline the same arithmetic.
 */
export const doubleFromWords = (hi: number, lo: number): number =>
  ((hi >>> 11) * TWO_POW_32 + (lo >>> 0)) * DOUBLE_UNIT
