// The monthly report and its totals, a fold over a log. The JSON shape is a stable contract (docs/EVENTS.md, "The monthly report");
// every definition, rounding and the NPV and payback formulas are stated next to the code that computes them.
import { evolve, type TimedEvent } from "./Decider.ts"
import { initialState, inForce, type LedgerState, lookup, networkThsAt, onlineThsAt } from "./LedgerState.ts"
import {
  allInCostPerBtcUsdCents, cashCostPerBtcUsdCents, depreciationUsdCents, discountDivisor, hashpriceUsdCentsPerPhDay,
  presentValueUsdCents, reachesPayback, roundHalfEven, satsToUsdCents, SECONDS_PER_DAY, SECONDS_PER_YEAR, utcDayStartS
} from "@hashsim/economics"
import { dayOfS, monthOfS, nextMonthStartS, parseAtS, parseDayS } from "./Time.ts"

/** A Julian year (the economics kernel's unit of lifeYears and of the NPV discount). */
export { SECONDS_PER_YEAR }

/** The figures a month and the whole log both report (the period is the month, or the horizon for totals). */
export interface ReportFigures {
  /** Seconds of the period inside the horizon [start, until), in days. */
  readonly days: number
  /** Fleet blocks found (BlockFound with fleet, plus BlocksMined.fleetBlocks). */
  readonly fleetBlocks: number
  /** BTC credited to the treasury (RewardCredited.amountSats, net of pool fees). */
  readonly minedSats: number
  /** Each credit valued at the BTC price in force when credited, half-even per credit. */
  readonly revenueUsdCents: number
  readonly hostingCostUsdCents: number
  readonly energyKwh: number
  /** Curtailment plus SLA credits. */
  readonly creditsUsdCents: number
  readonly poolFeeSats: number
  /** Time-weighted averages over the period's seconds in the horizon. */
  readonly avgOnlineThs: number
  readonly avgNetworkThs: number
  /** revenue - hosting + credits. */
  readonly netMarginUsdCents: number
  /** (hosting - credits) per BTC mined, half-even; null when nothing was mined. */
  readonly cashCostPerBtcUsdCents: number | null
  /** (hosting - credits + depreciation) per BTC mined; null when nothing was mined. */
  readonly allInCostPerBtcUsdCents: number | null
  /** Capex spread evenly over each lot's life, per second owned within its life, half-even. */
  readonly depreciationUsdCents: number
  /** revenue per PH/s of average online hashrate per day, half-even; null when nothing was online. */
  readonly hashpriceUsdCentsPerPhDay: number | null
  /** ∫online / ∫network over the period. */
  readonly networkShare: number
  /** Lot prices (cash, or shares at their stated USD price) of the period's purchases. */
  readonly capexUsdCents: number
  readonly btcSoldSats: number
  readonly saleProceedsUsdCents: number
  /** At the end of the period (the last event dated in it, carried forward). */
  readonly btcHeldSats: number
}

export interface MonthReport extends ReportFigures {
  /** `YYYY-MM` (UTC). */
  readonly month: string
  readonly curtailmentCreditsUsdCents: number
  readonly slaCreditsUsdCents: number
  readonly priceUsdCents: number
  /** The observed fee level (FeesObserved), averaged over the month's seconds it covers; null when none does. */
  readonly observedFeePerBlockSats: number | null
}

export interface ReportTotals extends ReportFigures {
  /** First UTC day on which cumulative net margin reaches cumulative capex; null if not within the log. */
  readonly paybackDate: string | null
  /** Net present value of the treasury's cash flows and the BTC held at the end (formula below). */
  readonly npvUsdCents: number
  readonly sharesIssued: number
  readonly usdCashCents: number
  /** The BTC price in force at the end of the log: the price the BTC still held is valued at. */
  readonly endPriceUsdCents: number
  /** btcHeldSats at endPriceUsdCents, half-even. */
  readonly btcHeldValueUsdCents: number
  /** Cash from operations: sale proceeds - hosting + credits (capex, cash or shares, is not in it). */
  readonly operatingCashUsdCents: number
  /** The position at the end: operating cash + BTC held at the end price - capex. */
  readonly positionValueUsdCents: number
}

export interface MonthlyReport {
  readonly months: ReadonlyArray<MonthReport>
  readonly totals: ReportTotals
}

