// The fleet's operating policy and the treasury through the simulator: under breakeven the fleet never runs a
// whole day at a loss on power; a take-or-pay minimum is billed whether or not the fleet runs; sales policies
// that differ give different treasury outcomes, and value is conserved.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { centsOfSats } from "../src/Money.ts"
import { PathSimulator } from "../src/PathSimulator.ts"
import { simulateLog, simulateOutcome } from "../src/Simulate.ts"
import type { RewardBasisCode } from "../src/sinks/SimSink.ts"
import { NullSink, testScenario } from "./support/TestScenario.ts"

const START_S = Date.parse("2024-01-01T00:00:00Z") / 1000
const DAY_S = 86_400
const iso = (s: number): string => new Date(s * 1000).toISOString().replace(".000Z", "Z")
const line = (at: string, type: string, data: unknown): string => JSON.stringify({ at, type, v: 1, data })

/** A price observed at the start of every day (cents), so each day's revenue is valued at one known price. */
const dailyPrices = (prices: ReadonlyArray<number>): Array<string> =>
  prices.map((p, d) => line(iso(START_S + d * DAY_S), "PriceObserved", { priceUsdCents: p }))

describe("operating policy", () => {
  // $0.07/kWh and 17.5 J/TH: power costs 24 x 17.5 x 0.07 = $29.40/PH/day; at the test bits hashprice is about
  // $32/PH/day at $50,000, so daily prices of $35k-$65k put the day on either side of breakeven.
  it("under breakeven the fleet never runs a whole day at a loss on power (days without a retarget)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 3_500_000, max: 6_500_000 }), { minLength: 20, maxLength: 60 }), (prices) => {
        const days = prices.length
        const plan = testScenario({
          until: iso(START_S + days * DAY_S), pool: { mode: "fpps", feeFraction: 0.04 }, fleetShare: 0.05,
          extraLines: [line(iso(START_S), "OperatingPolicySet", { policy: { kind: "breakeven" } }), ...dailyPrices(prices)]
        })
        const revenue = new Float64Array(days)
        const hosting = new Float64Array(days)
        const retarget = new Uint8Array(days)
        const running = new Uint8Array(days).fill(1)
        let on = 1
        class Recorder extends NullSink {
          override marketStepped(tS: number): void {
            running[Math.floor((tS - START_S) / DAY_S)] = on
          }
          override fleetSwitched(tS: number, _s: number, isRunning: boolean): void {
            on = isRunning ? 1 : 0
            running[Math.floor((tS - START_S) / DAY_S)] = on
          }
          override rewardCredited(tS: number, amountSats: number, _fee: number, _b: RewardBasisCode, _h: number, priceUsdCents: number): void {
            const d = Math.floor((tS - START_S) / DAY_S)
            revenue[d] = revenue[d]! + centsOfSats(amountSats, priceUsdCents)
          }
          override hostingFeeCharged(_tS: number, _c: number, d: number, _kwh: number, amountUsdCents: number): void {
            hosting[d] = hosting[d]! + amountUsdCents
          }
          override difficultyAdjusted(tS: number): void {
            retarget[Math.floor((tS - START_S) / DAY_S)] = 1
          }
        }
        new PathSimulator(plan).run(3, "aggregate", new Recorder())
        let ranAny = false
        let offAny = false
        for (let d = 0; d < days; d++) {
          if (running[d] === 0) offAny = true
          if (running[d] === 0 || retarget[d] === 1) continue
          ranAny = true
          // Revenue is floored to the sat and each amount rounded to the cent: allow the two roundings, 2 cents.
          if (revenue[d]! < hosting[d]! - 2) return false
        }
        return ranAny || offAny
      }),
      { numRuns: 40, seed: 5 }
    )
  })

  it("switches the fleet off on days below breakeven: nothing drawn, no SLA credit; take-or-pay bills its minimum anyway", () => {
    // $20,000 all along: hashprice ~$13/PH/day, far below $29.40 of power: off every day.
    const until = iso(START_S + 10 * DAY_S)
    const base = { until, pool: { mode: "fpps" as const, feeFraction: 0.02 } }
    const policy = line(iso(START_S), "OperatingPolicySet", { policy: { kind: "breakeven" } })
    const off = simulateLog(testScenario({ ...base, extraLines: [policy, ...dailyPrices(Array(10).fill(2_000_000))] }), 1, "aggregate")
    expect(off.outcome.siteDaysOff).toBe(10)
    expect(off.outcome.minedSats).toBe(0)
    expect(off.outcome.hostingCostUsdCents).toBe(0)
    expect(off.text).toContain('"type":"FleetSwitched"')
    // The same with a 90% take-or-pay: the minimum of full-power energy is billed though nothing runs, and the
    // take-or-pay energy makes the marginal price 0 below it, so breakeven now keeps the fleet on (uptime 100%).
    const text = testScenario({ ...base, extraLines: [policy, ...dailyPrices(Array(10).fill(2_000_000))] })
    const withTop = { ...text, contracts: text.contracts.map((c) => ({ ...c, takeOrPayFraction: 0.9 })) }
    const forced = simulateOutcome(withTop, 1, "aggregate")
    expect(forced.siteDaysOff).toBe(0)
    expect(forced.minedSats).toBeGreaterThan(0)
    // Always off under a floor above hashprice: the 90% minimum is billed for nothing drawn.
    const floor = line(iso(START_S), "OperatingPolicySet", { policy: { kind: "hashpriceFloor", floorUsdPerPhDay: 100 } })
    const floorPlan = testScenario({ ...base, extraLines: [floor, ...dailyPrices(Array(10).fill(2_000_000))] })
    const floored = simulateLog({ ...floorPlan, contracts: floorPlan.contracts.map((c) => ({ ...c, takeOrPayFraction: 0.9 })) }, 1, "aggregate")
    const fleetKw = (floorPlan.lots[0]!.hashrateThs * 17.5) / 1000
    const minimumCents = Math.round((0.9 * fleetKw * 24 * 10 * 7000) / 1000)
    expect(floored.outcome.minedSats).toBe(0)
    expect(Math.abs(floored.outcome.hostingCostUsdCents - minimumCents)).toBeLessThanOrEqual(10)
    expect(floored.text).toContain('"takeOrPayKwh"')
  })
})

