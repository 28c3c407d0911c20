// What the chain data files say, once read: observed epochs, block headers, per-block fees and fee spans.
import type { Origin } from "./DataProblem.ts"

/** One retarget epoch `[retargetHeight - 2016, retargetHeight - 1]`, as a retarget row or a run of headers gives it. */
export interface EpochRecord {
  /** The first height of the next epoch (a multiple of 2016). */
  readonly retargetHeight: number
  readonly firstBlockTimeS: number
  readonly lastBlockTimeS: number
  /** The epoch's bits. */
  readonly oldBits: number
  /** The next epoch's bits. */
  readonly newBits: number
  /** Header time of the next epoch's first block, when the data gives it. */
  readonly nextFirstBlockTimeS: number | undefined
  readonly origin: Origin
}

/** A block header's consensus fields (a headers CSV row or a `getblockheader` line). */
export interface HeaderRecord {
  readonly height: number
  readonly timeS: number
  readonly bits: number
  readonly origin: Origin
}

/** A block's fees (a `getblockstats` line). */
export interface BlockFeesRecord {
  readonly height: number
  readonly timeS: number
  readonly totalFeeSats: bigint
  readonly origin: Origin
}

/** Fees of the blocks mined in `[fromS, untilS)`: their count and total, exact. */
export interface FeeSpanRecord {
  readonly fromS: number
  readonly untilS: number
  readonly blocks: number
  readonly totalFeesSats: bigint
  /** What the span is, for the event's reference (e.g. `2024-11: 4363 blocks, 436.237659 BTC`). */
  readonly label: string
  readonly origin: Origin
}
