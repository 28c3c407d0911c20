// Replay equivalence: the ledger's report of a complete log against the simulator's own outcome of the run that
// wrote it (the cross-check of the two users of the economics kernel), and a fold resumed from a snapshot of any
// prefix against the fold of the whole log.
import {
  finishReport, foldEvents, initialReportState, initialState, type LedgerState, type LogEntry, type MonthlyReport,
  snapshotReportState, stepReport
} from "@hashsim/ledger"

/**
 * The figures of a run's outcome that its log's report must reproduce (the simulator's PathOutcome has them; NaN
 * or undefined where the report says null). Stated here so this package stays below the simulator.
 */
export interface OutcomeFigures {
  readonly minedSats: number
  readonly revenueUsdCents: number
  readonly hostingCostUsdCents: number
  readonly creditsUsdCents: number
  readonly poolFeeSats: number
  readonly netMarginUsdCents: number
  readonly cashCostPerBtcUsdCents: number
  readonly allInCostPerBtcUsdCents: number
  readonly paybackDate: string | undefined
  readonly npvUsdCents: number
  readonly btcHeldSats: number
  readonly months: ReadonlyArray<string>
  readonly minedSatsByMonth: ArrayLike<number>
  readonly netMarginUsdCentsByMonth: ArrayLike<number>
}

/** Where a report and an outcome disagree: `field: report value != outcome value`, one a field (empty when equal). */
export const reportOutcomeMismatches = (report: MonthlyReport, outcome: OutcomeFigures): ReadonlyArray<string> => {
  const out: Array<string> = []
  const t = report.totals
  const same = (field: string, a: number | string | null | undefined, b: number | string | undefined): void => {
    const left = a ?? undefined
    const equal = typeof left === "number" && typeof b === "number" ? Object.is(left, b) || left === b : left === b
    if (!equal) out.push(`${field}: report ${String(a)} != outcome ${String(b)}`)
  }
  same("minedSats", t.minedSats, outcome.minedSats)
  same("revenueUsdCents", t.revenueUsdCents, outcome.revenueUsdCents)
  same("hostingCostUsdCents", t.hostingCostUsdCents, outcome.hostingCostUsdCents)
  same("creditsUsdCents", t.creditsUsdCents, outcome.creditsUsdCents)
  same("poolFeeSats", t.poolFeeSats, outcome.poolFeeSats)
  same("netMarginUsdCents", t.netMarginUsdCents, outcome.netMarginUsdCents)
  same("cashCostPerBtcUsdCents", t.cashCostPerBtcUsdCents ?? Number.NaN, outcome.cashCostPerBtcUsdCents)
  same("allInCostPerBtcUsdCents", t.allInCostPerBtcUsdCents ?? Number.NaN, outcome.allInCostPerBtcUsdCents)
  same("paybackDate", t.paybackDate, outcome.paybackDate)
  same("npvUsdCents", t.npvUsdCents, outcome.npvUsdCents)
  same("btcHeldSats", t.btcHeldSats, outcome.btcHeldSats)
  same("months", report.months.map((m) => m.month).join(","), outcome.months.join(","))
  report.months.forEach((m, i) => {
    same(`${m.month}.minedSats`, m.minedSats, outcome.minedSatsByMonth[i])
    same(`${m.month}.netMarginUsdCents`, m.netMarginUsdCents, outcome.netMarginUsdCentsByMonth[i])
  })
  return out
}

/**
 * Folds the events up to `cut`, takes a snapshot (through JSON for the ledger state, structuredClone for the
 * report's accumulator, as a store would keep them), folds the rest from it, and says where the result differs
 * from the fold of the whole log. Empty when the snapshot plus the rest equals the full fold.
 */
export const snapshotFoldMismatches = (entries: ReadonlyArray<LogEntry>, cut: number): ReadonlyArray<string> => {
  const events = entries.filter((e) => e.type !== "LogSealed")
  const full = foldEvents(events, initialState())
  const prefix = foldEvents(events.slice(0, cut), initialState())
  const snapshot = JSON.parse(JSON.stringify(prefix)) as LedgerState
  const resumed = foldEvents(events.slice(cut), snapshot)
  const out: Array<string> = []
  const a = JSON.stringify(resumed)
  const b = JSON.stringify(full)
  if (a !== b) out.push(`ledger state resumed after event ${cut} differs from the full fold`)

  const fullAcc = initialReportState()
  for (const e of events) stepReport(fullAcc, e)
  const acc = initialReportState()
  for (const e of events.slice(0, cut)) stepReport(acc, e)
  const resumedAcc = snapshotReportState(acc)
  for (const e of events.slice(cut)) stepReport(resumedAcc, e)
  if (JSON.stringify(finishReport(resumedAcc)) !== JSON.stringify(finishReport(fullAcc))) {
    out.push(`report resumed after event ${cut} differs from the full fold`)
  }
  return out
}
