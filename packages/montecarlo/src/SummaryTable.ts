// The human-readable summary printed on stdout after a batch: one row per path-level metric (monthly columns are
// in summary.json), amounts in BTC and USD for reading, with the quantiles people ask for first.
import type { ColumnStats } from "./ColumnStats.ts"
import { epochDayToIso } from "./OutcomeCell.ts"
import type { Summary } from "./Summary.ts"

const grouped = (x: number, digits: number): string =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** How a column's values read best: sats as BTC, cents as USD, dates as dates, the rest with 4 significant digits. */
const displayOf = (name: string, kind: string): { label: string; show: (x: number) => string } => {
  if (kind === "date") return { label: name, show: (x) => epochDayToIso(x) }
  if (name.endsWith("Sats")) return { label: `${name.slice(0, -4)} (BTC)`, show: (x) => grouped(x / 1e8, 2) }
  if (name.endsWith("UsdCents")) return { label: `${name.slice(0, -8)} (USD)`, show: (x) => grouped(x / 100, 0) }
  return { label: name, show: (x) => (Number.isInteger(x) ? grouped(x, 0) : x.toPrecision(4)) }
}

/** The table as text (ends with a newline); `tableFile` names the outcome table written beside summary.json. */
export const renderSummaryTable = (summary: Summary, tableFile: string): string => {
  const header = ["metric", "count", "missing", "mean", "p05", "p50", "p95"]
  const rows: Array<Array<string>> = []
  let monthly = 0
  summary.columns.forEach((column, j) => {
    if (column.name.includes(":")) {
      monthly++
      return
    }
    const s = summary.stats[j] as ColumnStats
    const { label, show } = displayOf(column.name, column.kind)
    const q = Object.fromEntries(s.quantiles)
    const cell = (x: number | null | undefined) => (x === null || x === undefined ? "-" : show(x))
    rows.push([label, String(s.count), String(s.missing), cell(s.mean), cell(q["p05"]), cell(q["p50"]), cell(q["p95"])])
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  const format = (r: ReadonlyArray<string>) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ")
  const lines = [
    `Monte Carlo: ${summary.paths} paths, master seed ${summary.masterSeed}, engine ${summary.engine}, scenario sha256 ${summary.scenarioSha256.slice(0, 16)}…`,
    "",
    format(header),
    format(widths.map((w) => "-".repeat(w))),
    ...rows.map(format)
  ]
  if (monthly > 0) lines.push("", `${monthly} monthly columns (<series>:YYYY-MM: minedSats, netMarginUsdCents, hashpriceUsdPerPhDay, priceUsdCents, btcHeldSats, btcSoldSats) are in ${tableFile} and summary.json.`)
  return `${lines.join("\n")}\n`
}