interface MonthAcc {
  fleetBlocks: number
  minedSats: number
  revenueUsdCents: number
  hostingCostUsdCents: number
  energyKwh: number
  curtailmentCreditsUsdCents: number
  slaCreditsUsdCents: number
  poolFeeSats: number
  onlineThsS: number
  networkThsS: number
  coveredS: number
  depreciationUsdCents: number
  capexUsdCents: number
  btcSoldSats: number
  saleProceedsUsdCents: number
  btcHeldSats: number | null
  priceUsdCents: number | null
  /** ∫ observed fee level dt and the seconds an observed fee level covered. */
  observedFeeSatsS: number
  observedFeeCoveredS: number
}

/**
 * Per UTC day: net margin (revenue - hosting + credits) for payback, the treasury's cash (sale proceeds - hosting +
 * credits) for NPV, and capex for both.
 */
interface DayAcc {
  netUsdCents: number
  cashUsdCents: number
  capexUsdCents: number
}

/**
 * The report fold's accumulator: plain data (structuredClone is a snapshot). `stepReport` updates it in place —
 * a log of millions of events must not copy the month and day tables per event; the accumulator belongs to the
 * fold that created it.
 */
export interface ReportState {
  ledger: LedgerState
  months: Record<string, MonthAcc>
  days: Record<string, DayAcc>
  /** The time up to which hashrate and depreciation have been integrated (null before ScenarioStarted). */
  integratedToS: number | null
}

export const initialReportState = (): ReportState => ({ ledger: initialState(), months: {}, days: {}, integratedToS: null })

/** A snapshot of an accumulator (to resume a fold from the middle of a log). */
export const snapshotReportState = (acc: ReportState): ReportState => structuredClone(acc)

const emptyMonth = (): MonthAcc => ({
  fleetBlocks: 0, minedSats: 0, revenueUsdCents: 0, hostingCostUsdCents: 0, energyKwh: 0, curtailmentCreditsUsdCents: 0,
  slaCreditsUsdCents: 0, poolFeeSats: 0, onlineThsS: 0, networkThsS: 0, coveredS: 0, depreciationUsdCents: 0,
  capexUsdCents: 0, btcSoldSats: 0, saleProceedsUsdCents: 0, btcHeldSats: null, priceUsdCents: null,
  observedFeeSatsS: 0, observedFeeCoveredS: 0
})
const monthAcc = (acc: ReportState, month: string): MonthAcc => (acc.months[month] ??= emptyMonth())
const dayAcc = (acc: ReportState, day: string): DayAcc => (acc.days[day] ??= { netUsdCents: 0, cashUsdCents: 0, capexUsdCents: 0 })

/**
 * Integrates the rates in force (online and network TH/s, depreciation, an observed fee level) from
 * `integratedToS` to `toS`, capped at the horizon, split at month boundaries and where an observed span ends. Rates
 * are constant between those points, so the integrals are exact.
 */
const integrate = (acc: ReportState, toS: number): void => {
  const from = acc.integratedToS
  const scenario = acc.ledger.scenario
  if (from === null || scenario === null) return
  const end = Math.min(toS, scenario.untilS)
  if (end <= from) return
  const ledger = acc.ledger
  const lots = Object.values(ledger.lots)
  const { fees, fleetOperation } = ledger.observed
  let a = from
  while (a < end) {
    let b = Math.min(end, nextMonthStartS(a))
    for (const span of [fees, fleetOperation]) {
      if (span !== null && span.untilS > a && span.untilS < b) b = span.untilS
    }
    const m = monthAcc(acc, monthOfS(a))
    const dt = b - a
    m.coveredS += dt
    m.onlineThsS += onlineThsAt(ledger, a) * dt
    m.networkThsS += networkThsAt(ledger, a) * dt
    const fee = inForce(fees, a)
    if (fee !== null) {
      m.observedFeeSatsS += fee.value * dt
      m.observedFeeCoveredS += dt
    }
    for (const lot of lots) {
      m.depreciationUsdCents += depreciationUsdCents(lot.priceUsdCents, lot.purchasedAtS, lot.lifeYears, a, b)
    }
    a = b
  }
  acc.integratedToS = Math.max(from, end)
}

