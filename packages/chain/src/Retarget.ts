// The mainnet difficulty retarget (Core's CalculateNextWorkRequired), every 2016 blocks.
import { requireHeight, requireTimestamp } from "./ChainErrors.ts"
import { targetToCompact, validTargetOf } from "./Compact.ts"
import { POW_LIMIT, RETARGET_INTERVAL, TARGET_TIMESPAN_S, TWO_POW_256 } from "./Constants.ts"

export interface RetargetInput {
  /** nBits of the epoch's last block. */
  readonly bits: number
  /** Header time of the epoch's first block (height - 2016). */
  readonly firstBlockTime: number
  /** Header time of the epoch's last block (height - 1). */
  readonly lastBlockTime: number
}

export const MIN_TIMESPAN_S = TARGET_TIMESPAN_S / 4
export const MAX_TIMESPAN_S = TARGET_TIMESPAN_S * 4

/** The timespan the retarget uses: last - first (2015 intervals, as Core measures), clamped to a factor of 4. */
export const clampedTimespan = (firstBlockTime: number, lastBlockTime: number): number => {
  const actual = requireTimestamp(lastBlockTime, "lastBlockTime") - requireTimestamp(firstBlockTime, "firstBlockTime")
  return Math.min(MAX_TIMESPAN_S, Math.max(MIN_TIMESPAN_S, actual))
}

/**
 * The new target before compact encoding: old x timespan / 1209600 (integer division, in 256-bit arithmetic
 * like Core's arith_uint256), capped at powLimit.
 */
export const nextTarget = (input: RetargetInput): bigint => {
  const old = validTargetOf(input.bits)
  const timespan = BigInt(clampedTimespan(input.firstBlockTime, input.lastBlockTime))
  const next = ((old * timespan) % TWO_POW_256) / BigInt(TARGET_TIMESPAN_S)
  return next > POW_LIMIT ? POW_LIMIT : next
}

/** The compact bits of the epoch after `input`'s. */
export const nextWorkRequired = (input: RetargetInput): number => targetToCompact(nextTarget(input))

/** Whether a block at this height starts a new retarget epoch (genesis does not). */
export const isRetargetHeight = (height: number): boolean =>
  requireHeight(height) > 0 && height % RETARGET_INTERVAL === 0
