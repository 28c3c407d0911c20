// Hashrate <-> difficulty: the network hashrate at which blocks of given bits arrive every 600 s on average.
import { DifficultyInvalidError } from "./ChainErrors.ts"
import { targetToCompact } from "./Compact.ts"
import { POW_LIMIT, TARGET_SPACING_S, TWO_POW_256 } from "./Constants.ts"
import { workForBits } from "./Work.ts"

export const HASHES_PER_THS = 1e12
export const THS_PER_PHS = 1e3
export const THS_PER_EHS = 1e6

export const thsToHashesPerS = (ths: number): number => ths * HASHES_PER_THS
export const hashesPerSToThs = (hs: number): number => hs / HASHES_PER_THS
export const ehsToThs = (ehs: number): number => ehs * THS_PER_EHS
export const thsToEhs = (ths: number): number => ths / THS_PER_EHS

/** Hashes per second at which blocks of these bits arrive every `spacingS` seconds on average. */
export const hashrateForBits = (bits: number, spacingS: number = TARGET_SPACING_S): number =>
  Number(workForBits(bits)) / spacingS

/** The compact bits at which `hashesPerS` finds a block every `spacingS` seconds on average. */
export const bitsForHashrate = (hashesPerS: number, spacingS: number = TARGET_SPACING_S): number => {
  if (!Number.isFinite(hashesPerS) || hashesPerS <= 0) {
    throw new DifficultyInvalidError("hashesPerS", `expected a finite positive number, got ${String(hashesPerS)}`)
  }
  const work = BigInt(Math.round(hashesPerS * spacingS))
  const target = work <= 1n ? POW_LIMIT : TWO_POW_256 / work - 1n
  return targetToCompact(target > POW_LIMIT ? POW_LIMIT : target)
}

/** Conventional difficulty for a hashrate: hashes per block / 2^32. */
export const difficultyForHashrate = (hashesPerS: number, spacingS: number = TARGET_SPACING_S): number =>
  (hashesPerS * spacingS) / 2 ** 32
