// What `compare` concludes from batches run on the same path seeds: per scenario the headline statistics, per pair
// (the first scenario against each other one) the paired differences' statistics, the probability that A beats B
// on NPV, payback and all-in cost per BTC with standard errors, the months that differ most and the inputs that
// differ. Its JSON is compare.json; its text is the table `compare` prints.
import {
  beatProbability, columnStats, monthsDifferingMost, type BeatProbability, type ColumnStats, type OutcomeTable
} from "@hashsim/montecarlo"

export interface ScenarioHeadline {
  readonly label: string
  readonly file: string
  readonly scenarioSha256: string
  readonly npvUsdCents: ColumnStats
  readonly allInCostPerBtcUsdCents: ColumnStats
  /** The share of paths that pay back within the horizon. */
  readonly paybackProbability: number
}

export interface PairResult {
  readonly a: string
  readonly b: string
  readonly differencesFile: string
  /** Statistics of A - B per path-level column (the monthly ones are in the differences file). */
  readonly differences: Readonly<Record<string, ColumnStats>>
  readonly aBeatsB: { readonly npv: BeatProbability; readonly payback: BeatProbability; readonly allInCostPerBtc: BeatProbability }
  readonly monthsDifferingMost: {
    readonly minedSats: ReturnType<typeof monthsDifferingMost>
    readonly netMarginUsdCents: ReturnType<typeof monthsDifferingMost>
  }
  readonly inputsDiffering: ReadonlyArray<string>
}

/** Statistics of a column with NaN as missing (the values are copied, not sorted in place). */
export const statsOf = (values: Float64Array): ColumnStats => {
  const present = values.filter((x) => !Number.isNaN(x))
  return columnStats(present, values.length - present.length)
}

export const column = (table: OutcomeTable, name: string): Float64Array => {
  const j = table.names.indexOf(name)
  if (j < 0) throw new Error(`the outcome table has no column ${name}`)
  return table.values[j] as Float64Array
}

export const paybackProbabilityOf = (table: OutcomeTable): number => {
  const days = column(table, "paybackDays")
  let paid = 0
  for (const d of days) if (!Number.isNaN(d)) paid++
  return days.length === 0 ? Number.NaN : paid / days.length
}

export const headlineOf = (label: string, file: string, scenarioSha256: string, table: OutcomeTable): ScenarioHeadline => ({
  label, file, scenarioSha256,
  npvUsdCents: statsOf(column(table, "npvUsdCents")),
  allInCostPerBtcUsdCents: statsOf(column(table, "allInCostPerBtcUsdCents")),
  paybackProbability: paybackProbabilityOf(table)
})

export const pairOf = (
  a: string, b: string, ta: OutcomeTable, tb: OutcomeTable, differences: OutcomeTable, differencesFile: string, inputsDiffering: ReadonlyArray<string>
): PairResult => ({
  a, b, differencesFile,
  differences: Object.fromEntries(differences.names.flatMap((name, j) => (name.includes(":") ? [] : [[name, statsOf(differences.values[j] as Float64Array)]]))),
  aBeatsB: {
    npv: beatProbability(column(ta, "npvUsdCents"), column(tb, "npvUsdCents"), "higher"),
    payback: beatProbability(column(ta, "paybackDays"), column(tb, "paybackDays"), "lower"),
    allInCostPerBtc: beatProbability(column(ta, "allInCostPerBtcUsdCents"), column(tb, "allInCostPerBtcUsdCents"), "lower")
  },
  monthsDifferingMost: {
    minedSats: monthsDifferingMost(differences, "minedSats", 3),
    netMarginUsdCents: monthsDifferingMost(differences, "netMarginUsdCents", 3)
  },
  inputsDiffering
})

const q = (s: ColumnStats, key: string): number | null => s.quantiles.find(([k]) => k === key)?.[1] ?? null

export const usd = (cents: number | null): string => {
  if (cents === null || Number.isNaN(cents)) return "-"
  const dollars = cents / 100
  const abs = Math.abs(dollars)
  const sign = dollars < 0 ? "-" : ""
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(2)}B`
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(1)}M`
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toFixed(1)}k`
  return `${sign}$${abs.toFixed(0)}`
}

const pct = (p: number): string => (Number.isNaN(p) ? "-" : `${(p * 100).toFixed(1)}%`)
const beat = (b: BeatProbability): string => `${pct(b.probability)} ± ${pct(b.standardError)}`

const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): Array<string> => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  const line = (r: ReadonlyArray<string>) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)]
}

export const renderCompareTable = (
  headlines: ReadonlyArray<ScenarioHeadline>, pairs: ReadonlyArray<PairResult>, paths: number, masterSeed: number, engine: string
): string => {
  const lines = [
    `Compare: ${headlines.length} scenarios, ${paths} paths each on the same path seeds (master seed ${masterSeed}, engine ${engine}): path i of every scenario sees the same random streams`,
    "",
    ...table(["scenario", "NPV p05", "NPV p50", "NPV p95", "P(payback)", "all-in $/BTC p50"], headlines.map((h) => [
      h.label, usd(q(h.npvUsdCents, "p05")), usd(q(h.npvUsdCents, "p50")), usd(q(h.npvUsdCents, "p95")), pct(h.paybackProbability), usd(q(h.allInCostPerBtcUsdCents, "p50"))
    ]))
  ]
  for (const p of pairs) {
    const npv = p.differences["npvUsdCents"]
    lines.push(
      "",
      `A = ${p.a}, B = ${p.b}: paired differences A - B, path by path (${p.differencesFile})`,
      npv === undefined ? "NPV difference: -" : `NPV difference: median ${usd(q(npv, "p50"))}, 5-95% ${usd(q(npv, "p05"))} .. ${usd(q(npv, "p95"))}, mean ${usd(npv.mean)}`,
      `P(A beats B) ± standard error: NPV ${beat(p.aBeatsB.npv)}, payback ${beat(p.aBeatsB.payback)}, all-in cost per BTC ${beat(p.aBeatsB.allInCostPerBtc)}`,
      `months differing most, mined BTC (mean A - B): ${p.monthsDifferingMost.minedSats.map((m) => `${m.month} ${(m.meanDifference / 1e8).toFixed(2)}`).join(", ") || "-"}`,
      `months differing most, net margin (mean A - B): ${p.monthsDifferingMost.netMarginUsdCents.map((m) => `${m.month} ${usd(m.meanDifference)}`).join(", ") || "-"}`,
      `inputs differing (${p.inputsDiffering.length}):${p.inputsDiffering.length === 0 ? " none" : ""}`,
      ...p.inputsDiffering.slice(0, 12).map((l) => `  ${l}`),
      ...(p.inputsDiffering.length > 12 ? [`  … ${p.inputsDiffering.length - 12} more in compare.json`] : [])
    )
  }
  return `${lines.join("\n")}\n`
}
