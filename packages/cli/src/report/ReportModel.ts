// What a report shows, as plain data: the HTML page is rendered from these view models only, so the page can be
// built and checked (in Node and in a browser) from a fixture long before or independently of the simulator.

/** A small table of strings, e.g. the lots bought or the market model, shown as stated in the scenario. */
export interface AssumptionTable {
  readonly title: string
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

/** Where the numbers come from, so a printed copy explains itself. */
export interface ReportMeta {
  readonly scenarioName: string
  /** Lowercase hex SHA-256 of the scenario's bytes, when known. */
  readonly scenarioSha256: string | null
  /** The seed(s) in words: "path seed 42" or "master seed 7 (paths 0-99)". */
  readonly seeds: string
  readonly engine: string
  readonly hashsimVersion: string
  readonly modelVersion: string | null
  /** The file or folder the report was built from (as given on the command line). */
  readonly input: string
  /** First day shown and the horizon's end (exclusive), YYYY-MM-DD. */
  readonly fromDay: string
  readonly untilDay: string
  readonly assumptions: ReadonlyArray<AssumptionTable>
  /** How derived numbers were computed (e.g. what "expected" means), one sentence each. */
  readonly notes: ReadonlyArray<string>
}

/** One figure in the row of headline tiles at the top. */
export interface Headline {
  readonly label: string
  readonly value: string
  readonly detail?: string
}

/** Something that happened on a day, drawn as a vertical marker on the time axis. */
export interface DayMarker {
  /** YYYY-MM-DD */
  readonly day: string
  readonly label: string
}

export interface RetargetPoint {
  /** YYYY-MM-DD of the first block of the new epoch. */
  readonly day: string
  readonly height: number
  readonly difficulty: number
  /** New difficulty / old difficulty - 1. */
  readonly change: number
}

/** Values at the end of (or averaged over) each day of the run; every array has one entry per day. */
export interface DailySeries {
  readonly days: ReadonlyArray<string>
  readonly cumulativeMinedSats: ReadonlyArray<number>
  readonly cumulativeExpectedSats: ReadonlyArray<number>
  /** Time-weighted averages over the day. */
  readonly onlineThs: ReadonlyArray<number>
  readonly networkThs: ReadonlyArray<number>
  /** Fleet online / network, from the day's averages (a fraction). */
  readonly networkShare: ReadonlyArray<number>
  /** Difficulty at the end of the day. */
  readonly difficulty: ReadonlyArray<number>
  readonly btcHeldSats: ReadonlyArray<number>
  /** BTC held at the end of the day valued at that day's price. */
  readonly btcHeldValueUsdCents: ReadonlyArray<number>
  /** The BTC price in force at the end of the day (the path's price). */
  readonly priceUsdCents: ReadonlyArray<number>
  /** The payback picture (the ledger's payback curve): net margin and capex summed to the end of the day. */
  readonly cumulativeNetMarginUsdCents: ReadonlyArray<number>
  readonly cumulativeCapexUsdCents: ReadonlyArray<number>
}

/** One entry per calendar month of the run (YYYY-MM). Costs per BTC are null in a month with nothing mined. */
export interface MonthlySeries {
  readonly months: ReadonlyArray<string>
  readonly minedSats: ReadonlyArray<number>
  readonly cashCostPerBtcUsdCents: ReadonlyArray<number | null>
  readonly allInCostPerBtcUsdCents: ReadonlyArray<number | null>
  readonly hostingCostUsdCents: ReadonlyArray<number>
  readonly creditsUsdCents: ReadonlyArray<number>
  /** Each credit at the price in force when credited. */
  readonly revenueUsdCents: ReadonlyArray<number>
  /** Revenue - hosting + credits. */
  readonly netMarginUsdCents: ReadonlyArray<number>
  readonly capexUsdCents: ReadonlyArray<number>
  /** At the month's close (carried through months without events). */
  readonly priceUsdCents: ReadonlyArray<number>
  readonly btcHeldSats: ReadonlyArray<number>
}

/** How a table cell's number is shown: sats as BTC, cents as dollars, a fraction as a percentage. */
export type TableUnit = "sats" | "usdCents" | "fraction"

export interface MonthlyTableColumn {
  readonly header: string
  readonly unit: TableUnit
  /** One per month; null where there is no value (e.g. a cost per BTC in a month with nothing mined). */
  readonly values: ReadonlyArray<number | null>
}

/** The monthly numbers as a table: one row per month, each cell keeping its exact number beside its text. */
export interface MonthlyTable {
  readonly months: ReadonlyArray<string>
  readonly columns: ReadonlyArray<MonthlyTableColumn>
}

export interface SingleRunReportModel {
  readonly kind: "single"
  readonly meta: ReportMeta
  readonly headlines: ReadonlyArray<Headline>
  readonly daily: DailySeries
  readonly monthly: MonthlySeries
  /** The ledger's payback day (cumulative net margin first reaches cumulative capex), null if not within the horizon. */
  readonly paybackDate: string | null
  readonly monthlyTable: MonthlyTable
  readonly retargets: ReadonlyArray<RetargetPoint>
  readonly planEvents: ReadonlyArray<DayMarker>
}

/** Quantiles across paths, one entry per month (YYYY-MM), in the metric's unit. */
export interface FanSeries {
  readonly months: ReadonlyArray<string>
  readonly p05: ReadonlyArray<number>
  readonly p25: ReadonlyArray<number>
  readonly p50: ReadonlyArray<number>
  readonly p75: ReadonlyArray<number>
  readonly p95: ReadonlyArray<number>
}

/** Counts of paths per bin; `missing` counts paths without a value (e.g. no payback within the horizon). */
export interface Histogram {
  readonly binLabels: ReadonlyArray<string>
  readonly counts: ReadonlyArray<number>
  readonly missing: number
  readonly missingLabel: string
}

/** summary.json as a table: one row per column, cells already formatted. */
export interface SummaryTable {
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

export interface BatchReportModel {
  readonly kind: "batch"
  readonly meta: ReportMeta
  readonly paths: number
  readonly headlines: ReadonlyArray<Headline>
  /** Cumulative BTC mined to the end of each month, in sats. */
  readonly cumulativeMinedSats: FanSeries
  /** Cumulative net margin to the end of each month, in US cents. */
  readonly cumulativeNetMarginUsdCents: FanSeries
  /** The BTC price at each month's close (priceUsdCents:YYYY-MM), in US cents. */
  readonly priceUsdCents: FanSeries
  /** The scenario's lot prices summed to the end of each month (the same on every path), one per month of the margin fan. */
  readonly cumulativeCapexUsdCents: ReadonlyArray<number>
  /** Cumulative net margin less cumulative capex at each month's end: above zero, the path has paid back. */
  readonly cumulativePositionUsdCents: FanSeries
  /** Share of all paths whose payback date is on or before each month's last day. */
  readonly paidBackShare: ReadonlyArray<number>
  readonly monthlyTable: MonthlyTable
  /** Payback month (YYYY-MM bins). */
  readonly paybackHistogram: Histogram
  /** NPV bins labelled in USD. */
  readonly npvHistogram: Histogram
  readonly summary: SummaryTable
}

export type ReportModel = SingleRunReportModel | BatchReportModel | CompareReportModel | SweepReportModel

import type { CompareReportModel, SweepReportModel } from "./DecisionModels.ts"
export type { CompareReportModel, SweepReportModel } from "./DecisionModels.ts"
