// The view model of a Monte Carlo batch, read from its output folder through @hashsim/montecarlo's one reader
// (manifest and summary schema-decoded, seals and every row rechecked): summary.json for the identity and the
// table, outcomes.csv for the per-path monthly columns (fans of cumulative sums) and the payback and NPV histograms.
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { decodeEntry, type LogEntry, reportOfEvents, type TimedEvent } from "@hashsim/ledger"
import {
  BatchFolderInvalidError, epochDayToIso, openBatchFolder, quantileType7, readOutcomeRows, type BatchFolderView, type SummaryDocument
} from "@hashsim/montecarlo"
import { ReportInputError } from "./CompleteLog.ts"
import type { BatchReportModel, FanSeries, Headline, Histogram, MonthlyTable, SummaryTable } from "./ReportModel.ts"
import { formatBtc, formatNumber, formatPercent, formatUsd } from "./ReportFormat.ts"
import { assumptionsOf, planState } from "./ScenarioAssumptions.ts"
import { isPlanFile, readScenario as readScenarioInput, ScenarioUnreadableError } from "../ScenarioInput.ts"

const minedPrefix = "minedSats:"
const marginPrefix = "netMarginUsdCents:"
const pricePrefix = "priceUsdCents:"

/** Opens a whole batch's folder (manifest, seals, summary.json decoded); problems as ReportInputError. */
export const openBatch = (dir: string): BatchFolderView & { readonly summary: SummaryDocument } => {
  try {
    const view = openBatchFolder(dir, "batch")
    return view as BatchFolderView & { readonly summary: SummaryDocument }
  } catch (error) {
    if (error instanceof BatchFolderInvalidError) throw new ReportInputError(error.message)
    throw error
  }
}

/** Paths kept for the fans: all up to this many, else every k-th path (memory: 8 bytes a path and month). */
export const maxFanPaths = 250_000

/** What one pass over outcomes.csv keeps: running monthly sums of the sampled paths, payback and NPV of all. */
interface Outcomes {
  readonly rows: number
  /** Every `stride`-th path (from path 0) is in the fans. */
  readonly stride: number
  readonly minedMonths: ReadonlyArray<string>
  readonly marginMonths: ReadonlyArray<string>
  readonly priceMonths: ReadonlyArray<string>
  /** [month][sampled path] running sums. */
  readonly minedCumulative: ReadonlyArray<Float64Array>
  readonly marginCumulative: ReadonlyArray<Float64Array>
  /** [month][sampled path] the BTC price at the month's close (a level, not a sum). */
  readonly priceLevels: ReadonlyArray<Float64Array>
  /** Days since 1970, NaN for no payback. */
  readonly paybackDays: Float64Array
  readonly npvUsdCents: Float64Array
}

interface MonthlyColumns {
  readonly months: Array<string>
  /** Value index of each month (in the columns after path and seed), in month order. */
  readonly index: Array<number>
}

const monthlyColumns = (names: ReadonlyArray<string>, prefix: string, file: string): MonthlyColumns => {
  const columns = names.map((name, j) => ({ name, j })).filter((c) => c.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1))
  if (columns.length === 0) throw new ReportInputError(`${file}:1: columns: no ${prefix}YYYY-MM columns`)
  return { months: columns.map((c) => c.name.slice(prefix.length)), index: columns.map((c) => c.j) }
}

/**
 * Reads outcomes.csv in one streamed pass through the montecarlo reader, which rechecks every row and the file's
 * digest (a batch of millions of paths is larger than a string may be).
 */
