import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  completeLogText, contractsView, finishReport, fleetView, foldEvents, initialReportState, initialState, type LogEntry,
  networkView, reportOfEvents, snapshotReportState, stepReport, treasuryView, validateLogText
} from "../src/index.ts"
import { at, bought, deployed, sampleEntries, signed, started } from "./fixtures.ts"

describe("monthly report: the sample scenario by hand", () => {
  const report = reportOfEvents(sampleEntries(3))
  const nov = report.months[0]!
  it("has one month, November 2024, covering the 3-day horizon", () => {
    expect(report.months.map((m) => m.month)).toEqual(["2024-11"])
    expect(nov.days).toBe(3)
  })
  it("counts blocks, BTC and revenue at the price in force at each credit", () => {
    expect(nov.fleetBlocks).toBe(18)
    expect(nov.minedSats).toBe(18 * 322_500_000)
    // 1,935,000,000 sats at $75,000 + 2,257,500,000 at $76,000 + 1,612,500,000 at $77,000
    expect(nov.revenueUsdCents).toBe(145_125_000 + 171_570_000 + 124_162_500)
  })
  it("costs, margin, cost per BTC", () => {
    expect(nov.hostingCostUsdCents).toBe(3 * 95_760_000)
    expect(nov.creditsUsdCents).toBe(0)
    expect(nov.netMarginUsdCents).toBe(440_857_500 - 287_280_000)
    expect(nov.cashCostPerBtcUsdCents).toBe(Math.round((287_280_000 * 1e8) / 5_805_000_000))
    // $256M over 4 Julian years, 3 days of it: 25.6e9 x 3 / 1461 = 52,566,735.1 cents
    expect(nov.depreciationUsdCents).toBe(52_566_735)
    expect(nov.allInCostPerBtcUsdCents).toBe(Math.round(((287_280_000 + 25_600_000_000 * 3 / 1461) * 1e8) / 5_805_000_000))
  })
  it("time-weighted hashrate: two days at 95% uptime, one day half curtailed", () => {
    expect(nov.avgOnlineThs).toBeCloseTo((30_400_000 * 2 + 15_200_000) / 3, 3)
    // network = other + fleet online: day 1 721.11 EH/s, day 2 722.11, day 3 723.11 (+ fleet)
    const net = ((721_110_000 + 30_400_000) + (722_110_000 + 30_400_000) + (723_110_000 + 15_200_000)) / 3
    expect(nov.avgNetworkThs).toBeCloseTo(net, 3)
    expect(nov.networkShare).toBeCloseTo((30_400_000 * 2 + 15_200_000) / 3 / net, 12)
    expect(nov.hashpriceUsdCentsPerPhDay).toBe(Math.round(440_857_500 / (((30_400_000 * 2 + 15_200_000) / 1000))))
  })
  it("totals: capex, held BTC after the sale, no payback in three days, NPV by the stated formula", () => {
    const t = report.totals
    expect(t.capexUsdCents).toBe(25_600_000_000)
    expect(t.btcHeldSats).toBe(18 * 322_500_000 - 100_000_000)
    expect(t.btcSoldSats).toBe(100_000_000)
    expect(t.paybackDate).toBeNull()
    const df = (k: number) => Math.pow(1.1, k / 365.25)
    // The treasury's cash (proceeds - hosting, capex) on its day; the BTC held at the end price ($77,000, the last
    // MarketStepped) on the horizon's last day (2024-11-09, day 2): 5,705,000,000 sats = 439,285,000 cents.
    expect(t.endPriceUsdCents).toBe(7_700_000)
    expect(t.btcHeldValueUsdCents).toBe(439_285_000)
    const npv = (-25_600_000_000 - 95_760_000) + -95_760_000 / df(1) + (8_000_000 - 95_760_000) / df(2) + 439_285_000 / df(2)
    expect(t.npvUsdCents).toBe(Math.round(npv))
    // Operating cash: proceeds - hosting + credits; the position: that + BTC held at the end price - capex.
    expect(t.operatingCashUsdCents).toBe(8_000_000 - 3 * 95_760_000)
    expect(t.positionValueUsdCents).toBe(8_000_000 - 3 * 95_760_000 + 439_285_000 - 25_600_000_000)
    expect(t.minedSats).toBe(nov.minedSats)
  })
})