/** Folds one event into the report accumulator (in place; returns it). */
export const stepReport = (acc: ReportState, event: TimedEvent): ReportState => {
  const atS = parseAtS(event.at) ?? acc.integratedToS ?? 0
  integrate(acc, atS)
  const before = acc.ledger
  // Invoices and credits belong to the day they are for; everything else to the day of `at`.
  const dayS = "day" in event.data && typeof event.data.day === "string" ? (parseDayS(event.data.day) ?? atS) : atS
  const day = dayOfS(dayS)
  const month = monthOfS(dayS)
  switch (event.type) {
    case "ScenarioStarted":
      if (before.scenario === null) acc.integratedToS = atS
      break
    case "HashratePurchased":
      if (lookup(before.lots, event.data.lotId) === undefined) {
        monthAcc(acc, month).capexUsdCents += event.data.priceUsdCents
        dayAcc(acc, day).capexUsdCents += event.data.priceUsdCents
      }
      break
    case "BlockFound":
      if (event.data.fleet) monthAcc(acc, month).fleetBlocks += 1
      break
    case "BlocksMined":
      monthAcc(acc, month).fleetBlocks += event.data.fleetBlocks
      break
    case "RewardCredited": {
      // Revenue: the credit valued at the price in force when credited (before this event; a credit sets no price).
      const revenue = satsToUsdCents(event.data.amountSats, before.priceUsdCents)
      const m = monthAcc(acc, month)
      m.minedSats += event.data.amountSats
      m.poolFeeSats += event.data.poolFeeSats
      m.revenueUsdCents += revenue
      dayAcc(acc, day).netUsdCents += revenue
      break
    }
    case "HostingFeeCharged":
      if (lookup(before.contracts, event.data.contractId) !== undefined) {
        const m = monthAcc(acc, month)
        m.hostingCostUsdCents += event.data.amountUsdCents
        m.energyKwh += event.data.energyKwh
        const dd = dayAcc(acc, day)
        dd.netUsdCents -= event.data.amountUsdCents
        dd.cashUsdCents -= event.data.amountUsdCents
      }
      break
    case "CurtailmentCredited":
    case "SlaCredited":
      if (lookup(before.contracts, event.data.contractId) !== undefined) {
        const m = monthAcc(acc, month)
        if (event.type === "CurtailmentCredited") m.curtailmentCreditsUsdCents += event.data.amountUsdCents
        else m.slaCreditsUsdCents += event.data.amountUsdCents
        const dd = dayAcc(acc, day)
        dd.netUsdCents += event.data.amountUsdCents
        dd.cashUsdCents += event.data.amountUsdCents
      }
      break
    case "BtcSold": {
      const sold = Math.min(event.data.amountSats, before.treasury.btcHeldSats)
      const m = monthAcc(acc, month)
      m.btcSoldSats += sold
      m.saleProceedsUsdCents += event.data.proceedsUsdCents
      dayAcc(acc, day).cashUsdCents += event.data.proceedsUsdCents
      break
    }
    default:
      break
  }
  acc.ledger = evolve(before, event)
  const atMonth = monthAcc(acc, monthOfS(atS))
  atMonth.btcHeldSats = acc.ledger.treasury.btcHeldSats
  atMonth.priceUsdCents = acc.ledger.priceUsdCents
  return acc
}

/** Months from the start's month to the month of the horizon's last second, plus any month an event fell in. */
const monthsOf = (acc: ReportState): Array<string> => {
  const set = new Set(Object.keys(acc.months))
  const scenario = acc.ledger.scenario
  if (scenario !== null) {
    for (let s = scenario.startAtS; s < scenario.untilS; s = nextMonthStartS(s)) set.add(monthOfS(s))
  }
  return [...set].sort()
}

/** The payback picture: on every day with a booking, in order, the running sums payback compares. */
export interface PaybackCurve {
  /** YYYY-MM-DD, ascending; days without a booking are left out (the sums carry over them). */
  readonly days: ReadonlyArray<string>
  /** Revenue - hosting + credits, summed from the start to the end of the day. */
  readonly cumulativeNetUsdCents: ReadonlyArray<number>
  /** Lot prices, each on its purchase day, summed from the start to the end of the day. */
  readonly cumulativeCapexUsdCents: ReadonlyArray<number>
}

/** The running sums of what has been folded, day by day (pure); payback is its first day with capex > 0 and net >= capex. */
export const paybackCurve = (acc: ReportState): PaybackCurve => {
  const days = Object.keys(acc.days).sort()
  const cumulativeNetUsdCents: Array<number> = []
  const cumulativeCapexUsdCents: Array<number> = []
  let net = 0
  let capex = 0
  for (const day of days) {
    const d = acc.days[day]!
    cumulativeNetUsdCents.push((net += d.netUsdCents))
    cumulativeCapexUsdCents.push((capex += d.capexUsdCents))
  }
  return { days, cumulativeNetUsdCents, cumulativeCapexUsdCents }
}

