// Difficulty, the human-facing measure of a target: powLimit / target, difficulty 1 = compact 0x1d00ffff.
import { DifficultyInvalidError, requireBits } from "./ChainErrors.ts"
import { compactToTarget, targetToCompact } from "./Compact.ts"
import { POW_LIMIT } from "./Constants.ts"

/** Bitcoin Core's GetDifficulty, in the same double arithmetic (so it matches `getdifficulty` digit for digit). */
export const bitsToDifficulty = (bits: number): number => {
  requireBits(bits)
  let shift = (bits >>> 24) & 0xff
  let difficulty = 0x0000ffff / (bits & 0x00ffffff)
  while (shift < 29) {
    difficulty *= 256.0
    shift++
  }
  while (shift > 29) {
    difficulty /= 256.0
    shift--
  }
  return difficulty
}

/** The exact value of a finite positive double as numerator / 2^exponent (both bigint). */
const exactRatio = (value: number): { readonly numerator: bigint; readonly shift: bigint } => {
  let shift = 0n
  let scaled = value
  while (!Number.isInteger(scaled)) {
    scaled *= 2
    shift++
  }
  return { numerator: BigInt(scaled), shift }
}

/**
 * The compact bits whose target is nearest to powLimit / d, computed exactly from the double d (d >= 1).
 * Nearest, not floor: a difficulty printed from bits is rounded, and must map back to the same bits.
 */
export const difficultyToBits = (difficulty: number): number => {
  if (!Number.isFinite(difficulty) || difficulty < 1) {
    throw new DifficultyInvalidError("difficulty", `expected a finite number >= 1, got ${String(difficulty)}`)
  }
  const { numerator, shift } = exactRatio(difficulty)
  const scaledPowLimit = POW_LIMIT << shift // the ideal target is scaledPowLimit / numerator
  const below = targetToCompact(scaledPowLimit / numerator)
  const belowTarget = compactToTarget(below).target
  const unit = 1n << BigInt(8 * Math.max(0, (below >>> 24) - 3))
  const aboveTarget = belowTarget + unit
  if (aboveTarget > POW_LIMIT) return below
  const distance = (target: bigint): bigint => {
    const d = target * numerator - scaledPowLimit
    return d < 0n ? -d : d
  }
  return distance(aboveTarget) < distance(belowTarget) ? targetToCompact(aboveTarget) : below
}
