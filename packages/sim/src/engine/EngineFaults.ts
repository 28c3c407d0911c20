// Deliberate mistakes a test can switch on to show that the statistical tests have power (each is a plausible
// bug). Read once, when a simulator is built: the aggregate engine takes the first two, the fleet's rates the next
// two, the fee model the last.

/** Never set outside tests. */
export interface EngineFaults {
  /** Aggregate: the fleet's blocks in a segment are round(N p) instead of Binomial(N, p). */
  readonly fleetCountRounded?: boolean
  /** Aggregate: the epoch's first block is taken at the second order statistic instead of the first. */
  readonly epochFirstOffByOne?: boolean
  /** Both engines: the block rate leaves out the fleet's own hashrate. */
  readonly rateIgnoresFleet?: boolean
  /** Both engines: the fleet's share of blocks is fleet / everyone else instead of fleet / network. */
  readonly fleetShareOfOthers?: boolean
  /** Fees: an observed fee level (FeesObserved) is ignored, the model's mean stays in force. */
  readonly observedFeesIgnored?: boolean
}