describe("treasury", () => {
  const plan = (sales: unknown) => {
    // Monthly prices over a year, so that selling during the year and holding to its end earn different prices.
    const prices = [5_000_000, 6_000_000, 4_000_000, 7_000_000, 3_500_000, 5_500_000, 6_500_000, 4_500_000, 5_000_000, 3_000_000, 4_000_000, 4_500_000]
    const lines = prices.map((p, m) => line(iso(Date.UTC(2024, m, 1) / 1000), "PriceObserved", { priceUsdCents: p }))
    return testScenario({
      until: "2025-01-01T00:00:00Z", pool: { mode: "fpps", feeFraction: 0.02 }, lotPriceUsdCents: 2_000_000_000,
      extraLines: [line("2024-01-01T00:00:00Z", "SalesPolicySet", { policy: sales }), ...lines]
    })
  }
  const policies = [{ kind: "hold" }, { kind: "sellShareMonthly", fraction: 0.5 }, { kind: "sellToCoverHosting" }]

  it("hold, sell-monthly and sell-to-cover give different NPVs and positions; value is conserved", () => {
    const outcomes = policies.map((p) => simulateLog(plan(p), 21, "aggregate"))
    const npvs = outcomes.map((o) => o.outcome.npvUsdCents)
    expect(new Set(npvs).size).toBe(3)
    expect(new Set(outcomes.map((o) => o.outcome.positionValueUsdCents)).size).toBe(3)
    for (const { outcome: o, text } of outcomes) {
      // BTC sold x price = proceeds, sale by sale (half-even to the cent), and in total.
      let proceeds = 0
      let sold = 0
      for (const l of text.split("\n").filter((x) => x.includes('"type":"BtcSold"'))) {
        const d = JSON.parse(l).data as { amountSats: number; priceUsdCents: number; proceedsUsdCents: number }
        expect(d.proceedsUsdCents).toBe(centsOfSats(d.amountSats, d.priceUsdCents))
        proceeds += d.proceedsUsdCents
        sold += d.amountSats
      }
      expect(o.saleProceedsUsdCents).toBe(proceeds)
      expect(o.btcSoldSats).toBe(sold)
      expect(o.btcHeldSats + o.btcSoldSats).toBe(o.minedSats)
      // value = cash + BTC held x end price - capex; cash = proceeds - hosting + credits.
      expect(o.btcHeldValueUsdCents).toBe(centsOfSats(o.btcHeldSats, o.endPriceUsdCents))
      expect(o.operatingCashUsdCents).toBe(o.saleProceedsUsdCents - o.hostingCostUsdCents + o.creditsUsdCents)
      expect(o.positionValueUsdCents).toBe(o.operatingCashUsdCents + o.btcHeldValueUsdCents - 2_000_000_000)
    }
    // Holding values every BTC mined at the end price; selling half each month earns the months' prices.
    expect(outcomes[0]!.outcome.btcSoldSats).toBe(0)
    expect(outcomes[1]!.outcome.btcSoldSats).toBeGreaterThan(0)
  })
})
