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
  /** Daily net margins discounted at the scenario's rate from the start, less capex discounted from its purchase. */
  npvUsdCents: number
  /** Credited minus sold. */
  btcHeldSats: number
  /** Fleet online / network hashrate at the end of the horizon. */
  fleetShareEnd: number
  /** `YYYY-MM` of every month the horizon touches. */
  months: ReadonlyArray<string>
  minedSatsByMonth: Float64Array
  netMarginUsdCentsByMonth: Float64Array
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
  "fleetShareEnd"
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
  months,
  minedSatsByMonth: new Float64Array(months.length),
  netMarginUsdCentsByMonth: new Float64Array(months.length)
})

/** A copy that shares nothing with `o` (for callers that keep outcomes of several paths). */
export const copyOutcome = (o: PathOutcome): PathOutcome => ({
  ...o,
  minedSatsByMonth: Float64Array.from(o.minedSatsByMonth),
  netMarginUsdCentsByMonth: Float64Array.from(o.netMarginUsdCentsByMonth)
})
