// The outcome columns of a simulated path, in the order outcomes.csv lists them, and the mapping from the
// simulator's per-path outcome to one row of numbers. Kept apart from the simulator call so it is testable alone.
import type { OutcomeColumn } from "./PathRunner.ts"
import { isoToEpochDay } from "./OutcomeCell.ts"

/** What the simulator reports for one path (the shape of @hashsim/sim's path outcome). */
export interface PathOutcomeLike {
  readonly minedSats: number
  readonly revenueUsdCents: number
  readonly hostingCostUsdCents: number
  readonly creditsUsdCents: number
  readonly poolFeeSats: number
  readonly netMarginUsdCents: number
  /** NaN (or undefined) when nothing was mined. */
  readonly cashCostPerBtcUsdCents: number | undefined
  readonly allInCostPerBtcUsdCents: number | undefined
  /** YYYY-MM-DD, undefined without payback within the horizon. */
  readonly paybackDate: string | undefined
  /** NaN (or undefined) without payback. */
  readonly paybackDays: number | undefined
  readonly npvUsdCents: number
  readonly btcHeldSats: number
  readonly fleetShareEnd: number
  readonly btcSoldSats: number
  readonly saleProceedsUsdCents: number
  readonly endPriceUsdCents: number
  readonly btcHeldValueUsdCents: number
  readonly operatingCashUsdCents: number
  readonly positionValueUsdCents: number
  /** The path's sampled parameters (Monte Carlo's uncertainty draws). */
  readonly priceDriftAdjPerYear: number
  readonly otherHashrateDriftAdjPerYear: number
  readonly feeLevel: number
  readonly siteDaysOff: number
  /** Calendar months of the horizon, YYYY-MM. */
  readonly months: ReadonlyArray<string>
  readonly minedSatsByMonth: ArrayLike<number>
  readonly netMarginUsdCentsByMonth: ArrayLike<number>
  readonly hashpriceUsdPerPhDayByMonth: ArrayLike<number>
  readonly priceUsdCentsByMonth: ArrayLike<number>
  readonly btcHeldSatsByMonth: ArrayLike<number>
  readonly btcSoldSatsByMonth: ArrayLike<number>
}

/** Path-level metrics, in CSV order; every name carries its unit. */
export const pathMetricNames = [
  "minedSats", "revenueUsdCents", "hostingCostUsdCents", "creditsUsdCents", "poolFeeSats", "netMarginUsdCents",
  "cashCostPerBtcUsdCents", "allInCostPerBtcUsdCents", "paybackDate", "paybackDays", "npvUsdCents", "btcHeldSats",
  "fleetShareEnd", "btcSoldSats", "saleProceedsUsdCents", "endPriceUsdCents", "btcHeldValueUsdCents",
  "operatingCashUsdCents", "positionValueUsdCents", "priceDriftAdjPerYear", "otherHashrateDriftAdjPerYear", "feeLevel",
  "siteDaysOff"
] as const

/** Per-month series, in CSV order after the path metrics (`<name>:<YYYY-MM>`, one column a month each). */
export const monthSeriesNames = [
  "minedSats", "netMarginUsdCents", "hashpriceUsdPerPhDay", "priceUsdCents", "btcHeldSats", "btcSoldSats"
] as const

/** Every column for a horizon with these calendar months. */
export const outcomeColumns = (months: ReadonlyArray<string>): Array<OutcomeColumn> => [
  ...pathMetricNames.map((name) => ({ name, kind: name === "paybackDate" ? ("date" as const) : ("number" as const) })),
  ...monthSeriesNames.flatMap((series) => months.map((month) => ({ name: `${series}:${month}`, kind: "number" as const })))
]

const orNaN = (x: number | undefined): number => (x === undefined || !Number.isFinite(x) ? Number.NaN : x)

/** Writes an outcome into `out` in the order of `outcomeColumns(outcome.months)`. */
export const writeOutcomeRow = (outcome: PathOutcomeLike, out: Float64Array): void => {
  out[0] = outcome.minedSats
  out[1] = outcome.revenueUsdCents
  out[2] = outcome.hostingCostUsdCents
  out[3] = outcome.creditsUsdCents
  out[4] = outcome.poolFeeSats
  out[5] = outcome.netMarginUsdCents
  out[6] = orNaN(outcome.cashCostPerBtcUsdCents)
  out[7] = orNaN(outcome.allInCostPerBtcUsdCents)
  out[8] = outcome.paybackDate === undefined ? Number.NaN : isoToEpochDay(outcome.paybackDate)
  out[9] = orNaN(outcome.paybackDays)
  out[10] = outcome.npvUsdCents
  out[11] = outcome.btcHeldSats
  out[12] = outcome.fleetShareEnd
  out[13] = outcome.btcSoldSats
  out[14] = outcome.saleProceedsUsdCents
  out[15] = outcome.endPriceUsdCents
  out[16] = outcome.btcHeldValueUsdCents
  out[17] = outcome.operatingCashUsdCents
  out[18] = outcome.positionValueUsdCents
  out[19] = outcome.priceDriftAdjPerYear
  out[20] = outcome.otherHashrateDriftAdjPerYear
  out[21] = outcome.feeLevel
  out[22] = outcome.siteDaysOff
  const m = outcome.months.length
  const base = pathMetricNames.length
  const series = [
    outcome.minedSatsByMonth, outcome.netMarginUsdCentsByMonth, outcome.hashpriceUsdPerPhDayByMonth,
    outcome.priceUsdCentsByMonth, outcome.btcHeldSatsByMonth, outcome.btcSoldSatsByMonth
  ]
  for (let k = 0; k < series.length; k++) {
    const values = series[k]!
    for (let i = 0; i < m; i++) out[base + k * m + i] = orNaN(values[i])
  }
}
