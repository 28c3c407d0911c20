// What a simulation run reports as it goes, as plain calls with numbers (no event objects): the outcome sink
// (every run) folds them into a PathOutcome, the log sink (a run for a complete log) turns each into a ledger
// event. Times are simulated seconds (fractional for blocks); the log sink floors them to the second.

export const BASIS_BLOCK = 0
export const BASIS_BLOCKS = 1
export const BASIS_FPPS = 2
export type RewardBasisCode = typeof BASIS_BLOCK | typeof BASIS_BLOCKS | typeof BASIS_FPPS

export interface SimSink {
  /** A plan event of the scenario reaches its time (index into ScenarioPlan.events). */
  planEvent(eventIndex: number): void
  marketStepped(tS: number, priceUsdCents: number, otherHashrateThs: number, uptimeFraction: number): void
  /**
   * Block engine: a fleet block (and, with `everyBlock`, every network block) at `tS`, its header time `blockTimeS`
   * (floor(tS) for a generated block; inside an observed stretch, an observed header time where one is known).
   */
  blockFound(tS: number, height: number, fleet: boolean, subsidySats: number, feesSats: number, blockTimeS: number): void
  /** Aggregate engine: the day's summary of network heights covered and the fleet's blocks among them. */
  blocksMined(tS: number, firstHeight: number, lastHeight: number, fleetBlocks: number, subsidySats: number, feesSats: number): void
  difficultyAdjusted(tS: number, height: number, oldBits: number, newBits: number, firstBlockTimeS: number, lastBlockTimeS: number): void
  halvingReached(tS: number, height: number, subsidySats: number): void
  /** A reward reaches the treasury (`height` -1 when it is not one block's); `priceUsdCents` is the price in effect. */
  rewardCredited(tS: number, amountSats: number, poolFeeSats: number, basis: RewardBasisCode, height: number, priceUsdCents: number): void
  /** `takeOrPayKwh`: energy billed under a take-or-pay minimum beyond what was drawn (0 without). */
  hostingFeeCharged(tS: number, contractIndex: number, dayIndex: number, energyKwh: number, amountUsdCents: number, takeOrPayKwh: number): void
  curtailmentCredited(tS: number, contractIndex: number, dayIndex: number, curtailedKwh: number, amountUsdCents: number): void
  slaCredited(tS: number, contractIndex: number, dayIndex: number, shortfallKwh: number, amountUsdCents: number): void
  btcSold(tS: number, amountSats: number, priceUsdCents: number, proceedsUsdCents: number): void
  /** A random curtailment window (Monte Carlo's `market.curtailment`) starts or ends at a site. */
  curtailmentStarted(tS: number, siteIndex: number, fraction: number): void
  curtailmentEnded(tS: number, siteIndex: number): void
  /** A lot's price is spent (its HashratePurchased reaches its time). */
  capexSpent(tS: number, lotIndex: number, priceUsdCents: number): void
  /** Day `dayIndex` closes at `tS` (its last second), after its credits and invoices. */
  dayClosed(tS: number, dayIndex: number): void
  /** The operating policy switched a site off (`running` false) or on, on the day's hashprice and its threshold. */
  fleetSwitched(tS: number, siteIndex: number, running: boolean, hashpriceUsdPerPhDay: number, thresholdUsdPerPhDay: number): void
  /** The horizon ends: the fleet's share of the network, the BTC held then and the price in force. */
  pathEnded(tS: number, fleetShare: number, heldSats: number, endPriceUsdCents: number): void
}
