// What an engine's aggregate form has mined since it last reported: the period's summary for a log (one
// BlocksMined) and the day's solo gross for the pool. The generating AggregateEngine and ObservedArrivals (inside an
// observed stretch) each keep one, so the rule of what is summed, when it is reported and when it starts again lives
// here once. All sums are integer sats and block counts (exact).
import type { ChainClock } from "../chain/ChainClock.ts"
import type { Pool } from "../pool/Pool.ts"
import { BASIS_BLOCKS, type SimSink } from "../sinks/SimSink.ts"
import type { EngineHooks } from "./BlockArrivals.ts"

export class MinedTally {
  /** The first height the next BlocksMined covers. */
  firstHeight = 0
  private fleetBlocks = 0
  private subsidySats = 0
  private feesSats = 0
  private daySoloGrossSats = 0

  constructor(
    private readonly chain: ChainClock,
    private readonly pool: Pool,
    private readonly hooks: EngineHooks
  ) {}

  /** A new path: nothing mined yet, the next period starts after the chain's tip. */
  reset(): void {
    this.firstHeight = this.chain.height + 1
    this.fleetBlocks = 0
    this.subsidySats = 0
    this.feesSats = 0
    this.daySoloGrossSats = 0
  }

  /** The fleet mined `fleet` blocks at the current subsidy with `feesSats` of fees between them. */
  add(fleet: number, feesSats: number): void {
    const subsidySats = this.chain.subsidySats
    this.fleetBlocks += fleet
    this.subsidySats += fleet * subsidySats
    this.feesSats += feesSats
    if (this.pool.solo) this.daySoloGrossSats += fleet * subsidySats + feesSats
  }

  /** The period's summary (BlocksMined up to the chain's tip) goes to the log at `t`; the next period starts. */
  flushPeriod(log: SimSink, t: number): void {
    const height = this.chain.height
    log.blocksMined(t, this.firstHeight, height, this.fleetBlocks, this.subsidySats, this.feesSats)
    this.firstHeight = height + 1
    this.fleetBlocks = 0
    this.subsidySats = 0
    this.feesSats = 0
  }

  /** The solo gross mined since the last credit is credited at `t` (a day's close, or the hand-over). */
  creditSolo(t: number): void {
    if (this.daySoloGrossSats > 0) this.hooks.creditSolo(t, this.daySoloGrossSats, -1, BASIS_BLOCKS)
    this.daySoloGrossSats = 0
  }
}