/**
 * The report of what has been folded, the horizon integrated to `until` (pure: `acc` is not changed).
 *
 * Payback: days in order, cumulative net (revenue - hosting + credits, each on its day) against cumulative capex
 * (each lot's price on its purchase day); the first day with capex > 0 and net >= capex. With all lots bought at
 * the start this is "the first day on which BTC mined, valued at each day's price, less hosting plus credits,
 * reaches capex".
 *
 * NPV: the treasury's cash when it moves, and the BTC it still holds at the end:
 * NPV = Σ_d (proceeds_d - hosting_d + credits_d - capex_d) / (1 + r)^(t_d) + held x P_end / (1 + r)^(t_end),
 * r = ScenarioStarted.discountRatePerYear, t_d = (00:00Z of day d - 00:00Z of the start's day) / 365.25 days,
 * summed over the days in the log; t_end the same for the day of the horizon's last second (the log's last day
 * when the log stops before it); P_end the price in force at the end of the log, held x P_end half-even to the
 * cent; the sum half-even to the cent at the end. Mined BTC is not cash until sold: a policy that sells earns the
 * month's prices, one that holds the end price, so hold, sell-monthly and sell-to-cover differ.
 */
export const finishReport = (state: ReportState): MonthlyReport => {
  const acc = snapshotReportState(state)
  const scenario = acc.ledger.scenario
  if (scenario !== null) integrate(acc, scenario.untilS)
  // End-of-month balances and prices carry forward through months without events.
  let lastHeld = 0
  let lastPrice = 0
  const t = {
    coveredS: 0, fleetBlocks: 0, minedSats: 0, revenueUsdCents: 0, hostingCostUsdCents: 0, energyKwh: 0, creditsUsdCents: 0,
    poolFeeSats: 0, onlineThsS: 0, networkThsS: 0, depreciationUsdCents: 0, btcSoldSats: 0, saleProceedsUsdCents: 0
  }
  const months: Array<MonthReport> = monthsOf(acc).map((month) => {
    const m = acc.months[month] ?? emptyMonth()
    if (m.btcHeldSats !== null) lastHeld = m.btcHeldSats
    if (m.priceUsdCents !== null) lastPrice = m.priceUsdCents
    const credits = m.curtailmentCreditsUsdCents + m.slaCreditsUsdCents
    const depreciation = roundHalfEven(m.depreciationUsdCents)
    t.coveredS += m.coveredS
    t.fleetBlocks += m.fleetBlocks
    t.minedSats += m.minedSats
    t.revenueUsdCents += m.revenueUsdCents
    t.hostingCostUsdCents += m.hostingCostUsdCents
    t.energyKwh += m.energyKwh
    t.creditsUsdCents += credits
    t.poolFeeSats += m.poolFeeSats
    t.onlineThsS += m.onlineThsS
    t.networkThsS += m.networkThsS
    t.depreciationUsdCents += m.depreciationUsdCents
    t.btcSoldSats += m.btcSoldSats
    t.saleProceedsUsdCents += m.saleProceedsUsdCents
    return {
      month,
      days: m.coveredS / SECONDS_PER_DAY,
      fleetBlocks: m.fleetBlocks,
      minedSats: m.minedSats,
      revenueUsdCents: m.revenueUsdCents,
      hostingCostUsdCents: m.hostingCostUsdCents,
      energyKwh: m.energyKwh,
      creditsUsdCents: credits,
      curtailmentCreditsUsdCents: m.curtailmentCreditsUsdCents,
      slaCreditsUsdCents: m.slaCreditsUsdCents,
      poolFeeSats: m.poolFeeSats,
      avgOnlineThs: m.coveredS > 0 ? m.onlineThsS / m.coveredS : 0,
      avgNetworkThs: m.coveredS > 0 ? m.networkThsS / m.coveredS : 0,
      netMarginUsdCents: m.revenueUsdCents - m.hostingCostUsdCents + credits,
      cashCostPerBtcUsdCents: cashCostPerBtcUsdCents(m.hostingCostUsdCents, credits, m.minedSats),
      allInCostPerBtcUsdCents: allInCostPerBtcUsdCents(m.hostingCostUsdCents, credits, m.depreciationUsdCents, m.minedSats),
      depreciationUsdCents: depreciation,
      hashpriceUsdCentsPerPhDay: hashpriceUsdCentsPerPhDay(m.revenueUsdCents, m.onlineThsS),
      networkShare: m.networkThsS > 0 ? m.onlineThsS / m.networkThsS : 0,
      capexUsdCents: m.capexUsdCents,
      btcSoldSats: m.btcSoldSats,
      saleProceedsUsdCents: m.saleProceedsUsdCents,
      btcHeldSats: lastHeld,
      priceUsdCents: lastPrice,
      observedFeePerBlockSats: m.observedFeeCoveredS > 0 ? m.observedFeeSatsS / m.observedFeeCoveredS : null
    }
  })
  // Payback and NPV over the days in order.
  const curve = paybackCurve(acc)
  const paybackIndex = curve.days.findIndex((_, i) => reachesPayback(curve.cumulativeNetUsdCents[i]!, curve.cumulativeCapexUsdCents[i]!))
  const paybackDate = paybackIndex < 0 ? null : curve.days[paybackIndex]!
  let npv = 0
  const startS = scenario === null ? 0 : scenario.startAtS
  const rate = scenario?.discountRatePerYear ?? 0
  for (const day of curve.days) {
    const d = acc.days[day]!
    const divisor = discountDivisor(rate, startS, parseDayS(day) ?? utcDayStartS(startS))
    npv += presentValueUsdCents(d.cashUsdCents - d.capexUsdCents, divisor)
  }
  const tr = acc.ledger.treasury
  const endPrice = acc.ledger.priceUsdCents
  const heldValue = satsToUsdCents(tr.btcHeldSats, endPrice)
  const lastDay = Object.keys(acc.days).sort().at(-1)
  const endDayS =
    scenario === null ? 0 : utcDayStartS(Math.min(scenario.untilS - 1, Math.max(parseDayS(lastDay ?? "") ?? scenario.startAtS, acc.integratedToS ?? scenario.startAtS)))
  npv += presentValueUsdCents(heldValue, discountDivisor(rate, startS, endDayS))
  const operatingCash = t.saleProceedsUsdCents - t.hostingCostUsdCents + t.creditsUsdCents
  return {
    months,
    totals: {
      days: t.coveredS / SECONDS_PER_DAY,
      fleetBlocks: t.fleetBlocks,
      minedSats: t.minedSats,
      revenueUsdCents: t.revenueUsdCents,
      hostingCostUsdCents: t.hostingCostUsdCents,
      energyKwh: t.energyKwh,
      creditsUsdCents: t.creditsUsdCents,
      poolFeeSats: t.poolFeeSats,
      avgOnlineThs: t.coveredS > 0 ? t.onlineThsS / t.coveredS : 0,
      avgNetworkThs: t.coveredS > 0 ? t.networkThsS / t.coveredS : 0,
      netMarginUsdCents: t.revenueUsdCents - t.hostingCostUsdCents + t.creditsUsdCents,
      cashCostPerBtcUsdCents: cashCostPerBtcUsdCents(t.hostingCostUsdCents, t.creditsUsdCents, t.minedSats),
      allInCostPerBtcUsdCents: allInCostPerBtcUsdCents(t.hostingCostUsdCents, t.creditsUsdCents, t.depreciationUsdCents, t.minedSats),
      depreciationUsdCents: roundHalfEven(t.depreciationUsdCents),
      hashpriceUsdCentsPerPhDay: hashpriceUsdCentsPerPhDay(t.revenueUsdCents, t.onlineThsS),
      networkShare: t.networkThsS > 0 ? t.onlineThsS / t.networkThsS : 0,
      capexUsdCents: tr.capexUsdCents,
      paybackDate,
      npvUsdCents: roundHalfEven(npv),
      btcHeldSats: tr.btcHeldSats,
      btcSoldSats: tr.soldSats,
      saleProceedsUsdCents: tr.saleProceedsUsdCents,
      sharesIssued: tr.sharesIssued,
      usdCashCents: tr.usdCashCents,
      endPriceUsdCents: endPrice,
      btcHeldValueUsdCents: heldValue,
      operatingCashUsdCents: operatingCash,
      positionValueUsdCents: operatingCash + heldValue - tr.capexUsdCents
    }
  }
}

/** The report of an in-memory sequence of events (the simulator's and Monte Carlo's entry point). */
export const reportOfEvents = (events: Iterable<TimedEvent>): MonthlyReport => {
  const acc = initialReportState()
  for (const e of events) stepReport(acc, e)
  return finishReport(acc)
}

/** The report of an async stream of events (e.g. entries of a log being validated). */
export const reportOfStream = async (events: AsyncIterable<TimedEvent>): Promise<MonthlyReport> => {
  const acc = initialReportState()
  for await (const e of events) stepReport(acc, e)
  return finishReport(acc)
}
