// The per-path result Monte Carlo needs, filled by the simulator without building any event: totals over the
// horizon, payback, NPV, and BTC mined and net margin per calendar month. Equal to what @hashsim/ledger's report
// computes from the same run's complete log (tested).

export interface PathOutcome {
  /** Net satoshis credited to the treasury (after pool fees). */
  minedSats: number
  /** Each credit valued at the BTC price in effect when it was credited, half-even to the cent per credit. */
  revenueUsdCents: number
  hostingCostUsdCents: number
  /** Curtailment plus SLA credits. */
  creditsUsdCents: number
  poolFeeSats: number
  /** revenue - hosting + credits. */
  netMarginUsdCents: number
  /** (hosting - credits) per BTC mined; NaN when nothing was mined. */
  cashCostPerBtcUsdCents: number
  /** cash cost plus capex spread evenly over each lot's life (the part of it inside the horizon), per BTC; NaN when nothing was mined. */
  allInCostPerBtcUsdCents: number
  /** First day whose cumulative net margin reaches total capex, `YYYY-MM-DD`; undefined within the horizon otherwise. */
  paybackDate: string | undefined
  /** Whole days from the start day to the payback day; NaN without payback. */
  paybackDays: number
  /**
   * The treasury's cash flows discounted at the scenario's rate from the start: sale proceeds less hosting plus
   * credits less capex, each on its day, plus the BTC still held at the horizon's end price, on the last day.
   */
  npvUsdCents: number
  /** Credited minus sold. */
  btcHeldSats: number
  /** BTC sold over the horizon (the sales policy's and recorded sales) and their proceeds. */
  btcSoldSats: number
  saleProceedsUsdCents: number
  /** The BTC price in force at the horizon's end (the last day's). */
  endPriceUsdCents: number
  /** btcHeldSats at the end price, half-even to the cent. */
  btcHeldValueUsdCents: number
  /** Cash from operations: sale proceeds - hosting + credits (capex is not in it). */
  operatingCashUsdCents: number
  /** The position at the end: operating cash + BTC held at the end price - capex. */
  positionValueUsdCents: number
  /** The path's sampled Monte Carlo parameters: drift adjustments a year (price, others' hashrate) and fee level. */
  priceDriftAdjPerYear: number
  otherHashrateDriftAdjPerYear: number
  feeLevel: number
  /** Site-days the operating policy switched off. */
  siteDaysOff: number
  /** Fleet online / network hashrate at the end of the horizon. */
  fleetShareEnd: number
  /** `YYYY-MM` of every month the horizon touches. */
  months: ReadonlyArray<string>
  minedSatsByMonth: Float64Array
  netMarginUsdCentsByMonth: Float64Array
  /** Per month: the mean of its days' hashprice (USD/PH/day), the price and BTC held at its close, BTC sold in it. */
  hashpriceUsdPerPhDayByMonth: Float64Array
  priceUsdCentsByMonth: Float64Array
  btcHeldSatsByMonth: Float64Array
  btcSoldSatsByMonth: Float64Array
}

/** The scalar metrics in their column order (outcome tables put per-month columns after these). */
export const OUTCOME_METRICS = [
  "minedSats",
  "revenueUsdCents",
  "hostingCostUsdCents",
  "creditsUsdCents",
  "poolFeeSats",
  "netMarginUsdCents",
  "cashCostPerBtcUsdCents",
  "allInCostPerBtcUsdCents",
  "paybackDate",
  "paybackDays",
  "npvUsdCents",
  "btcHeldSats",
  "fleetShareEnd",
  "btcSoldSats",
  "saleProceedsUsdCents",
  "endPriceUsdCents",
  "btcHeldValueUsdCents",
  "operatingCashUsdCents",
  "positionValueUsdCents",
  "priceDriftAdjPerYear",
  "otherHashrateDriftAdjPerYear",
  "feeLevel",
  "siteDaysOff"
] as const

export type OutcomeMetric = (typeof OUTCOME_METRICS)[number]

/** An empty outcome for a horizon of these months (reused across paths by a PathSimulator). */
export const emptyOutcome = (months: ReadonlyArray<string>): PathOutcome => ({
  minedSats: 0,
  revenueUsdCents: 0,
  hostingCostUsdCents: 0,
  creditsUsdCents: 0,
  poolFeeSats: 0,
  netMarginUsdCents: 0,
  cashCostPerBtcUsdCents: Number.NaN,
  allInCostPerBtcUsdCents: Number.NaN,
  paybackDate: undefined,
  paybackDays: Number.NaN,
  npvUsdCents: 0,
  btcHeldSats: 0,
  fleetShareEnd: 0,
  btcSoldSats: 0,
  saleProceedsUsdCents: 0,
  endPriceUsdCents: 0,
  btcHeldValueUsdCents: 0,
  operatingCashUsdCents: 0,
  positionValueUsdCents: 0,
  priceDriftAdjPerYear: 0,
  otherHashrateDriftAdjPerYear: 0,
  feeLevel: 1,
  siteDaysOff: 0,
  months,
  minedSatsByMonth: new Float64Array(months.length),
  netMarginUsdCentsByMonth: new Float64Array(months.length),
  hashpriceUsdPerPhDayByMonth: new Float64Array(months.length),
  priceUsdCentsByMonth: new Float64Array(months.length),
  btcHeldSatsByMonth: new Float64Array(months.length),
  btcSoldSatsByMonth: new Float64Array(months.length)
})

/** A copy that shares nothing with `o` (for callers that keep outcomes of several paths). */
export const copyOutcome = (o: PathOutcome): PathOutcome => ({
  ...o,
  minedSatsByMonth: Float64Array.from(o.minedSatsByMonth),
  netMarginUsdCentsByMonth: Float64Array.from(o.netMarginUsdCentsByMonth),
  hashpriceUsdPerPhDayByMonth: Float64Array.from(o.hashpriceUsdPerPhDayByMonth),
  priceUsdCentsByMonth: Float64Array.from(o.priceUsdCentsByMonth),
  btcHeldSatsByMonth: Float64Array.from(o.btcHeldSatsByMonth),
  btcSoldSatsByMonth: Float64Array.from(o.btcSoldSatsByMonth)
})
