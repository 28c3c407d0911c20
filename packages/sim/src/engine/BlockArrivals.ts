// What the two engines share: the interface the day loop drives (one engine object is chosen per run, so nothing
// in the hot path asks which one runs) and the hooks they call back at a retarget, a halving and a solo payout.
import type { SimSink } from "../sinks/SimSink.ts"
import type { BASIS_BLOCK, BASIS_BLOCKS } from "../sinks/SimSink.ts"

export interface BlockArrivals {
  /**
   * Per path, once the chain is set: the engine's streams and first budgets. `log`: a complete log is written
   * (every block is counted); `needFleetDraws`: the fleet's blocks matter to money on this path (solo).
   */
  reset(seed: number, log: SimSink | null, needFleetDraws: boolean): void
  /** The blocks of the constant-rate stretch [a, b). */
  advance(a: number, b: number): void
  /** The chain was set from observed history (a retarget or a block): arrivals continue from the new tip. */
  resync(): void
  /** The day closes at `stamp` (its last second). */
  closeDay(stamp: number): void
}

/** The simulator's side of the chain's boundaries and of solo payouts. */
export interface EngineHooks {
  /** The epoch's last block was mined at `t`. */
  retarget(t: number): void
  /** The era's last block was mined at `t`. */
  halving(t: number): void
  /** The fleet found `grossSats` solo (one block at `height`, or a day's blocks with height -1). */
  creditSolo(t: number, grossSats: number, height: number, basis: typeof BASIS_BLOCK | typeof BASIS_BLOCKS): void
}
