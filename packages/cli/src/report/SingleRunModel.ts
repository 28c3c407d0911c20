// The view model of one run, folded from its complete log with the ledger's own `evolve` and state helpers: the
// state is constant between events, so sampling it segment by segment gives exact daily averages and integrals.
import { bitsToDifficulty, workForBits } from "@hashsim/chain"
import { evolve, initialState, type LedgerState, type LogEntry, networkThs, onlineThs, parseAtS } from "@hashsim/ledger"
import type { CompleteLog } from "./CompleteLog.ts"
import { assumptionsOf, planMarkers } from "./ScenarioAssumptions.ts"
import type { DailySeries, Headline, MonthlySeries, RetargetPoint, SingleRunReportModel } from "./ReportModel.ts"
import { dayOf, formatBtc, formatPercent, formatUsd } from "./ReportFormat.ts"

const SECONDS_PER_DAY = 86_400
const DAYS_PER_YEAR = 365.25

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

/** Totals over the run that the headline tiles show. */
export interface RunTotals {
  readonly minedGrossSats: number
  readonly expectedSats: number
  readonly paybackDay: string | null
  readonly npvUsdCents: number
  readonly btcHeldSats: number
  readonly capexUsdCents: number
}

const monthOfDay = (day: string): string => day.slice(0, 7)

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
  const cumulativeGrossSats: Array<number> = []
  const cumulativeNetSats: Array<number> = []
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
      if (work > 0) a.expectedSats += ((online * 1e12 * dt) / work) * (state.network.subsidySats + meanFeeSats)
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
      cumulativeGrossSats[i] = state.treasury.minedSats + state.treasury.poolFeeSats
      cumulativeNetSats[i] = state.treasury.minedSats
      heldSats[i] = state.treasury.btcHeldSats
    }
  }

  const retargets: Array<RetargetPoint> = []
  const hostingByDay = new Map<string, number>()
  const creditsByDay = new Map<string, number>()
  for (const entry of log.entries) {
    const atS = parseAtS(entry.at) as number
    integrateTo(atS)
    closeDays(atS)
    if (entry.type === "DifficultyAdjusted") {
      const before = bitsToDifficulty(state.network.bits)
      const after = bitsToDifficulty(Number.parseInt(entry.data.newBits, 16))
      retargets.push({ day: entry.at.slice(0, 10), height: entry.data.height, difficulty: after, change: after / before - 1 })
    } else if (entry.type === "HostingFeeCharged") {
      hostingByDay.set(entry.data.day, (hostingByDay.get(entry.data.day) ?? 0) + entry.data.amountUsdCents)
    } else if (entry.type === "CurtailmentCredited" || entry.type === "SlaCredited") {
      creditsByDay.set(entry.data.day, (creditsByDay.get(entry.data.day) ?? 0) + entry.data.amountUsdCents)
    }
    state = evolve(state, entry)
  }
  integrateTo(untilS)
  closeDays(Number.POSITIVE_INFINITY)

  // Daily series.
  let expectedSum = 0
  const cumulativeExpectedSats = acc.map((a) => Math.round((expectedSum += a.expectedSats)))
  const spanS = days.map((_, i) => Math.max(1, dayEndS(i) - dayStartS(i)))
  const online = acc.map((a, i) => a.onlineThsSeconds / (spanS[i] as number))
  const network = acc.map((a, i) => a.networkThsSeconds / (spanS[i] as number))
  const daily: DailySeries = {
    days,
    cumulativeMinedSats: cumulativeGrossSats,
    cumulativeExpectedSats,
    onlineThs: online,
    networkThs: network,
    networkShare: online.map((x, i) => ((network[i] as number) > 0 ? x / (network[i] as number) : 0)),
    difficulty,
    btcHeldSats: heldSats,
    btcHeldValueUsdCents: heldSats.map((s, i) => Math.round((s * (priceOfDay[i] as number)) / 1e8))
  }

  // Per day: net mined, revenue at the day's price, hosting, credits, capex spread over each lot's life.
  const final = log.finalState
  const lots = Object.values(final.lots)
  const netMinedOfDay = cumulativeNetSats.map((x, i) => x - (i === 0 ? 0 : (cumulativeNetSats[i - 1] as number)))
  const grossMinedOfDay = cumulativeGrossSats.map((x, i) => x - (i === 0 ? 0 : (cumulativeGrossSats[i - 1] as number)))
  const capexSpreadOfDay = days.map((_, i) =>
    lots.reduce((sum, lot) => {
      const from = lot.purchasedAtS
      const to = from + lot.lifeYears * DAYS_PER_YEAR * SECONDS_PER_DAY
      const overlap = Math.max(0, Math.min(to, dayEndS(i)) - Math.max(from, dayStartS(i)))
      return sum + (lot.priceUsdCents * overlap) / (to - from)
    }, 0)
  )

  const months: Array<string> = []
  for (const d of days) if (months[months.length - 1] !== monthOfDay(d)) months.push(monthOfDay(d))
  const monthIndex = new Map(months.map((m, i) => [m, i]))
  const minedSats = months.map(() => 0)
  const hosting = months.map(() => 0)
  const credits = months.map(() => 0)
  const capexSpread = months.map(() => 0)
  days.forEach((d, i) => {
    const m = monthIndex.get(monthOfDay(d)) as number
    minedSats[m] = (minedSats[m] as number) + (grossMinedOfDay[i] as number)
    capexSpread[m] = (capexSpread[m] as number) + (capexSpreadOfDay[i] as number)
  })
  for (const [d, cents] of hostingByDay) {
    const m = monthIndex.get(monthOfDay(d))
    if (m !== undefined) hosting[m] = (hosting[m] as number) + cents
  }
  for (const [d, cents] of creditsByDay) {
    const m = monthIndex.get(monthOfDay(d))
    if (m !== undefined) credits[m] = (credits[m] as number) + cents
  }
  const perBtc = (cents: number, sats: number): number | null => (sats > 0 ? Math.round((cents * 1e8) / sats) : null)
  const monthly: MonthlySeries = {
    months,
    minedSats,
    cashCostPerBtcUsdCents: months.map((_, m) => perBtc((hosting[m] as number) - (credits[m] as number), minedSats[m] as number)),
    allInCostPerBtcUsdCents: months.map((_, m) => perBtc((hosting[m] as number) - (credits[m] as number) + (capexSpread[m] as number), minedSats[m] as number)),
    hostingCostUsdCents: hosting,
    creditsUsdCents: credits
  }

  // Payback (DESIGN.md): the first day on which BTC mined, valued at each mining day's price, less hosting plus
  // credits, reaches capex. NPV: those daily flows less capex when paid, discounted to the start.
  const capex = final.treasury.capexUsdCents
  const rate = scenarioEntry.data.discountRatePerYear
  let margin = 0
  let paybackDay: string | null = null
  let npv = -lots.reduce((sum, lot) => sum + lot.priceUsdCents / (1 + rate) ** ((lot.purchasedAtS - startS) / (DAYS_PER_YEAR * SECONDS_PER_DAY)), 0)
  days.forEach((d, i) => {
    const flow = ((netMinedOfDay[i] as number) * (priceOfDay[i] as number)) / 1e8 - (hostingByDay.get(d) ?? 0) + (creditsByDay.get(d) ?? 0)
    margin += flow
    if (paybackDay === null && capex > 0 && margin >= capex) paybackDay = d
    npv += flow / (1 + rate) ** ((dayEndS(i) - startS) / (DAYS_PER_YEAR * SECONDS_PER_DAY))
  })

  const totals: RunTotals = {
    minedGrossSats: cumulativeGrossSats[cumulativeGrossSats.length - 1] ?? 0,
    expectedSats: cumulativeExpectedSats[cumulativeExpectedSats.length - 1] ?? 0,
    paybackDay,
    npvUsdCents: Math.round(npv),
    btcHeldSats: final.treasury.btcHeldSats,
    capexUsdCents: capex
  }
  const totalHosting = hosting.reduce((a, b) => a + b, 0)
  const totalCredits = credits.reduce((a, b) => a + b, 0)
  const lastHeldValue = daily.btcHeldValueUsdCents[daily.btcHeldValueUsdCents.length - 1] ?? 0
  const headlines: Array<Headline> = [
    { label: "BTC mined (before pool fees)", value: formatBtc(totals.minedGrossSats), detail: `expected ${formatBtc(totals.expectedSats)} (${totals.expectedSats > 0 ? formatPercent(totals.minedGrossSats / totals.expectedSats) : "n/a"})` },
    { label: "BTC held at the end", value: formatBtc(totals.btcHeldSats), detail: `worth ${formatUsd(lastHeldValue)} at the last price` },
    { label: "cash cost per BTC", value: totals.minedGrossSats > 0 ? formatUsd(((totalHosting - totalCredits) * 1e8) / totals.minedGrossSats) : "n/a", detail: `hosting ${formatUsd(totalHosting)}, credits ${formatUsd(totalCredits)}` },
    { label: "capex", value: formatUsd(capex) },
    { label: "payback", value: paybackDay ?? "not within the horizon" },
    { label: `NPV at ${formatPercent(rate)} a year`, value: formatUsd(totals.npvUsdCents) }
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
      assumptions: assumptionsOf(final, scenarioEntry),
      notes: [
        "Every number is a fold over the complete log with the ledger's own state (hashsim's evolve); nothing is re-simulated.",
        `Expected BTC: for every stretch of time in which nothing changes, the fleet's online hashes divided by the work per block at the current difficulty (its expected share of the network's blocks), times the current subsidy plus the scenario's mean fee per block (${formatBtc(meanFeeSats, 8)}); before pool fees, like "mined".`,
        "Mined BTC is what the pool credited plus its fee (RewardCredited amount + poolFee), assigned to the day whose end it was credited at.",
        "Cash cost per BTC = (hosting - credits) / BTC mined; all-in adds capex spread evenly over each lot's stated life from its purchase.",
        "Payback is the first day on which net BTC mined, valued at each day's price, less hosting plus credits, reaches capex; NPV discounts those daily flows and capex at the scenario's rate.",
        "Online hashrate is deployed x (1 - curtailed fraction) x the day's uptime; network = the fleet online + everyone else's (MarketStepped)."
      ]
    },
    headlines,
    daily,
    monthly,
    retargets,
    planEvents: planMarkers(log.entries)
  }
}
