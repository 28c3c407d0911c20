// The view model of one run, folded from its complete log with the ledger's own `evolve` and state helpers: the
// state is constant between events, so sampling it segment by segment gives exact daily averages and integrals.
import { bitsToDifficulty, workForBits } from "@hashsim/chain"
import { expectedBlocks, fppsGrossSats, netOfPoolFee, SECONDS_PER_DAY } from "@hashsim/economics"
import {
  evolve, finishReport, initialReportState, initialState, type LedgerState, type LogEntry, networkThs, onlineThs, parseAtS, paybackCurve, stepReport
} from "@hashsim/ledger"
import type { CompleteLog } from "./CompleteLog.ts"
import { assumptionsOf, planMarkers } from "./ScenarioAssumptions.ts"
import type { DailySeries, Headline, MonthlySeries, MonthlyTable, RetargetPoint, SingleRunReportModel } from "./ReportModel.ts"
import { dayOf, formatBtc, formatPercent, formatUsd } from "./ReportFormat.ts"

/** What the command knows besides the log. */
export interface SingleRunContext {
  readonly input: string
  readonly hashsimVersion: string
}

interface DayAccumulator {
  onlineThsSeconds: number
  networkThsSeconds: number
  expectedSats: number
}

/** The first source that names a seed (the simulator's), for the report's provenance. */
const simulatorSource = (entries: ReadonlyArray<LogEntry>): LogEntry["source"] => {
  for (const e of entries) if (e.source?.seed !== undefined) return e.source
  for (const e of entries) if (e.source?.engine !== undefined || e.source?.version !== undefined) return e.source
  return undefined
}