export const readOutcomes = async (view: BatchFolderView, fanPaths: number = maxFanPaths): Promise<Outcomes> => {
  const paths = view.manifest.paths
  const names = view.manifest.columns.map((c) => c.name)
  const file = `${view.dir}/manifest.json`
  const stride = Math.max(1, Math.ceil(paths / fanPaths))
  const sampled = Math.ceil(paths / stride)
  const mined = monthlyColumns(names, minedPrefix, file)
  const margin = monthlyColumns(names, marginPrefix, file)
  const price = monthlyColumns(names, pricePrefix, file)
  const paybackColumn = names.indexOf("paybackDate")
  const npvColumn = names.indexOf("npvUsdCents")
  if (paybackColumn < 0 || view.manifest.columns[paybackColumn]?.kind !== "date") throw new ReportInputError(`${file}:1: columns: no paybackDate date column`)
  if (npvColumn < 0) throw new ReportInputError(`${file}:1: columns: no npvUsdCents column`)
  const minedCumulative = mined.months.map(() => new Float64Array(sampled))
  const marginCumulative = margin.months.map(() => new Float64Array(sampled))
  const priceLevels = price.months.map(() => new Float64Array(sampled))
  const paybackDays = new Float64Array(paths)
  const npvUsdCents = new Float64Array(paths)
  let rows = 0
  try {
    await readOutcomeRows(view, (_text, values) => {
      paybackDays[rows] = values[paybackColumn] as number
      npvUsdCents[rows] = values[npvColumn] as number
      if (rows % stride === 0) {
        const k = rows / stride
        for (const [columns, store] of [[mined, minedCumulative], [margin, marginCumulative]] as const) {
          let running = 0
          columns.index.forEach((j, m) => {
            const x = values[j] as number
            // A missing month (none in a complete batch) adds nothing rather than poisoning the running sum.
            running += Number.isNaN(x) ? 0 : x
            ;(store[m] as Float64Array)[k] = running
          })
        }
        price.index.forEach((j, m) => {
          ;(priceLevels[m] as Float64Array)[k] = values[j] as number
        })
      }
      rows++
    })
  } catch (error) {
    if (error instanceof BatchFolderInvalidError) throw new ReportInputError(error.message)
    throw error
  }
  return {
    rows, stride, minedMonths: mined.months, marginMonths: margin.months, priceMonths: price.months, minedCumulative, marginCumulative,
    priceLevels, paybackDays, npvUsdCents
  }
}

