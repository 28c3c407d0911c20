// `hashsim replay <log> [--format table|json|csv]`: validates a log and prints its monthly report and totals.
// JSON is the stable contract (docs/EVENTS.md, "The monthly report"); CSV has one row per month plus a total row.
// The work of the command described in ReplayCommand.ts (its arguments typed by that descriptor's config).
import { formatProblem, type MonthlyReport, replayLogFile } from "@hashsim/ledger"
import { Effect } from "effect"
import type { Command } from "effect/cli"
import type { replayConfig } from "./ReplayCommand.ts"
import { notCompleteMessage } from "../report/CompleteLog.ts"
import { InputRejectedError } from "../ExitCode.ts"

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Column order of the CSV: every month field, in the JSON's order. */
export const csvColumns = [
  "month", "days", "fleetBlocks", "minedSats", "revenueUsdCents", "hostingCostUsdCents", "energyKwh", "creditsUsdCents",
  "curtailmentCreditsUsdCents", "slaCreditsUsdCents", "poolFeeSats", "avgOnlineThs", "avgNetworkThs", "netMarginUsdCents",
  "cashCostPerBtcUsdCents", "allInCostPerBtcUsdCents", "depreciationUsdCents", "hashpriceUsdCentsPerPhDay", "networkShare",
  "capexUsdCents", "btcSoldSats", "saleProceedsUsdCents", "btcHeldSats", "priceUsdCents"
] as const

/**
 * CSV without a library (csv-stringify is not a dependency of the cli): every cell is a number, a `YYYY-MM` month,
 * `total` or empty (a value that does not exist), none of which contains a comma, quote or newline, so no cell
 * needs quoting. The total row leaves empty what only a month has (its end balances and price).
 */
export const reportCsv = (report: MonthlyReport): string => {
  const cell = (v: unknown): string => (v === null || v === undefined ? "" : String(v))
  const rows = [csvColumns.join(",")]
  for (const m of report.months) rows.push(csvColumns.map((c) => cell(m[c])).join(","))
  const t = report.totals as unknown as Record<string, unknown>
  rows.push(csvColumns.map((c) => (c === "month" ? "total" : c === "btcHeldSats" || c === "priceUsdCents" ? "" : cell(t[c]))).join(","))
  return rows.join("\n") + "\n"
}

const usd = (cents: number | null): string =>
  cents === null ? "-" : `${cents < 0 ? "-" : ""}$${(Math.abs(cents) / 100).toLocaleString("en-US", { maximumFractionDigits: 0 })}`
const btc = (sats: number): string => (sats / 1e8).toFixed(4)
const ehs = (ths: number): string => (ths / 1e6).toFixed(2)

/** A fixed-width text table for people: money in dollars, BTC, EH/s, percent. */
export const reportTable = (report: MonthlyReport): string => {
  const header = ["month", "blocks", "mined BTC", "revenue", "hosting", "credits", "net margin", "cash $/BTC", "all-in $/BTC", "hashprice $/PH/d", "online EH/s", "network EH/s", "share"]
  const rowOf = (label: string, m: MonthlyReport["months"][number] | MonthlyReport["totals"]): Array<string> => [
    label, String(m.fleetBlocks), btc(m.minedSats), usd(m.revenueUsdCents), usd(m.hostingCostUsdCents), usd(m.creditsUsdCents),
    usd(m.netMarginUsdCents), usd(m.cashCostPerBtcUsdCents), usd(m.allInCostPerBtcUsdCents),
    m.hashpriceUsdCentsPerPhDay === null ? "-" : (m.hashpriceUsdCentsPerPhDay / 100).toFixed(2),
    ehs(m.avgOnlineThs), ehs(m.avgNetworkThs), `${(m.networkShare * 100).toFixed(2)}%`
  ]
  const rows = [header, ...report.months.map((m) => rowOf(m.month, m)), rowOf("total", report.totals)]
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const line = (r: ReadonlyArray<string>) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")
  const t = report.totals
  return [
    ...rows.map(line),
    "",
    `capex ${usd(t.capexUsdCents)}; payback ${t.paybackDate ?? "not within the log"}; NPV ${usd(t.npvUsdCents)}`,
    `BTC held ${btc(t.btcHeldSats)}; sold ${btc(t.btcSoldSats)} for ${usd(t.saleProceedsUsdCents)}; pool fees ${btc(t.poolFeeSats)} BTC`
  ].join("\n") + "\n"
}

export const replayHandler = ({ log, format }: Command.Command.Config.Infer<typeof replayConfig>) =>
    Effect.gen(function* () {
      const result = yield* Effect.tryPromise({
        try: () => replayLogFile(log),
        catch: (error) => new InputRejectedError({ message: `cannot read ${log}: ${messageOf(error)}` })
      })
      if (result.summary.problems > 0) {
        for (const p of result.problems) process.stderr.write(`${formatProblem(log, p)}\n`)
        const more = result.summary.problems - result.problems.length
        if (more > 0) process.stderr.write(`${log}: ... and ${more} more (hashsim validate lists them all)\n`)
        return yield* Effect.fail(new InputRejectedError({ message: `${log} does not validate (${result.summary.problems} problems); nothing replayed` }))
      }
      if (!result.summary.complete || !result.summary.sealed) {
        return yield* Effect.fail(new InputRejectedError({ message: notCompleteMessage(log, result.summary) }))
      }
      const out = format === "json" ? JSON.stringify(result.report, null, 2) + "\n" : format === "csv" ? reportCsv(result.report) : reportTable(result.report)
      yield* Effect.sync(() => process.stdout.write(out))
    })