export const singleRunModel = (log: CompleteLog, context: SingleRunContext): SingleRunReportModel => {
  const scenarioEntry = log.entries[0]
  if (scenarioEntry === undefined || scenarioEntry.type !== "ScenarioStarted") throw new Error("a complete log starts with ScenarioStarted")
  const startS = parseAtS(scenarioEntry.at) as number
  const untilS = parseAtS(scenarioEntry.data.until) as number
  const meanFeeSats = scenarioEntry.data.market.feePerBlock.meanSats
  const firstDay = Math.floor(startS / SECONDS_PER_DAY)
  const dayCount = Math.max(1, Math.ceil(untilS / SECONDS_PER_DAY) - firstDay)
  const days = Array.from({ length: dayCount }, (_, i) => dayOf((firstDay + i) * SECONDS_PER_DAY * 1000))

  const acc: Array<DayAccumulator> = days.map(() => ({ onlineThsSeconds: 0, networkThsSeconds: 0, expectedSats: 0 }))
  const dayStartS = (i: number): number => Math.max(startS, (firstDay + i) * SECONDS_PER_DAY)
  const dayEndS = (i: number): number => Math.min(untilS, (firstDay + i + 1) * SECONDS_PER_DAY)

  // End-of-day snapshots: difficulty and price as in force during the day; mined and held after every event at
  // the day's closing instant (rewards for a day are credited at its end).
  const difficulty: Array<number> = []
  const priceOfDay: Array<number> = []
  const cumulativeMinedSats: Array<number> = []
  const heldSats: Array<number> = []

  let state: LedgerState = initialState()
  let nowS = startS
  let closedDays = 0

  /** Integrates the constant state from `nowS` to `toS`, cut at day ends; at each day's end, notes what was in force. */
  const integrateTo = (toS: number): void => {
    const target = Math.min(toS, untilS)
    while (nowS < target) {
      const i = Math.floor(nowS / SECONDS_PER_DAY) - firstDay
      const end = Math.min(target, dayEndS(i))
      const dt = end - nowS
      const online = onlineThs(state)
      const a = acc[i] as DayAccumulator
      a.onlineThsSeconds += online * dt
      a.networkThsSeconds += networkThs(state) * dt
      const work = Number(workForBits(state.network.bits))
      // Expected fleet blocks = fleet hashes / work per block (= the fleet's share of the network's expected blocks).
      if (work > 0) {
        const blocks = expectedBlocks(online, dt, work)
        a.expectedSats += netOfPoolFee(fppsGrossSats(blocks, state.network.subsidySats, meanFeeSats), state.pool.feeFraction)
      }
      nowS = end
      if (nowS === dayEndS(i)) {
        difficulty[i] = bitsToDifficulty(state.network.bits)
        priceOfDay[i] = state.priceUsdCents
      }
    }
  }
  /** Closes the days that end before `beforeS`: every event up to and at their end has been applied. */
  const closeDays = (beforeS: number): void => {
    while (closedDays < dayCount && dayEndS(closedDays) < beforeS) {
      const i = closedDays++
      if (difficulty[i] === undefined) difficulty[i] = bitsToDifficulty(state.network.bits)
      if (priceOfDay[i] === undefined) priceOfDay[i] = state.priceUsdCents
      cumulativeMinedSats[i] = state.treasury.minedSats
      heldSats[i] = state.treasury.btcHeldSats
    }
  }

  const retargets: Array<RetargetPoint> = []
  for (const entry of log.entries) {
    const atS = parseAtS(entry.at) as number
    integrateTo(atS)
    closeDays(atS)
    if (entry.type === "DifficultyAdjusted") {
      const before = bitsToDifficulty(state.network.bits)
      const after = bitsToDifficulty(Number.parseInt(entry.data.newBits, 16))
      retargets.push({ day: entry.at.slice(0, 10), height: entry.data.height, difficulty: after, change: after / before - 1 })
    }
    state = evolve(state, entry)
  }
  integrateTo(untilS)
  closeDays(Number.POSITIVE_INFINITY)

  // Months, costs, payback and NPV are the ledger's monthly report, the same numbers `hashsim replay` and Monte
  // Carlo's outcome columns give; the payback picture is the ledger's own running sums, carried over quiet days.
  const reportState = initialReportState()
  for (const entry of log.entries) stepReport(reportState, entry)
  const report = finishReport(reportState)
  const curve = paybackCurve(reportState)
  const cumulativeNetMarginUsdCents: Array<number> = []
  const cumulativeCapexUsdCents: Array<number> = []
  let k = 0
  let net = 0
  let capex = 0
  for (const day of days) {
    while (k < curve.days.length && (curve.days[k] as string) <= day) {
      net = curve.cumulativeNetUsdCents[k] as number
      capex = curve.cumulativeCapexUsdCents[k] as number
      k++
    }
    cumulativeNetMarginUsdCents.push(net)
    cumulativeCapexUsdCents.push(capex)
  }

  // Daily series.
  let expectedSum = 0
  const cumulativeExpectedSats = acc.map((a) => Math.round((expectedSum += a.expectedSats)))
  const spanS = days.map((_, i) => Math.max(1, dayEndS(i) - dayStartS(i)))
  const online = acc.map((a, i) => a.onlineThsSeconds / (spanS[i] as number))
  const network = acc.map((a, i) => a.networkThsSeconds / (spanS[i] as number))
  const daily: DailySeries = {
    days,
    cumulativeMinedSats,
    cumulativeExpectedSats,
    onlineThs: online,
    networkThs: network,
    networkShare: online.map((x, i) => ((network[i] as number) > 0 ? x / (network[i] as number) : 0)),
    difficulty,
    btcHeldSats: heldSats,
    btcHeldValueUsdCents: heldSats.map((s, i) => Math.round((s * (priceOfDay[i] as number)) / 1e8)),
    priceUsdCents: priceOfDay,
    cumulativeNetMarginUsdCents,
    cumulativeCapexUsdCents
  }

  const monthly: MonthlySeries = {
    months: report.months.map((m) => m.month),
    minedSats: report.months.map((m) => m.minedSats),
    cashCostPerBtcUsdCents: report.months.map((m) => m.cashCostPerBtcUsdCents),
    allInCostPerBtcUsdCents: report.months.map((m) => m.allInCostPerBtcUsdCents),
    hostingCostUsdCents: report.months.map((m) => m.hostingCostUsdCents),
    creditsUsdCents: report.months.map((m) => m.creditsUsdCents),
    revenueUsdCents: report.months.map((m) => m.revenueUsdCents),
    netMarginUsdCents: report.months.map((m) => m.netMarginUsdCents),
    capexUsdCents: report.months.map((m) => m.capexUsdCents),
    priceUsdCents: report.months.map((m) => m.priceUsdCents),
    btcHeldSats: report.months.map((m) => m.btcHeldSats)
  }
  const running = (xs: ReadonlyArray<number>): Array<number> => {
    let sum = 0
    return xs.map((x) => (sum += x))
  }
  const monthlyTable: MonthlyTable = {
    months: monthly.months,
    columns: [
      { header: "BTC mined", unit: "sats", values: monthly.minedSats },
      { header: "revenue (USD)", unit: "usdCents", values: monthly.revenueUsdCents },
      { header: "hosting (USD)", unit: "usdCents", values: monthly.hostingCostUsdCents },
      { header: "credits (USD)", unit: "usdCents", values: monthly.creditsUsdCents },
      { header: "net margin (USD)", unit: "usdCents", values: monthly.netMarginUsdCents },
      { header: "cumulative net margin (USD)", unit: "usdCents", values: running(monthly.netMarginUsdCents) },
      { header: "capex (USD)", unit: "usdCents", values: monthly.capexUsdCents },
      { header: "cumulative capex (USD)", unit: "usdCents", values: running(monthly.capexUsdCents) },
      { header: "cash cost per BTC (USD)", unit: "usdCents", values: monthly.cashCostPerBtcUsdCents },
      { header: "all-in cost per BTC (USD)", unit: "usdCents", values: monthly.allInCostPerBtcUsdCents },
      { header: "BTC price at close (USD)", unit: "usdCents", values: monthly.priceUsdCents },
      { header: "BTC held at close", unit: "sats", values: monthly.btcHeldSats }
    ]
  }
  const t = report.totals
  const rate = scenarioEntry.data.discountRatePerYear
  const expectedSats = cumulativeExpectedSats[cumulativeExpectedSats.length - 1] ?? 0
  const lastHeldValue = daily.btcHeldValueUsdCents[daily.btcHeldValueUsdCents.length - 1] ?? 0
  const headlines: Array<Headline> = [
    { label: "BTC mined (credited)", value: formatBtc(t.minedSats), detail: `expected ${formatBtc(expectedSats)}; mined/expected ${expectedSats > 0 ? formatPercent(t.minedSats / expectedSats) : "n/a"}` },
    { label: "BTC held at the end", value: formatBtc(t.btcHeldSats), detail: `worth ${formatUsd(lastHeldValue)} at the last price` },
    { label: "cash cost per BTC", value: t.cashCostPerBtcUsdCents === null ? "n/a" : formatUsd(t.cashCostPerBtcUsdCents), detail: `all-in ${t.allInCostPerBtcUsdCents === null ? "n/a" : formatUsd(t.allInCostPerBtcUsdCents)}; hosting ${formatUsd(t.hostingCostUsdCents)}, credits ${formatUsd(t.creditsUsdCents)}` },
    { label: "net margin", value: formatUsd(t.netMarginUsdCents), detail: `revenue ${formatUsd(t.revenueUsdCents)} at each credit's price` },
    { label: "capex", value: formatUsd(t.capexUsdCents) },
    { label: "payback", value: t.paybackDate ?? "not within the horizon" },
    { label: `NPV at ${formatPercent(rate)} a year`, value: formatUsd(t.npvUsdCents) }
  ]

  const source = simulatorSource(log.entries)
  const untilDay = scenarioEntry.data.until.slice(0, 10)
  return {
    kind: "single",
    meta: {
      scenarioName: scenarioEntry.data.name,
      scenarioSha256: null,
      seeds: source?.seed === undefined ? "not recorded" : `path seed ${source.seed}`,
      engine: source?.engine ?? "not recorded",
      hashsimVersion: source?.version === undefined ? `not recorded (report by ${context.hashsimVersion})` : source.version,
      modelVersion: source?.modelVersion === undefined ? null : String(source.modelVersion),
      input: context.input,
      fromDay: days[0] as string,
      untilDay,
      assumptions: assumptionsOf(log.finalState, scenarioEntry),
      notes: [
        "Every number is a fold over the complete log with the ledger's own state (hashsim's evolve); nothing is re-simulated.",
        `Expected BTC: for every stretch of time in which nothing changes, the fleet's online hashes divided by the work per block at the current difficulty (its expected share of the network's blocks), times the current subsidy plus the scenario's mean fee per block (${formatBtc(meanFeeSats, 8)}), less the pool fee in force, so it compares with "mined" (an FPPS pool pays about exactly this; solo mining shows its luck against it).`,
        "Mined BTC is what the pool credited to the treasury (RewardCredited, net of pool fees), on the day it was credited.",
        "Monthly figures, costs per BTC, payback and NPV are the ledger's monthly report: cash cost per BTC = (hosting - credits) / BTC mined; all-in adds capex spread evenly over each lot's stated life; payback is the first day on which cumulative net margin (revenue at each credit's price - hosting + credits) reaches capex; NPV discounts the daily net cash flows less capex at the scenario's rate.",
        "Online hashrate is deployed x (1 - curtailed fraction) x the day's uptime; network = the fleet online + everyone else's (MarketStepped)."
      ]
    },
    headlines,
    daily,
    monthly,
    paybackDate: t.paybackDate,
    monthlyTable,
    retargets,
    planEvents: planMarkers(log.entries)
  }
}