describe("monthly report: definitions", () => {
  const base = [started({ until: "2025-01-01T00:00:00Z" }), bought("a", 1_000, 100_000_000), signed(), deployed(1_000, "a")]
  it("payback: the first day cumulative net margin reaches capex", () => {
    const credit = (iso: string, sats: number) => at(iso)("RewardCredited", { amountSats: sats, poolFeeSats: 0, basis: "fpps" })
    // $75,000/BTC: 1 BTC = 7,500,000 cents; capex 100,000,000 cents needs 13.33 BTC
    const events = [...base, credit("2024-11-20T12:00:00Z", 1_000_000_000), credit("2024-12-02T00:00:00Z", 333_333_334)]
    expect(reportOfEvents(events).totals.paybackDate).toBe("2024-12-02")
    expect(reportOfEvents(events.slice(0, -1)).totals.paybackDate).toBeNull()
  })
  it("months run from the start to the horizon even without events; balances carry forward", () => {
    const r = reportOfEvents([...base, at("2024-11-10T00:00:00Z")("RewardCredited", { amountSats: 5, poolFeeSats: 1, basis: "block", height: 870_950 })])
    expect(r.months.map((m) => m.month)).toEqual(["2024-11", "2024-12"])
    expect(r.months[1]!.btcHeldSats).toBe(5)
    expect(r.months[1]!.days).toBe(31)
    expect(r.months[0]!.days).toBe(24)
    expect(r.months[1]!.cashCostPerBtcUsdCents).toBeNull()
    expect(r.months[0]!.poolFeeSats).toBe(1)
  })
  it("an invoice counts in the month of its day, even when charged the next morning", () => {
    const r = reportOfEvents([...base, at("2024-12-01T00:00:00Z")("HostingFeeCharged", { contractId: "c1", day: "2024-11-30", energyKwh: 420, amountUsdCents: 3_150 })])
    expect(r.months[0]!.hostingCostUsdCents).toBe(3_150)
    expect(r.months[1]!.hostingCostUsdCents).toBe(0)
  })
})

describe("projections", () => {
  it("fleet, network, treasury and contracts views of the sample", () => {
    const s = foldEvents(sampleEntries(2), initialState())
    const fleet = fleetView(s)
    expect(fleet.purchasedThs).toBe(32_000_000)
    expect(fleet.deployedThs).toBe(32_000_000)
    expect(fleet.onlineThs).toBeCloseTo(32_000_000 * 0.95 * 0.5, 6)
    expect(fleet.powerKw).toBeCloseTo(32_000_000 * 0.95 * 0.5 * 17.5 / 1000, 6)
    expect(fleet.lots[0]!.onlineThs).toBeCloseTo(fleet.onlineThs, 6)
    expect(fleet.lots[0]!.powerKw).toBeCloseTo(fleet.powerKw, 6)
    const net = networkView(s)
    expect(net.timeS).toBe(1_730_937_600 + 2 * 86_400)
    expect(net.height).toBe(870_288)
    expect(net.bits).toBe("17030ecd")
    expect(net.nextRetargetHeight).toBe(870_912)
    expect(net.difficulty).toBeCloseTo(92_049_594_548_485.47, 0)
    expect(net.fleetBlocks).toBe(13)
    expect(treasuryView(s).btcHeldSats).toBe(13 * 322_500_000 - 100_000_000)
    expect(contractsView(s)[0]!.feesUsdCents).toBe(2 * 95_760_000)
  })
})

describe("always: a fold over a log split anywhere equals the fold over the whole", () => {
  const events = sampleEntries(5)
  const whole = reportOfEvents(events)
  it("report: snapshot of the prefix + the rest", () => {
    fc.assert(fc.property(fc.nat({ max: events.length }), (k) => {
      const acc = initialReportState()
      for (const e of events.slice(0, k)) stepReport(acc, e)
      const resumed = snapshotReportState(acc)
      for (const e of events.slice(k)) stepReport(resumed, e)
      expect(finishReport(resumed)).toEqual(whole)
    }))
  })
  it("ledger state: prefix state + the rest", () => {
    const all = foldEvents(events, initialState())
    fc.assert(fc.property(fc.nat({ max: events.length }), (k) => {
      const prefix = structuredClone(foldEvents(events.slice(0, k), initialState()))
      expect(foldEvents(events.slice(k), prefix)).toEqual(all)
    }))
  })
  it("the report of a validated log stream equals the report of its events", () => {
    const entries: Array<LogEntry> = []
    validateLogText(completeLogText(events), { onEntry: (e) => entries.push(e) })
    expect(reportOfEvents(entries)).toEqual(whole)
  })
})