/** Reads a scenario (plan events, seq and prev optional) for its assumptions; checks it is the batch's scenario. */
export const readScenario = (file: string, expectedSha256: string): ReadonlyArray<LogEntry> => {
  // A YAML plan stands for the scenario it compiles to (a batch of a plan is identified by that scenario's SHA-256).
  let bytes: Buffer
  try {
    bytes = isPlanFile(file) ? readScenarioInput(file).bytes : readFileSync(file)
  } catch (error) {
    if (error instanceof ScenarioUnreadableError) throw new ReportInputError([...error.lines, error.message].join("\n"))
    throw new ReportInputError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  const sha = createHash("sha256").update(bytes).digest("hex")
  if (sha !== expectedSha256) {
    throw new ReportInputError(`${file}:1: scenario: its SHA-256 ${sha.slice(0, 16)}… is not the batch's ${expectedSha256.slice(0, 16)}… (summary.json): pass the scenario the batch ran`)
  }
  const lines = bytes.toString("utf8").split("\n")
  const entries: Array<LogEntry> = []
  lines.forEach((raw, i) => {
    if (raw.trim() === "") return
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch (error) {
      throw new ReportInputError(`${file}:${i + 1}: line: not valid JSON (${(error as Error).message})`)
    }
    const decoded = decodeEntry(json, i + 1)
    if ("problems" in decoded) {
      const p = decoded.problems[0]
      throw new ReportInputError(`${file}:${i + 1}: ${p?.field || "line"}: ${p?.message ?? "invalid"}`)
    }
    entries.push(decoded.entry)
  })
  if (entries[0]?.type !== "ScenarioStarted") throw new ReportInputError(`${file}:1: type: a scenario starts with ScenarioStarted`)
  return entries
}

/** Per-month quantiles (type 7) over the sampled paths of their running sums. */
export const fanOf = (months: ReadonlyArray<string>, cumulative: ReadonlyArray<Float64Array>): FanSeries => {
  const fan = { months: [...months], p05: [] as Array<number>, p25: [] as Array<number>, p50: [] as Array<number>, p75: [] as Array<number>, p95: [] as Array<number> }
  for (const values of cumulative) {
    const sorted = values.slice().sort()
    fan.p05.push(quantileType7(sorted, 0.05))
    fan.p25.push(quantileType7(sorted, 0.25))
    fan.p50.push(quantileType7(sorted, 0.5))
    fan.p75.push(quantileType7(sorted, 0.75))
    fan.p95.push(quantileType7(sorted, 0.95))
  }
  return fan
}

/** Paths by payback month, one bin per month from the earliest to the latest. */
const paybackHistogram = (days: Float64Array, untilDay: string): Histogram => {
  // Count by day first (a horizon has a few thousand days), then name the months: cheap for millions of paths.
  const byDay = new Map<number, number>()
  let missing = 0
  for (const d of days) {
    if (Number.isNaN(d)) missing++
    else byDay.set(d, (byDay.get(d) ?? 0) + 1)
  }
  const byMonth = new Map<string, number>()
  for (const [d, n] of byDay) {
    const month = epochDayToIso(d).slice(0, 7)
    byMonth.set(month, (byMonth.get(month) ?? 0) + n)
  }
  const labels: Array<string> = []
  const sorted = [...byMonth.keys()].sort()
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  if (first !== undefined && last !== undefined) {
    let [y, m] = first.split("-").map(Number) as [number, number]
    for (;;) {
      const label = `${y}-${String(m).padStart(2, "0")}`
      labels.push(label)
      if (label >= last) break
      m++
      if (m > 12) {
        m = 1
        y++
      }
    }
  }
  return { binLabels: labels, counts: labels.map((l) => byMonth.get(l) ?? 0), missing, missingLabel: `none before ${untilDay}` }
}

/**
 * Bins a long-tailed column stays readable in: equal-width bins between its 1st and 99th percentiles (about the
 * square root of the count, 5 to 30), and the paths beyond them in an end bin each ("below P1", "above P99"), so
 * a few extreme paths do not squash the body of the distribution into one bar.
 */
export const valueHistogram = (values: Float64Array, label: (x: number) => string): Histogram => {
  const sorted = values.filter((x) => !Number.isNaN(x)).sort()
  const present = sorted.length
  const missing = values.length - present
  if (present === 0) return { binLabels: [], counts: [], missing, missingLabel: "no value" }
  const lo = quantileType7(sorted, 0.01)
  const hi = quantileType7(sorted, 0.99)
  const bins = hi === lo ? 1 : Math.min(30, Math.max(5, Math.ceil(Math.sqrt(present))))
  const width = hi === lo ? 1 : (hi - lo) / bins
  const counts = new Array<number>(bins).fill(0)
  let below = 0
  let above = 0
  for (const x of sorted) {
    if (x < lo) below++
    else if (x > hi) above++
    else {
      const b = Math.min(bins - 1, Math.floor((x - lo) / width))
      counts[b] = (counts[b] as number) + 1
    }
  }
  const binLabels = counts.map((_, b) => label(lo + b * width))
  return {
    binLabels: [...(below > 0 ? [`below P1 (min ${label(sorted[0]!)})`] : []), ...binLabels, ...(above > 0 ? [`above P99 (max ${label(sorted[present - 1]!)})`] : [])],
    counts: [...(below > 0 ? [below] : []), ...counts, ...(above > 0 ? [above] : [])],
    missing,
    missingLabel: "no value"
  }
}

const statKeys = [["mean", "mean"], ["sd", "sd"], ["min", "min"], ["p05", "P5"], ["p25", "P25"], ["p50", "P50"], ["p75", "P75"], ["p95", "P95"], ["max", "max"]] as const

/** summary.json's path-level columns as a table, amounts in BTC and USD (monthly columns are in the fans). */
const summaryTable = (summary: SummaryDocument): SummaryTable => {
  const rows: Array<Array<string>> = []
  for (const [name, stats] of Object.entries(summary.columns)) {
    if (name.includes(":")) continue
    const isDate = stats["kind"] === "date"
    const [label, show]: readonly [string, (x: number) => string] = isDate
      ? [name, (x) => String(x)]
      : name.endsWith("Sats")
        ? [`${name} (BTC)`, (x) => formatNumber(x / 1e8, 2)]
        : name.endsWith("UsdCents")
          ? [`${name} (USD)`, (x) => formatNumber(x / 100, 0)]
          : [name, (x) => (Number.isInteger(x) ? formatNumber(x, 0) : x.toPrecision(4))]
    const cell = (key: string): string => {
      const v = stats[key === "sd" && isDate ? "sdDays" : key]
      if (v === null || v === undefined) return "-"
      if (typeof v === "string") return v
      if (typeof v !== "number") return "?"
      return key === "sd" && isDate ? `${formatNumber(v, 1)} days` : show(v)
    }
    rows.push([label, String(stats["count"] ?? "?"), String(stats["missing"] ?? "?"), ...statKeys.map(([key]) => cell(key))])
  }
  return { headers: ["column", "count", "missing", ...statKeys.map(([, h]) => h)], rows }
}

/** summary.json's censored median payback date, or "beyond the horizon" (or "-" for an older summary without it). */
const censoredMedian = (summary: SummaryDocument): string => {
  const censored = summary.columns["paybackDate"]?.["allPathsCensored"] as Record<string, unknown> | undefined
  const p50 = censored?.["p50"]
  return typeof p50 === "string" ? p50 : "-"
}

/** The scenario's capex summed to the end of each of `months` (the ledger's monthly report of its plan events). */
const cumulativeCapexOf = (scenario: ReadonlyArray<LogEntry>, months: ReadonlyArray<string>): Array<number> => {
  const byMonth = new Map(reportOfEvents(scenario).months.map((m) => [m.month, m.capexUsdCents]))
  let sum = 0
  return months.map((month) => (sum += byMonth.get(month) ?? 0))
}

/** Days since 1970 of the last day of a YYYY-MM month. */
const lastDayOfMonth = (month: string): number => {
  const [y, m] = month.split("-").map(Number) as [number, number]
  return Date.UTC(y, m, 1) / 86_400_000 - 1
}

/** Share of all paths paid back on or before each month's last day (no payback counts as not paid back). */
const paidBackShareOf = (paybackDays: Float64Array, months: ReadonlyArray<string>): Array<number> => {
  const sorted = paybackDays.filter((d) => !Number.isNaN(d)).sort()
  let k = 0
  return months.map((month) => {
    const last = lastDayOfMonth(month)
    while (k < sorted.length && (sorted[k] as number) <= last) k++
    return paybackDays.length === 0 ? 0 : k / paybackDays.length
  })
}

/** The batch's monthly numbers: quantiles across paths at each month's end, the capex line and the share paid back. */
const batchMonthlyTable = (mined: FanSeries, margin: FanSeries, position: FanSeries, price: FanSeries, capex: ReadonlyArray<number>, paid: ReadonlyArray<number>): MonthlyTable => {
  const priceAt = new Map(price.months.map((m, i) => [m, i]))
  const priceOf = (xs: ReadonlyArray<number>) => margin.months.map((m) => {
    const i = priceAt.get(m)
    return i === undefined ? null : (xs[i] as number)
  })
  const minedAt = new Map(mined.months.map((m, i) => [m, i]))
  return {
    months: margin.months,
    columns: [
      { header: "cumulative BTC mined, median", unit: "sats", values: margin.months.map((m) => (minedAt.has(m) ? (mined.p50[minedAt.get(m)!] as number) : null)) },
      { header: "cumulative net margin, P5 (USD)", unit: "usdCents", values: margin.p05 },
      { header: "cumulative net margin, median (USD)", unit: "usdCents", values: margin.p50 },
      { header: "cumulative net margin, P95 (USD)", unit: "usdCents", values: margin.p95 },
      { header: "cumulative capex (USD)", unit: "usdCents", values: capex },
      { header: "position (margin - capex), median (USD)", unit: "usdCents", values: position.p50 },
      { header: "BTC price at close, P5 (USD)", unit: "usdCents", values: priceOf(price.p05) },
      { header: "BTC price at close, median (USD)", unit: "usdCents", values: priceOf(price.p50) },
      { header: "BTC price at close, P95 (USD)", unit: "usdCents", values: priceOf(price.p95) },
      { header: "paths paid back by the month's end", unit: "fraction", values: paid }
    ]
  }
}

export interface BatchContext {
  readonly input: string
  readonly scenarioFile: string
  /** At most this many paths in the fans (default maxFanPaths). */
  readonly fanPaths?: number
}

export const batchModel = async (dir: string, context: BatchContext): Promise<BatchReportModel> => {
  const view = openBatch(dir)
  const summary = view.summary
  const scenario = readScenario(context.scenarioFile, summary.scenarioSha256)
  const started = scenario[0] as LogEntry & { readonly type: "ScenarioStarted" }
  const outcomes = await readOutcomes(view, context.fanPaths)
  const untilDay = started.data.until.slice(0, 10)
  const mined = fanOf(outcomes.minedMonths, outcomes.minedCumulative)
  const margin = fanOf(outcomes.marginMonths, outcomes.marginCumulative)
  const price = fanOf(outcomes.priceMonths, outcomes.priceLevels)
  const capex = cumulativeCapexOf(scenario, margin.months)
  // Capex is the same on every path, so the position's quantiles are the margin's less the month's capex.
  const less = (xs: ReadonlyArray<number>) => xs.map((x, i) => x - (capex[i] as number))
  const position: FanSeries = { months: margin.months, p05: less(margin.p05), p25: less(margin.p25), p50: less(margin.p50), p75: less(margin.p75), p95: less(margin.p95) }
  const paidShare = paidBackShareOf(outcomes.paybackDays, margin.months)
  const payback = outcomes.paybackDays
  const npv = outcomes.npvUsdCents
  let paid = 0
  for (const d of payback) if (!Number.isNaN(d)) paid++
  const npvSorted = npv.filter((x) => !Number.isNaN(x)).sort()
  let npvPositive = 0
  for (const x of npvSorted) if (x > 0) npvPositive++
  const last = (xs: ReadonlyArray<number>): number => xs[xs.length - 1] ?? 0
  const headlines: Array<Headline> = [
    { label: "paths", value: formatNumber(summary.paths, 0), detail: `master seed ${summary.masterSeed}` },
    { label: "BTC mined by the horizon (median)", value: formatBtc(last(mined.p50)), detail: `P5 ${formatBtc(last(mined.p05))}, P95 ${formatBtc(last(mined.p95))}` },
    { label: "net margin by the horizon (median)", value: formatUsd(last(margin.p50)), detail: `P5 ${formatUsd(last(margin.p05))}, P95 ${formatUsd(last(margin.p95))}` },
    {
      label: "probability of payback within the horizon",
      value: formatPercent(summary.paths > 0 ? paid / summary.paths : 0),
      detail: `median payback over all paths: ${censoredMedian(summary)} (paths that never pay back count as beyond the horizon)`
    },
    ...(npvSorted.length === 0 ? [] : [{
      label: `NPV at ${formatPercent(started.data.discountRatePerYear)} (median)`,
      value: formatUsd(quantileType7(npvSorted, 0.5)),
      detail: `P(NPV > 0) = ${formatPercent(npvPositive / npvSorted.length)}`
    }])
  ]
  return {
    kind: "batch",
    meta: {
      scenarioName: started.data.name,
      scenarioSha256: summary.scenarioSha256,
      seeds: `master seed ${summary.masterSeed} (paths 0-${summary.paths - 1}, each with the seed derived from the master seed and its index)`,
      engine: summary.engine,
      hashsimVersion: summary.hashsimVersion,
      modelVersion: view.manifest.modelVersion === undefined ? null : String(view.manifest.modelVersion),
      input: `${context.input} (scenario ${context.scenarioFile})`,
      fromDay: started.at.slice(0, 10),
      untilDay,
      assumptions: assumptionsOf(planState(scenario as ReadonlyArray<TimedEvent>), started),
      notes: [
        `Fans: for every month, the quantiles (type 7) over ${outcomes.stride === 1 ? "all paths" : `one path in ${outcomes.stride} (${Math.ceil(summary.paths / outcomes.stride)} paths, to bound memory)`} of each path's running sum of its monthly column (minedSats:YYYY-MM, netMarginUsdCents:YYYY-MM in outcomes.csv).`,
        "Price fan: the same quantiles of each path's BTC price at the month's close (priceUsdCents:YYYY-MM), a level rather than a sum. Position fan: cumulative net margin less the scenario's capex spent by the month's end (the same on every path, so its quantiles are the margin's less capex); the share paid back counts every path's paybackDate up to the month's last day.",
        "Histograms: paybackDate by month (paths without payback within the horizon counted apart), npvUsdCents in equal-width bins between its 1st and 99th percentiles with the tails in an end bin each.",
        "NPV counts the treasury's cash when it moves (sales, hosting, credits, capex) and the BTC still held at each path's own price at the horizon's end; payback compares BTC mined, valued at the price of its day, less hosting plus credits, with capex.",
        "The summary table is summary.json as written by hashsim mc (path-level columns; the monthly ones feed the fans)."
      ]
    },
    paths: summary.paths,
    headlines,
    cumulativeMinedSats: mined,
    cumulativeNetMarginUsdCents: margin,
    priceUsdCents: price,
    cumulativeCapexUsdCents: capex,
    cumulativePositionUsdCents: position,
    paidBackShare: paidShare,
    monthlyTable: batchMonthlyTable(mined, margin, position, price, capex, paidShare),
    paybackHistogram: paybackHistogram(payback, untilDay),
    npvHistogram: valueHistogram(npv, formatUsd),
    summary: summaryTable(summary)
  }
}
